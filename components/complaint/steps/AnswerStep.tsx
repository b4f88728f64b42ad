// Step 4: decide and answer within the deadline: a reasoned decision, the causes and corrective actions
// of a confirmed non-conformity, a compensation in line with the severity; then the answer letter.
import { t } from '@/lib/i18n';
import { fromLocalInput, toLocalInput } from '@/lib/i18n/dates';
import { parseAmount } from '@/lib/i18n/money';
import { templatesFor } from '@/lib/letters/catalog';
import { paysMoney, tidyCompensation } from '@/lib/register/compensation';
import { COMPENSATION_KINDS, LEGAL_BASES, LEGAL_REMEDIES, OUTCOMES, PAYMENT_METHODS } from '@/lib/register/schema';
import { Check, Select, Text } from '../../controls';
import { EditSection } from '../EditSection';
import { LetterComposer } from '../LetterComposer';
import { TransitionButton } from '../TransitionButton';
import type { StepProps } from '../types';

export function AnswerStep(props: StepProps) {
  const { complaint: c, actions } = props;
  const value = {
    decision: { ...c.decision, outcome: (c.decision.outcome ?? '') as (typeof OUTCOMES)[number] | '' },
    compensation: {
      ...c.compensation,
      amountEuros: c.compensation.amountEuros === null ? '' : String(c.compensation.amountEuros),
      executedAt: c.compensation.executedAt ? toLocalInput(c.compensation.executedAt) : '',
      method: (c.compensation.method ?? '') as (typeof PAYMENT_METHODS)[number] | '',
      dueDay: c.compensation.dueDay ?? '',
      legalRemedy: (c.compensation.legalRemedy ?? '') as (typeof LEGAL_REMEDIES)[number] | '',
      legalBasis: (c.compensation.legalBasis ?? '') as (typeof LEGAL_BASES)[number] | '',
    },
  };
  type Value = typeof value;
  const save = (v: Value) =>
    actions.patch({
      decision: { ...v.decision, outcome: v.decision.outcome === '' ? null : v.decision.outcome },
      // Only the fields of the chosen kind are kept: a method typed before switching to a geste commercial
      // must not reach the letter or the statistics.
      compensation: tidyCompensation({
        ...v.compensation,
        // Not an amount stays NaN, which the schema refuses next to the field.
        amountEuros:
          v.compensation.amountEuros.trim() === '' ? null : (parseAmount(v.compensation.amountEuros) ?? Number.NaN),
        executedAt: v.compensation.executedAt ? fromLocalInput(v.compensation.executedAt) : null,
        method: v.compensation.method || null,
        dueDay: v.compensation.dueDay || null,
        legalRemedy: v.compensation.legalRemedy || null,
        legalBasis: v.compensation.legalBasis || null,
      }),
    });
  const answering = c.phase === 'investigating';
  return (
    <div>
      <EditSection title={t('ui.step.answer')} value={value} rev={c.rev} onSave={save} testId="answer-step">
        {(d, set, errors) => {
          const dec = (patch: Partial<Value['decision']>) => set({ ...d, decision: { ...d.decision, ...patch } });
          const comp = (patch: Partial<Value['compensation']>) =>
            set({ ...d, compensation: { ...d.compensation, ...patch } });
          const k = d.compensation;
          const money = paysMoney({ kind: k.kind, legalRemedy: k.legalRemedy || null });
          const unset = ['', t('ui.comp.unset')] as const;
          const err = (field: string) => errors[`patch.compensation.${field}`];
          return (
            <div class="form__grid">
              <Select
                label={t('ui.dec.outcome')}
                value={d.decision.outcome}
                options={[['', t('ui.dec.outcomeUnset')], ...OUTCOMES.map((o) => [o, t(`ui.outcome.${o}`)] as const)]}
                onChange={(v) => dec({ outcome: v })}
                testId="outcome"
              />
              <Text
                label={t('ui.dec.reasons')}
                area={4}
                value={d.decision.reasons}
                onChange={(v) => dec({ reasons: v })}
                testId="reasons"
              />
              <Check
                label={t('ui.dec.nonConformity')}
                checked={d.decision.nonConformity}
                onChange={(v) => dec({ nonConformity: v })}
              />
              {d.decision.nonConformity && (
                <>
                  <Text
                    label={t('ui.dec.causes')}
                    area={3}
                    value={d.decision.causes}
                    onChange={(v) => dec({ causes: v })}
                  />
                  <Text
                    label={t('ui.dec.correctiveActions')}
                    area={3}
                    value={d.decision.correctiveActions}
                    onChange={(v) => dec({ correctiveActions: v })}
                  />
                </>
              )}
              <Select
                label={t('ui.comp.kind')}
                value={d.compensation.kind}
                options={COMPENSATION_KINDS.map((k) => [k, t(`ui.comp.${k}`)] as const)}
                onChange={(v) => comp({ kind: v })}
                testId="compensation-kind"
              />
              {k.kind !== 'none' && k.kind !== 'financial' && (
                <p class="field__hint" data-testid="compensation-hint">
                  {t('ui.comp.legalHint')}
                </p>
              )}
              {k.kind === 'legal' && (
                <>
                  <Select
                    label={t('ui.comp.legalRemedy')}
                    value={k.legalRemedy}
                    options={[unset, ...LEGAL_REMEDIES.map((r) => [r, t(`ui.comp.remedy.${r}`)] as const)]}
                    onChange={(v) => comp({ legalRemedy: v })}
                    error={err('legalRemedy')}
                    testId="compensation-remedy"
                  />
                  <Select
                    label={t('ui.comp.legalBasis')}
                    value={k.legalBasis}
                    options={[unset, ...LEGAL_BASES.map((b) => [b, t(`ui.comp.basis.${b}`)] as const)]}
                    onChange={(v) => comp({ legalBasis: v })}
                    error={err('legalBasis')}
                    testId="compensation-basis"
                  />
                </>
              )}
              {money && (
                <>
                  <Text
                    label={t('ui.comp.amount')}
                    type="text"
                    value={k.amountEuros}
                    onChange={(v) => comp({ amountEuros: v })}
                    error={err('amountEuros')}
                    testId="compensation-amount"
                  />
                  <Select
                    label={t('ui.comp.method')}
                    value={k.method}
                    options={[unset, ...PAYMENT_METHODS.map((m) => [m, t(`ui.comp.method.${m}`)] as const)]}
                    onChange={(v) => comp({ method: v })}
                    error={err('method')}
                    testId="compensation-method"
                  />
                </>
              )}
              {(money || (k.kind === 'legal' && k.legalRemedy !== '')) && (
                <Text
                  label={t(
                    k.kind === 'financial'
                      ? 'ui.comp.paymentDueDay'
                      : k.legalRemedy === 'refund'
                        ? 'ui.comp.refundDueDay'
                        : 'ui.comp.remedyDueDay',
                  )}
                  type="date"
                  value={k.dueDay}
                  onChange={(v) => comp({ dueDay: v })}
                  error={err('dueDay')}
                  testId="compensation-due-day"
                />
              )}
              {k.kind !== 'none' && (
                <>
                  <Text
                    label={t(k.kind === 'commercial' ? 'ui.comp.commercialDescription' : 'ui.comp.description')}
                    area={2}
                    value={k.description}
                    onChange={(v) => comp({ description: v })}
                    error={err('description')}
                    testId="compensation-description"
                  />
                  <Text
                    label={t('ui.comp.executedAt')}
                    type="datetime-local"
                    value={k.executedAt}
                    onChange={(v) => comp({ executedAt: v })}
                  />
                </>
              )}
            </div>
          );
        }}
      </EditSection>
      {(answering || c.phase === 'unfounded') && (
        <LetterComposer
          {...props}
          templates={templatesFor('investigating', c.decision.outcome).filter(
            (m) => m.phase === 'answer' || m.phase === 'information',
          )}
        />
      )}
      {answering && (
        <div class="actions-row">
          <TransitionButton
            label={t('ui.step.markAnswered')}
            confirm={t('ui.step.confirmAnswered')}
            primary
            testId="mark-answered"
            onRun={() => actions.transition('answered')}
          />
          <TransitionButton
            label={t('ui.step.markUnfounded')}
            confirm={t('ui.step.confirmAnswered')}
            testId="mark-unfounded"
            onRun={() => actions.transition('unfounded')}
          />
        </div>
      )}
    </div>
  );
}
