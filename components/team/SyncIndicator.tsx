// The side panel's sync indicator: in sync, n changes waiting, the last sync, or why it is not syncing,
// with "Réessayer". Nothing at all for a register that never joined a team. The reason is translated here
// from the code the background publishes (`reason`), in the page's language.
import { t } from '@/lib/i18n';
import { formatDateTime } from '@/lib/i18n/dates';
import { SYNC_PROBLEMS, type SyncReason, type SyncStatus } from '@/lib/sync/connection';

interface Props {
  status: SyncStatus;
  onRetry: () => void;
}

const PROBLEMS = new Set<string>(SYNC_PROBLEMS);

/** The reasons whose text names no detail: a state published without a reason (an older worker's) gets it. */
const PLAIN = ['offline', 'revoked', 'unreachable', 'permission'] as const;

/** The precise text of the reason, in the page's language. */
function reasonText(state: SyncStatus['state'], reason: SyncReason | undefined): string | null {
  if (reason) return t(`sync.reason.${reason.code}`, reason.params);
  const plain = PLAIN.find((p) => p === state);
  return plain ? t(`sync.reason.${plain}`) : null;
}

export function SyncIndicator({ status, onRetry }: Props) {
  if (status.state === 'off') return null;
  const problem = PROBLEMS.has(status.state);
  const reason = problem ? reasonText(status.state, status.reason) : null;
  return (
    <div
      class={`sync sync--${status.state}`}
      role="status"
      data-testid="sync-indicator"
      data-state={status.state}
      aria-label={t('sync.title')}
    >
      <strong>{t(`sync.state.${status.state}`)}</strong>
      {status.pending > 0 && <span data-testid="sync-pending"> · {t('sync.pending', { count: status.pending })}</span>}
      <span class="sync__last">
        {' · '}
        {status.lastSyncAt ? t('sync.lastSync', { time: formatDateTime(status.lastSyncAt) }) : t('sync.never')}
      </span>
      {reason && (
        <p class="sync__reason" data-testid="sync-reason">
          {reason}
        </p>
      )}
      {status.message && <p class="sync__reason">{status.message}</p>}
      {problem && (
        <button type="button" onClick={onRetry} data-testid="sync-retry">
          {t('sync.retry')}
        </button>
      )}
    </div>
  );
}
