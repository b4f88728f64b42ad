// The complaint's full history, newest last, and whether its hash chain is intact.
import { t } from '@/lib/i18n';
import { formatDateTime } from '@/lib/i18n/dates';
import { templateMeta } from '@/lib/letters/catalog';
import type { ChainVerdict, HistoryEvent } from '@/lib/register/history';
import { type Complaint, LetterRecordSchema } from '@/lib/register/schema';
import { announcedExtension } from '../casefile/model';

interface Props {
  events: HistoryEvent[];
  verdict: ChainVerdict | null;
  /** To name the deadline extension a letter announces. */
  complaint?: Complaint;
}

/** What a `letterRecorded` event says about its letter (its text is in the letter list, not repeated here). */
const LetterIdentity = LetterRecordSchema.pick({
  templateId: true,
  templateVersion: true,
  lang: true,
  extensionAt: true,
});

function LetterEvent({ event, complaint }: { event: HistoryEvent; complaint?: Complaint }) {
  const parsed = LetterIdentity.safeParse(event.changes.find((ch) => ch.path === 'letters')?.to);
  if (!parsed.success) return null;
  const letter = parsed.data;
  const extension = complaint && announcedExtension(complaint, letter.extensionAt);
  return (
    <ul class="timeline__changes" data-testid="history-letter">
      <li>
        {t('ui.history.letter', {
          title: templateMeta(letter.templateId)?.title[letter.lang] ?? letter.templateId,
          version: letter.templateVersion,
          lang: letter.lang.toUpperCase(),
        })}
      </li>
      {letter.extensionAt && (
        <li>
          {extension
            ? t('ui.letters.announces', { date: formatDateTime(extension.newDueAt) })
            : t('ui.letters.announcesUnknown', { date: formatDateTime(letter.extensionAt) })}
        </li>
      )}
    </ul>
  );
}

const show = (v: unknown): string => {
  if (v === null || v === undefined || v === '') return '∅';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
};

/** « Attribuée à Paul Durand »: the name the event recorded (the history is read, never trusted). */
function assignedTo(e: HistoryEvent): string {
  const to = e.changes.find((c) => c.path === 'assignee')?.to;
  const name = to && typeof to === 'object' && 'name' in to ? String(to.name) : '?';
  return t('ui.history.assignedTo', { name });
}

export function History({ events, verdict, complaint }: Props) {
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
            {e.type === 'letterRecorded' && <LetterEvent event={e} complaint={complaint} />}
            {e.type === 'assigned' && <p data-testid="history-assigned">{assignedTo(e)}</p>}
            {e.type !== 'created' && e.type !== 'letterRecorded' && e.type !== 'assigned' && e.changes.length > 0 && (
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
