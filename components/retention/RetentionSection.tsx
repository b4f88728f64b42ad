// The complaints past their retention period (reference, closure or last event date, customer initials
// only) and their anonymisation after an explicit confirmation that lists them, then the report of what was
// done; below, the records in quarantine with their age (retention cannot anonymise what does not parse).
import { useId, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { formatDay } from '@/lib/i18n/dates';
import type { RetentionCandidate } from '@/lib/register/retention';
import type { RetentionReport } from '@/lib/register/store/anonymize';
import type { QuarantineAge } from '@/lib/register/store/quarantine';
import './privacy.css';

interface Props {
  years: number;
  notComplaintYears: number;
  /** Null while the register is being read. */
  candidates: RetentionCandidate[] | null;
  /** Null while the quarantine is being read. */
  quarantine: QuarantineAge[] | null;
  /** Anonymises these complaints (through the background); rejects with a message when it cannot. */
  onAnonymize: (ids: string[]) => Promise<RetentionReport>;
}

type State =
  | { kind: 'idle' }
  | { kind: 'confirming' }
  | { kind: 'busy' }
  | { kind: 'done'; report: RetentionReport }
  | { kind: 'failed'; message: string };

export function RetentionSection({ years, notComplaintYears, candidates, quarantine, onAnonymize }: Props) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const titleId = useId();
  const confirmId = useId();
  const list = candidates ?? [];
  const references = list.map((c) => c.reference).join(', ');
  const apply = async () => {
    setState({ kind: 'busy' });
    try {
      setState({ kind: 'done', report: await onAnonymize(list.map((c) => c.id)) });
    } catch (error) {
      setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <section class="retention" aria-labelledby={titleId} data-testid="retention">
      <h2 id={titleId}>{t('privacy.retention.title')}</h2>
      <p class="retention__help">{t('privacy.retention.help', { years, notComplaintYears })}</p>
      {state.kind === 'done' && <Report report={state.report} />}
      {state.kind === 'failed' && (
        <p class="warning" role="alert">
          {t('privacy.retention.failed', { message: state.message })}
        </p>
      )}
      {candidates === null ? (
        <p role="status">{t('privacy.retention.loading')}</p>
      ) : list.length === 0 ? (
        <p class="empty" data-testid="retention-none">
          {t('privacy.retention.none')}
        </p>
      ) : (
        <>
          <p>{t('privacy.retention.count', { n: list.length })}</p>
          <table data-testid="retention-list">
            <thead>
              <tr>
                <th scope="col">{t('privacy.retention.column.reference')}</th>
                <th scope="col">{t('privacy.retention.column.since')}</th>
                <th scope="col">{t('privacy.retention.column.customer')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((c) => (
                <tr key={c.id}>
                  <td>{c.reference}</td>
                  <td>{t(`privacy.retention.basis.${c.basis}`, { date: formatDay(c.since) })}</td>
                  <td>{c.initials}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {state.kind === 'confirming' || state.kind === 'busy' ? (
            <div class="confirm" role="alertdialog" aria-labelledby={confirmId} data-testid="retention-confirm">
              <p id={confirmId}>
                <strong>
                  {list.length === 1
                    ? t('privacy.retention.confirmOne', { list: references })
                    : t('privacy.retention.confirmMany', { n: list.length, list: references })}
                </strong>
              </p>
              <p>{t('privacy.retention.confirmDetail')}</p>
              <div class="confirm__buttons">
                <button type="button" class="button button--danger" disabled={state.kind === 'busy'} onClick={apply}>
                  {state.kind === 'busy' ? t('privacy.retention.busy') : t('privacy.retention.confirmButton')}
                </button>
                <button
                  type="button"
                  class="button"
                  disabled={state.kind === 'busy'}
                  onClick={() => setState({ kind: 'idle' })}
                >
                  {t('privacy.retention.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <button
              type="button"
              class="button button--danger"
              onClick={() => setState({ kind: 'confirming' })}
              data-testid="retention-apply"
            >
              {t('privacy.retention.apply')}
            </button>
          )}
        </>
      )}
      <Quarantine records={quarantine} years={years} />
    </section>
  );
}

function Quarantine({ records, years }: { records: QuarantineAge[] | null; years: number }) {
  const titleId = useId();
  if (records === null) return null;
  return (
    <section aria-labelledby={titleId} data-testid="quarantine">
      <h3 id={titleId}>{t('privacy.quarantine.title')}</h3>
      {records.length === 0 ? (
        <p class="empty">{t('privacy.quarantine.none')}</p>
      ) : (
        <>
          <p class="retention__help">{t('privacy.quarantine.help')}</p>
          <table data-testid="quarantine-list">
            <thead>
              <tr>
                <th scope="col">{t('privacy.quarantine.column.record')}</th>
                <th scope="col">{t('privacy.quarantine.column.quarantinedAt')}</th>
                <th scope="col">{t('privacy.quarantine.column.age')}</th>
              </tr>
            </thead>
            <tbody>
              {records.map((r) => (
                <tr key={r.key}>
                  <td>{r.reference ?? r.key}</td>
                  <td>{formatDay(r.quarantinedAt)}</td>
                  <td>
                    {r.ageDays < 365
                      ? t('privacy.quarantine.ageDays', { n: r.ageDays })
                      : t('privacy.quarantine.ageYears', { n: Math.floor(r.ageDays / 365) })}
                    {r.ageDays > years * 365 && (
                      <strong class="retention__past"> — {t('privacy.quarantine.pastRetention')}</strong>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function Report({ report }: { report: RetentionReport }) {
  return (
    <div role="status" data-testid="retention-report">
      {report.anonymized.length > 0 && (
        <p class="notice">
          {t('privacy.retention.done', {
            n: report.anonymized.length,
            list: report.anonymized.map((a) => a.reference).join(', '),
          })}
        </p>
      )}
      {report.skipped.length > 0 && (
        <div class="warning">
          <p>{t('privacy.retention.skipped', { n: report.skipped.length })}</p>
          <ul class="retention__skipped">
            {report.skipped.map((s) => (
              <li key={s.id}>{s.message}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
