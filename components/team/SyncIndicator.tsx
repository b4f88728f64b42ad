// The side panel's sync indicator: in sync, n changes waiting, the last sync, or why it is not syncing,
// with "Réessayer". Nothing at all for a register that never joined a team.
import { t } from '@/lib/i18n';
import { formatDateTime } from '@/lib/i18n/dates';
import { SYNC_PROBLEMS, type SyncStatus } from '@/lib/sync/connection';

interface Props {
  status: SyncStatus;
  onRetry: () => void;
}

const PROBLEMS = new Set<string>(SYNC_PROBLEMS);

export function SyncIndicator({ status, onRetry }: Props) {
  if (status.state === 'off') return null;
  const problem = PROBLEMS.has(status.state);
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
      {problem && status.message && (
        <p class="sync__reason" data-testid="sync-reason">
          {status.message}
        </p>
      )}
      {!problem && status.message && <p class="sync__reason">{status.message}</p>}
      {problem && (
        <button type="button" onClick={onRetry} data-testid="sync-retry">
          {t('sync.retry')}
        </button>
      )}
    </div>
  );
}
