// The case file's outcome: investigation, decision, compensation, follow-up actions, mediation, closure,
// and the verdict on the history chain.
import { getLang, t } from '@/lib/i18n';
import { formatDateTime, formatDay } from '@/lib/i18n/dates';
import { formatEuros } from '@/lib/i18n/money';
import { paysMoney } from '@/lib/register/compensation';
import type { ChainVerdict } from '@/lib/register/history';
import type { Complaint } from '@/lib/register/schema';
import type { Settings } from '@/lib/settings/schema';
import { Facts, Missing, Prose, Section, yesNo } from './parts';

type Props = { complaint: Complaint };

export function Investigation({ complaint: { investigation: inv } }: Props) {
  return (
    <Section id="investigation" title={t('casefile.section.investigation')}>
      <Facts
        facts={[
          [t('ui.inv.rootCause'), inv.rootCause && <Prose text={inv.rootCause} />],
          [
            t('casefile.investigation.immediate'),
            inv.immediateAction.taken ? <Prose text={inv.immediateAction.description} /> : t('casefile.no'),
          ],
          [t('ui.inv.scope'), t(`ui.scope.${inv.scope}`)],
          [t('ui.inv.customersAffected'), inv.customersAffected === null ? '' : String(inv.customersAffected)],
        ]}
      />
    </Section>
  );
}

export function Decision({ complaint: { decision: d } }: Props) {
  return (
    <Section id="decision" title={t('casefile.section.decision')}>
      <Facts
        facts={[
          [t('ui.dec.outcome'), d.outcome ? t(`ui.outcome.${d.outcome}`) : t('ui.dec.outcomeUnset')],
          [t('ui.dec.reasons'), d.reasons && <Prose text={d.reasons} />],
          [t('ui.dec.nonConformity'), yesNo(d.nonConformity)],
          ...(d.nonConformity
            ? ([
                [t('ui.dec.causes'), d.causes && <Prose text={d.causes} />],
                [t('ui.dec.correctiveActions'), d.correctiveActions && <Prose text={d.correctiveActions} />],
              ] as const)
            : []),
        ]}
      />
    </Section>
  );
}

/** Only the lines of the recorded kind: a remedy owed by law shows its remedy and ground, never as a gesture. */
export function Compensation({ complaint: { compensation: k } }: Props) {
  const money = paysMoney(k);
  const legal = k.kind === 'legal';
  const dueLabel =
    k.kind === 'financial'
      ? t('ui.comp.paymentDueDay')
      : k.legalRemedy === 'refund'
        ? t('ui.comp.refundDueDay')
        : t('ui.comp.remedyDueDay');
  return (
    <Section id="compensation" title={t('casefile.section.compensation')}>
      <Facts
        facts={[
          [t('ui.comp.kind'), t(`ui.comp.${k.kind}`)],
          ...(legal
            ? ([
                [t('ui.comp.legalRemedy'), k.legalRemedy ? t(`ui.comp.remedy.${k.legalRemedy}`) : ''],
                [t('ui.comp.legalBasis'), k.legalBasis ? t(`ui.comp.basis.${k.legalBasis}`) : ''],
              ] as const)
            : []),
          ...(money
            ? ([
                [t('ui.comp.amount'), k.amountEuros === null ? '' : formatEuros(k.amountEuros, getLang())],
                [t('ui.comp.method'), k.method ? t(`ui.comp.method.${k.method}`) : ''],
              ] as const)
            : []),
          ...(money || legal ? ([[dueLabel, k.dueDay ? formatDay(k.dueDay) : '']] as const) : []),
          ...(k.kind === 'none'
            ? []
            : ([
                [
                  t(k.kind === 'commercial' ? 'ui.comp.commercialDescription' : 'ui.comp.description'),
                  k.description && <Prose text={k.description} />,
                ],
                [t('ui.comp.executedAt'), k.executedAt ? formatDateTime(k.executedAt) : ''],
              ] as const)),
        ]}
      />
    </Section>
  );
}

export function FollowUp({ complaint: c }: Props) {
  return (
    <Section id="followUp" title={t('casefile.section.followUp')}>
      {c.followUp.length === 0 ? (
        <p class="cf-missing">{t('casefile.followUp.none')}</p>
      ) : (
        <ul class="cf-actions">
          {c.followUp.map((a) => (
            <li key={a.id} data-testid="cf-action">
              <Prose text={a.description} />
              <span class="cf-actions__meta">
                {[
                  a.owner && `${t('ui.fu.owner')} : ${a.owner}`,
                  a.dueDay && t('ui.fu.dueOn', { day: formatDay(`${a.dueDay}T12:00:00Z`) }),
                  a.doneAt
                    ? t('casefile.followUp.done', { date: formatDateTime(a.doneAt) })
                    : t('casefile.followUp.open'),
                  a.effectiveness.checkedAt &&
                    t('casefile.followUp.effective', {
                      date: formatDateTime(a.effectiveness.checkedAt),
                      verdict:
                        a.effectiveness.effective === null ? t('ui.fu.notChecked') : yesNo(a.effectiveness.effective),
                    }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              {a.effectiveness.note && <Prose text={a.effectiveness.note} />}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** The mediator and the referral; the agent's notes on it only in the internal case file. */
export function Mediation({
  complaint: { mediation: m },
  settings: { mediator },
  internal = true,
}: Props & { settings: Settings; internal?: boolean }) {
  return (
    <Section id="mediation" title={t('casefile.section.mediation')}>
      <Facts
        facts={[
          [
            t('casefile.mediator'),
            <span key="m" class="cf-prose">
              {[mediator.name, mediator.organisation, mediator.address, mediator.website, mediator.phone]
                .filter(Boolean)
                .join('\n')}
            </span>,
          ],
        ]}
      />
      {m.referredAt === null ? (
        <p>{t('casefile.mediation.notReferred')}</p>
      ) : (
        <Facts
          facts={[
            [t('ui.med.referredAt'), formatDateTime(m.referredAt)],
            [t('ui.med.caseNumber'), m.caseNumber],
            [t('ui.med.outcome'), t(`ui.medOutcome.${m.outcome}`)],
            ...(internal ? ([[t('ui.med.notes'), m.notes && <Prose text={m.notes} />]] as const) : []),
          ]}
        />
      )}
    </Section>
  );
}

export function Closure({ complaint: c }: Props) {
  return (
    <Section id="closure" title={t('casefile.section.closure')}>
      {c.closure.closedAt ? (
        <Facts
          facts={[
            [t('casefile.closedAt'), formatDateTime(c.closure.closedAt)],
            [t('casefile.closureSummary'), c.closure.summary && <Prose text={c.closure.summary} />],
          ]}
        />
      ) : (
        <p>{t('casefile.notClosed')}</p>
      )}
    </Section>
  );
}

export function Chain({ verdict, head }: { verdict: ChainVerdict | null; head: string }) {
  return (
    <Section id="chain" title={t('casefile.section.chain')}>
      {verdict === null ? (
        <Missing />
      ) : verdict.ok ? (
        <>
          <p class="cf-verdict cf-verdict--ok" data-testid="cf-verdict">
            {t('casefile.chain.ok', { n: verdict.length })}
          </p>
          {verdict.redacted > 0 && <p>{t('casefile.chain.redacted', { n: verdict.redacted })}</p>}
        </>
      ) : (
        <p class="cf-verdict cf-verdict--broken" data-testid="cf-verdict">
          {t('casefile.chain.broken', { seq: verdict.brokenAt })}
        </p>
      )}
      <p class="cf-meta">
        {t('casefile.chain.head')} <code class="cf-hash">{head}</code>
      </p>
    </Section>
  );
}
