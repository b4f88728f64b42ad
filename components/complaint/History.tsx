// The complaint's full history, newest last, and whether its hash chain is intact.
import { t } from '@/lib/i18n';
import type { ChainVerdict, HistoryEvent } from '@/lib/register/history';
import { formatDateTime } from '@/lib/ui/format';

interface Props {
  events: HistoryEvent[];
  verdict: ChainVerdict | null;
}

const show = (v: unknown): string => {
  if (v === null || v === undefined || v === '') return '∅';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
};

export function History({ events, verdict }: Props) {
  return (
    <section class="section history" aria-label={t('ui.history.title')} data-testid="history">
      <h3>{t('ui.history.title')}</h3>
      {verdict && (
        <p class={verdict.ok ? 'notice' : 'warning'} data-testid="chain-verdict" role="status">
          {verdict.ok
            ? t('ui.history.chainOk', { n: verdict.length })
            : t('ui.history.chainBroken', { seq: verdict.brokenAt })}
        </p>
      )}
      <ol class="timeline">
        {events.map((e) => (
          <li key={e.id} data-testid="history-event">
            <p>
              <strong>{t(`ui.event.${e.type}`)}</strong> · {formatDateTime(e.at)} · {e.actor}
            </p>
            {e.type !== 'created' && e.changes.length > 0 && (
              <ul class="timeline__changes">
                {e.changes.slice(0, 12).map((c) => (
                  <li key={c.path}>
                    <code>{c.path}</code> : {show(c.from).slice(0, 120)} → {show(c.to).slice(0, 120)}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
