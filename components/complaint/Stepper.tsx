// The six steps of the process; the current one is marked, done ones ticked, each one reachable.
import { t } from '@/lib/i18n';
import type { Complaint } from '@/lib/register/schema';
import { STEPS, type Step, stepState } from '@/lib/register/steps';

interface Props {
  complaint: Complaint;
  selected: Step;
  onSelect: (step: Step) => void;
}

export function Stepper({ complaint, selected, onSelect }: Props) {
  return (
    <nav aria-label={t('ui.step.stepper')}>
      <ol class="stepper">
        {STEPS.map((step, i) => {
          const state = stepState(step, complaint);
          return (
            <li key={step} class={`stepper__step stepper__step--${state}`}>
              <button
                type="button"
                aria-current={selected === step ? 'step' : undefined}
                data-testid={`step-${step}`}
                onClick={() => onSelect(step)}
              >
                <span class="stepper__num" aria-hidden="true">
                  {state === 'done' ? '✓' : i + 1}
                </span>
                <span class="stepper__label">{t(`ui.step.${step}`)}</span>
                <span class="sr-only">{t('ui.step.position', { n: i + 1, state: t(`ui.stepState.${state}`) })}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
