// Step 4: decide and answer within the deadline: a reasoned decision, the causes and corrective actions
// of a confirmed non-conformity, a compensation in line with the severity; then the answer letter.
import { t } from '@/lib/i18n';
import { templatesFor } from '@/lib/letters/catalog';
import { COMPENSATION_KINDS, OUTCOMES } from '@/lib/register/schema';
import { fromLocalInput, toLocalInput } from '@/lib/ui/format';
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
    },
  };
  type Value = typeof value;
  const save = (v: Value) =>
    actions.patch({
      decision: { ...v.decision, outcome: v.decision.outcome === '' ? null : v.decision.outcome },
      compensation: {
        ...v.compensation,
        amountEuros:
          v.compensation.amountEuros.trim() === '' ? null : Number(v.compensation.amountEuros.replace(',', '.')),
        executedAt: v.compensation.executedAt ? fromLocalInput(v.compensation.executedAt) : null,
      },
    });
  const answering = c.phase === 'investigating';
  return (
    <div>
      <EditSection title={t('ui.step.answer')} value={value} rev={c.rev} onSave={save} testId="answer-step">
        {(d, set, errors) => {
          const dec = (patch: Partial<Value['decision']>) => set({ ...d, decision: { ...d.decision, ...patch } });
          const comp = (patch: Partial<Value['compensation']>) =>
            set({ ...d, compensation: { ...d.compensation, ...patch } });
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
              {d.compensation.kind === 'financial' && (
                <Text
                  label={t('ui.comp.amount')}
                  type="text"
                  value={d.compensation.amountEuros}
                  onChange={(v) => comp({ amountEuros: v })}
                  error={errors['patch.compensation.amountEuros']}
                  testId="compensation-amount"
                />
              )}
              {d.compensation.kind !== 'none' && (
                <>
                  <Text
                    label={t('ui.comp.description')}
                    area={2}
                    value={d.compensation.description}
                    onChange={(v) => comp({ description: v })}
                  />
                  <Text
                    label={t('ui.comp.executedAt')}
                    type="datetime-local"
                    value={d.compensation.executedAt}
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
