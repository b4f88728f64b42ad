// Step 3: evaluate and investigate: root cause, severity, immediate action, isolated case or not,
// with the similar complaints of the last 90 days to link.
import { t } from '@/lib/i18n';
import { type Complaint, JUSTIFIED, SCOPES, SEVERITIES } from '@/lib/register/schema';
import type { Similarity } from '@/lib/register/similar';
import { Check, Select, Text } from '../../controls';
import { EditSection } from '../EditSection';
import { TransitionButton } from '../TransitionButton';
import type { StepProps } from '../types';

interface Props extends StepProps {
  similar: { complaint: Complaint; similarity: Similarity }[];
}

export function InvestigateStep({ complaint: c, actions, similar }: Props) {
  const value = {
    severity: c.severity === null ? '' : String(c.severity),
    justified: c.justified,
    investigation: {
      ...c.investigation,
      customersAffected: c.investigation.customersAffected === null ? '' : String(c.investigation.customersAffected),
    },
  };
  type Value = typeof value;
  const save = (v: Value) =>
    actions.patch({
      severity: v.severity ? (Number(v.severity) as 1 | 2 | 3 | 4) : null,
      justified: v.justified,
      investigation: {
        ...v.investigation,
        customersAffected: v.investigation.customersAffected === '' ? null : Number(v.investigation.customersAffected),
      },
    });
  const why = (s: Similarity) =>
    [
      s.sameCategory ? t('ui.similar.sameCategory') : '',
      s.sameProduct ? t('ui.similar.sameProduct') : '',
      s.sharedWords.length ? t('ui.similar.words', { words: s.sharedWords.slice(0, 6).join(', ') }) : '',
    ]
      .filter(Boolean)
      .join(' · ');
  return (
    <div>
      {c.phase === 'acknowledged' && (
        <TransitionButton
          label={t('ui.step.startInvestigation')}
          primary
          onRun={() => actions.transition('investigating')}
          testId="start-investigation"
        />
      )}
      <EditSection title={t('ui.step.investigate')} value={value} rev={c.rev} onSave={save} testId="investigate-step">
        {(d, set, errors) => {
          const inv = (patch: Partial<Value['investigation']>) =>
            set({ ...d, investigation: { ...d.investigation, ...patch } });
          const linked = new Set(d.investigation.linkedComplaintIds);
          return (
            <div class="form__grid">
              <Select
                label={t('ui.form.severity')}
                value={d.severity}
                options={[
                  ['', t('ui.form.severityUnset')],
                  ...SEVERITIES.map((s) => [String(s), t(`severity.${s}`)] as const),
                ]}
                onChange={(v) => set({ ...d, severity: v })}
                testId="severity"
              />
              <Select
                label={t('ui.form.justified')}
                value={d.justified}
                options={JUSTIFIED.map((j) => [j, t(`justified.${j}`)] as const)}
                onChange={(v) => set({ ...d, justified: v })}
                testId="justified"
              />
              <Select
                label={t('ui.inv.scope')}
                value={d.investigation.scope}
                options={SCOPES.map((s) => [s, t(`ui.scope.${s}`)] as const)}
                onChange={(v) => inv({ scope: v })}
                testId="scope"
              />
              <Text
                label={t('ui.inv.customersAffected')}
                type="number"
                value={d.investigation.customersAffected}
                onChange={(v) => inv({ customersAffected: v })}
                error={errors['patch.investigation.customersAffected']}
              />
              <Text
                label={t('ui.inv.rootCause')}
                area={3}
                value={d.investigation.rootCause}
                onChange={(v) => inv({ rootCause: v })}
                testId="root-cause"
              />
              <Check
                label={t('ui.inv.immediateTaken')}
                checked={d.investigation.immediateAction.taken}
                onChange={(v) => inv({ immediateAction: { ...d.investigation.immediateAction, taken: v } })}
              />
              {d.investigation.immediateAction.taken && (
                <Text
                  label={t('ui.inv.immediateDescription')}
                  area={2}
                  value={d.investigation.immediateAction.description}
                  onChange={(v) => inv({ immediateAction: { ...d.investigation.immediateAction, description: v } })}
                />
              )}
              <fieldset class="field field--wide similar" data-testid="similar-complaints">
                <legend>{t('ui.similar.title')}</legend>
                {similar.length === 0 && <p class="empty">{t('ui.similar.none')}</p>}
                {similar.map(({ complaint: s, similarity }) => (
                  <label key={s.id} class="similar__item">
                    <input
                      type="checkbox"
                      checked={linked.has(s.id)}
                      onChange={(e) => {
                        const next = new Set(linked);
                        if ((e.currentTarget as HTMLInputElement).checked) next.add(s.id);
                        else next.delete(s.id);
                        inv({ linkedComplaintIds: [...next] });
                      }}
                    />{' '}
                    <strong>{s.reference}</strong> {s.subject} <span class="similar__why">({why(similarity)})</span>
                  </label>
                ))}
              </fieldset>
            </div>
          );
        }}
      </EditSection>
    </div>
  );
}
