// Step 6: an unsatisfied customer may refer the dispute to the consumer mediator (named in the settings).
import { t } from '@/lib/i18n';
import { fromLocalInput, toLocalInput } from '@/lib/i18n/dates';
import { templatesFor } from '@/lib/letters/catalog';
import { MEDIATION_OUTCOMES } from '@/lib/register/schema';
import { Select, Text } from '../../controls';
import { EditSection } from '../EditSection';
import { LetterComposer } from '../LetterComposer';
import { TransitionButton } from '../TransitionButton';
import type { StepProps } from '../types';

export function MediationStep(props: StepProps) {
  const { complaint: c, settings, actions } = props;
  const m = settings.mediator;
  const value = { ...c.mediation, referredAt: c.mediation.referredAt ? toLocalInput(c.mediation.referredAt) : '' };
  type Value = typeof value;
  const save = (v: Value) =>
    actions.patch({ mediation: { ...v, referredAt: v.referredAt ? fromLocalInput(v.referredAt) : null } });
  const canRefer = ['answered', 'unfounded', 'followingUp', 'closed'].includes(c.phase);
  return (
    <div>
      <p class="mediator" data-testid="mediator">
        {t('ui.med.mediator', {
          name: m.name,
          organisation: m.organisation,
          website: m.website,
          address: m.address,
          phone: m.phone,
        })}
      </p>
      <EditSection title={t('ui.step.mediation')} value={value} rev={c.rev} onSave={save} testId="mediation-step">
        {(d, set) => (
          <div class="form__grid">
            <Text
              label={t('ui.med.referredAt')}
              type="datetime-local"
              value={d.referredAt}
              onChange={(v) => set({ ...d, referredAt: v })}
              testId="mediation-referred"
            />
            <Text label={t('ui.med.caseNumber')} value={d.caseNumber} onChange={(v) => set({ ...d, caseNumber: v })} />
            <Select
              label={t('ui.med.outcome')}
              value={d.outcome}
              options={MEDIATION_OUTCOMES.map((o) => [o, t(`ui.medOutcome.${o}`)] as const)}
              onChange={(v) => set({ ...d, outcome: v })}
              testId="mediation-outcome"
            />
            <Text label={t('ui.med.notes')} area={3} value={d.notes} onChange={(v) => set({ ...d, notes: v })} />
          </div>
        )}
      </EditSection>
      <div class="actions-row">
        {canRefer && (
          <TransitionButton
            label={t('ui.step.toMediation')}
            onRun={() => actions.transition('mediation')}
            testId="to-mediation"
          />
        )}
        {c.phase === 'mediation' && (
          <TransitionButton
            label={t('ui.step.close')}
            confirm={t('ui.step.confirmClose')}
            onRun={() => actions.transition('closed')}
            testId="mediation-close"
          />
        )}
      </div>
      {c.phase !== 'registered' && c.phase !== 'notComplaint' && (
        <LetterComposer {...props} templates={templatesFor('mediation')} />
      )}
    </div>
  );
}
