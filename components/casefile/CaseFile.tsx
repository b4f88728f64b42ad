// The printable case file of one complaint, for the customer or the mediator: the company, the complaint,
// its deadlines, steps, letters, decision, compensation, follow-up, mediation and the history's verdict.
// Dumb: everything comes in as props; every value is rendered as text (never as HTML).
import { clockStatus } from '@/lib/deadlines/clock';
import { t } from '@/lib/i18n';
import type { RenderResult } from '@/lib/letters/render';
import type { ChainVerdict, HistoryEvent } from '@/lib/register/history';
import type { Complaint } from '@/lib/register/schema';
import type { Settings } from '@/lib/settings/schema';
import { formatDateTime } from '@/lib/ui/format';
import { Letters, Steps } from './CaseFileHandling';
import { Chain, Closure, Compensation, Decision, FollowUp, Investigation, Mediation } from './CaseFileOutcome';
import { categoryLabel } from './model';
import { type Fact, Facts, Prose, Section } from './parts';
import './casefile.css';

export interface CaseFileProps {
  complaint: Complaint;
  history: readonly HistoryEvent[];
  verdict: ChainVerdict | null;
  settings: Settings;
  /** The letters re-rendered from the record, in the order of `complaint.letters` (null while rendering). */
  regenerated: readonly (RenderResult | null)[];
  now: Date;
  onPrint: () => void;
}

export function CaseFile(props: CaseFileProps) {
  const { complaint: c, settings, now, onPrint } = props;
  return (
    <main class="casefile" data-testid="casefile">
      <div class="cf-toolbar no-print">
        <button type="button" class="button button--primary" onClick={onPrint} data-testid="print">
          {t('casefile.print')}
        </button>
      </div>
      <Company settings={settings} />
      <h1>{t('casefile.pageTitle', { reference: c.reference })}</h1>
      <p class="cf-meta">{t('casefile.editedOn', { date: formatDateTime(now.toISOString()) })}</p>
      {c.anonymizedAt && (
        <p class="cf-anonymized" role="note" data-testid="cf-anonymized">
          {t('casefile.anonymized', { date: formatDateTime(c.anonymizedAt) })}
        </p>
      )}
      <TheComplaint complaint={c} settings={settings} />
      <Deadlines complaint={c} now={now} dueSoonHours={settings.policy.dueSoonHours} />
      <Steps complaint={c} history={props.history} />
      <Investigation complaint={c} />
      <Decision complaint={c} />
      <Compensation complaint={c} />
      <FollowUp complaint={c} />
      <Mediation complaint={c} settings={settings} />
      <Closure complaint={c} />
      <Letters complaint={c} regenerated={props.regenerated} />
      <Chain verdict={props.verdict} head={c.historyHead} />
    </main>
  );
}

function Company({ settings: { company } }: { settings: Settings }) {
  const lines = [company.address, company.email, company.phone, company.website].filter(Boolean);
  return (
    <header class="cf-company" data-testid="cf-company">
      <p class="cf-company__name">{company.name || t('casefile.companyUnset')}</p>
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </header>
  );
}

function TheComplaint({ complaint: c, settings }: { complaint: Complaint; settings: Settings }) {
  const who = c.customer;
  const facts: Fact[] = [
    [t('casefile.reference'), c.reference],
    [t('casefile.receivedAt'), formatDateTime(c.receivedAt)],
    [t('casefile.loggedAt'), t('casefile.loggedBy', { date: formatDateTime(c.loggedAt), agent: c.loggedBy })],
    [t('casefile.channel'), t(`channel.${c.channel}`)],
    [t('ui.form.customerName'), who.name],
    [t('ui.form.customerEmail'), who.email ?? ''],
    [t('ui.form.customerPhone'), who.phone ?? ''],
    [t('ui.form.customerNumber'), who.customerNumber ?? ''],
    [t('ui.form.orderNumber'), who.orderNumber ?? ''],
    [t('ui.form.subject'), c.subject],
    [t('ui.form.category'), categoryLabel(c.category, settings.categories)],
    [t('ui.form.product'), c.product],
    [t('ui.form.severity'), c.severity === null ? '' : t(`severity.${c.severity}`)],
    [t('ui.form.justified'), t(`justified.${c.justified}`)],
    [t('casefile.phase'), t(`phase.${c.phase}`)],
  ];
  return (
    <Section id="complaint" title={t('casefile.section.complaint')}>
      <Facts facts={facts} />
      <Facts
        facts={[
          [t('ui.form.excerpt'), c.excerpt && <Prose text={c.excerpt} />],
          [t('ui.form.summary'), c.summary && <Prose text={c.summary} />],
          [t('ui.form.remedy'), c.remedyRequested && <Prose text={c.remedyRequested} />],
          ...(c.isComplaint
            ? []
            : [[t('ui.step.qualificationNote'), <Prose key="q" text={c.qualificationNote} />] as const]),
        ]}
      />
    </Section>
  );
}

function Deadlines({ complaint: c, now, dueSoonHours }: { complaint: Complaint; now: Date; dueSoonHours: number }) {
  const clockless = c.phase === 'notComplaint';
  return (
    <Section id="deadlines" title={t('casefile.section.deadlines')}>
      <table class="cf-table">
        <thead>
          <tr>
            <th scope="col">{t('casefile.deadline')}</th>
            <th scope="col">{t('casefile.dueAt')}</th>
            <th scope="col">{t('casefile.status')}</th>
            <th scope="col">{t('casefile.metAt')}</th>
          </tr>
        </thead>
        <tbody>
          {(['ack', 'answer'] as const).map((k) => {
            const clock = c.clocks[k];
            const status = clockless ? 'notApplicable' : clockStatus(clock, now, dueSoonHours);
            return (
              <tr key={k} data-testid={`cf-clock-${k}`}>
                <th scope="row">{t(k === 'ack' ? 'ui.clock.ack' : 'ui.clock.answer')}</th>
                <td>{formatDateTime(clock.dueAt)}</td>
                <td>{t(`deadlines.status.${status}`)}</td>
                <td>{clock.metAt ? formatDateTime(clock.metAt) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {(['ack', 'answer'] as const).flatMap((k) =>
        c.clocks[k].extensions.map((x) => (
          <p key={`${k}${x.at}`} class="cf-extension">
            {t(k === 'ack' ? 'ui.clock.ack' : 'ui.clock.answer')} :{' '}
            {t('casefile.extension', {
              date: formatDateTime(x.newDueAt),
              told: formatDateTime(x.customerToldAt),
              reason: x.reason,
            })}
          </p>
        )),
      )}
    </Section>
  );
}
