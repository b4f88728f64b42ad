// A conflict, side by side: my value and the other agent's, with who changed it and when; the agent keeps
// one or the other. Until then both are kept (the team's version in the register, mine in the conflict).
import { t } from '@/lib/i18n';
import { formatDateTime } from '@/lib/i18n/dates';
import type { ShownConflict } from '@/lib/sync/conflicts';

interface Props {
  conflicts: ShownConflict[];
  onKeep: (key: string, keep: 'mine' | 'theirs') => void;
}

/** Values as text only (they may come from an email: never HTML). */
const shown = (value: unknown) =>
  value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

export function ConflictList({ conflicts, onKeep }: Props) {
  if (conflicts.length === 0) return null;
  return (
    <section class="conflicts" aria-label={t('sync.conflict.title')} data-testid="conflicts">
      {conflicts.map((c) => (
        <div key={c.key} class="conflict" data-testid="conflict">
          <h3>{t('sync.conflict.title')}</h3>
          {c.paths.map((path) => (
            <div key={path} class="conflict__field">
              <p>{t('sync.conflict.field', { path })}</p>
              <div class="conflict__sides">
                <div data-testid="conflict-mine">
                  <em>{t('sync.conflict.mine')}</em>
                  <p>{shown(c.mine[path])}</p>
                </div>
                <div data-testid="conflict-theirs">
                  <em>{t('sync.conflict.theirs', { name: c.by })}</em>
                  <p>{shown(c.theirs[path])}</p>
                  <small>{t('sync.conflict.when', { time: formatDateTime(c.at) })}</small>
                </div>
              </div>
            </div>
          ))}
          <button type="button" onClick={() => onKeep(c.key, 'mine')} data-testid="keep-mine">
            {t('sync.conflict.keepMine')}
          </button>{' '}
          <button type="button" onClick={() => onKeep(c.key, 'theirs')} data-testid="keep-theirs">
            {t('sync.conflict.keepTheirs', { name: c.by })}
          </button>
        </div>
      ))}
    </section>
  );
}
