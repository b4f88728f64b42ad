// The printable case file of one complaint, in two versions. For the customer or the mediator: the claim,
// its dates, the letters as sent, the decision and remedy, the mediator; none of the company's internal
// fields (root cause, severity, scope, customers affected, internal notes, steps with agents, history
// internals). Internal: everything, with the handling steps and the verdict on the history chain.
// Dumb: everything comes in as props; every value is rendered as text (never as HTML).
import { clockStatus } from '@/lib/deadlines/clock';
import { t } from '@/lib/i18n';
import { formatDateTime } from '@/lib/i18n/dates';
import type { ChainVerdict, HistoryEvent } from '@/lib/register/history';
import type { Complaint } from '@/lib/register/schema';
import type { Settings } from '@/lib/settings/schema';
import { Letters, Steps } from './CaseFileHandling';
import { Chain, Closure, Compensation, Decision, FollowUp, Investigation, Mediation } from './CaseFileOutcome';
import { AUDIENCES, type Audience, categoryLabel } from './model';
import { type Fact, Facts, Prose, Section } from './parts';
import './casefile.css';

export interface CaseFileProps {
  complaint: Complaint;
  history: readonly HistoryEvent[];
  verdict: ChainVerdict | null;
  settings: Settings;
  audience: Audience;
  /** Switches the version shown (the page keeps it in its address); no switch when absent. */
  onAudience?: (audience: Audience) => void;
  now: Date;
  onPrint: () => void;
}

export function caseFileTitle(reference: string, audience: Audience): string {
  return t(audience === 'customer' ? 'casefile.pageTitle.customer' : 'casefile.pageTitle.internal', { reference });
}

export function CaseFile(props: CaseFileProps) {
  const { complaint: c, settings, now, onPrint, audience, onAudience } = props;
  const internal = audience === 'internal';
  return (
    <main class="casefile" data-testid="casefile" data-audience={audience}>
      <div class="cf-toolbar no-print">
        {onAudience && (
          <fieldset class="cf-audience" data-testid="cf-audience">
            <legend class="sr-only">{t('casefile.audience.label')}</legend>
            {AUDIENCES.map((a) => (
              <button
                key={a}
                type="button"
                class="button"
                aria-pressed={a === audience}
                data-testid={`cf-audience-${a}`}
                onClick={() => onAudience(a)}
              >
                {t(`casefile.audience.${a}`)}
              </button>
            ))}
          </fieldset>
        )}
        <button type="button" class="button button--primary" onClick={onPrint} data-testid="print">
          {t('casefile.print')}
        </button>
      </div>
      <Company settings={settings} />
      <h1>{caseFileTitle(c.reference, audience)}</h1>
      <p class="cf-meta">{t('casefile.editedOn', { date: formatDateTime(now.toISOString()) })}</p>
      {!internal && <p class="cf-meta">{t('casefile.customerNote')}</p>}
      {c.anonymizedAt && (
        <p class="cf-anonymized" role="note" data-testid="cf-anonymized">
          {t('casefile.anonymized', { date: formatDateTime(c.anonymizedAt) })}
        </p>
      )}
      <TheComplaint complaint={c} settings={settings} internal={internal} />
      {internal ? (
        <>
          <Deadlines complaint={c} now={now} dueSoonHours={settings.policy.dueSoonHours} />
          <Steps complaint={c} history={props.history} />
          <Investigation complaint={c} />
        </>
      ) : (
        <Dates complaint={c} />
      )}
      <Decision complaint={c} />
      <Compensation complaint={c} />
      {internal && <FollowUp complaint={c} />}
      <Mediation complaint={c} settings={settings} internal={internal} />
      {internal && <Closure complaint={c} />}
      <Letters complaint={c} />
      {internal && <Chain verdict={props.verdict} head={c.historyHead} />}
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

function TheComplaint({
  complaint: c,
  settings,
  internal,
}: {
  complaint: Complaint;
  settings: Settings;
  internal: boolean;
}) {
  const who = c.customer;
  const facts: Fact[] = [
    [t('casefile.reference'), c.reference],
    [t('casefile.receivedAt'), formatDateTime(c.receivedAt)],
    ...(internal
      ? ([
          [t('casefile.loggedAt'), t('casefile.loggedBy', { date: formatDateTime(c.loggedAt), agent: c.loggedBy })],
        ] as const)
      : []),
    [t('casefile.channel'), t(`channel.${c.channel}`)],
    [t('ui.form.customerName'), who.name],
    [t('ui.form.customerEmail'), who.email ?? ''],
    [t('ui.form.customerPhone'), who.phone ?? ''],
    [t('ui.form.customerNumber'), who.customerNumber ?? ''],
    [t('ui.form.orderNumber'), who.orderNumber ?? ''],
    [t('ui.form.subject'), c.subject],
    ...(internal ? ([[t('ui.form.category'), categoryLabel(c.category, settings.categories)]] as const) : []),
    [t('ui.form.product'), c.product],
    ...(internal
      ? ([
          [t('ui.form.severity'), c.severity === null ? '' : t(`severity.${c.severity}`)],
          [t('ui.form.justified'), t(`justified.${c.justified}`)],
          [t('casefile.phase'), t(`phase.${c.phase}`)],
        ] as const)
      : []),
  ];
  return (
    <Section id="complaint" title={t('casefile.section.complaint')}>
      <Facts facts={facts} />
      <Facts
        facts={[
          [t('ui.form.excerpt'), c.excerpt && <Prose text={c.excerpt} />],
          ...(internal ? ([[t('ui.form.summary'), c.summary && <Prose text={c.summary} />]] as const) : []),
          [t('ui.form.remedy'), c.remedyRequested && <Prose text={c.remedyRequested} />],
          ...(c.isComplaint || !internal
            ? []
            : [[t('ui.step.qualificationNote'), <Prose key="q" text={c.qualificationNote} />] as const]),
        ]}
      />
    </Section>
  );
}

/** The customer's version of the deadlines. */
function Dates({ complaint: c }: { complaint: Complaint }) {
  const when = (iso: string | null) => (iso ? formatDateTime(iso) : '');
  return (
    <Section id="dates" title={t('casefile.section.dates')}>
      <Facts
        facts={[
          [t('casefile.receivedAt'), formatDateTime(c.receivedAt)],
          [t('casefile.acknowledgedAt'), when(c.clocks.ack.metAt)],
          [t('casefile.answeredAt'), when(c.clocks.answer.metAt)],
          [t('casefile.closedAt'), when(c.closure.closedAt)],
        ]}
      />
      <Extensions complaint={c} />
    </Section>
  );
}

function Extensions({ complaint: c }: { complaint: Complaint }) {
  return (
    <>
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
    </>
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
      <Extensions complaint={c} />
    </Section>
  );
}
