// Step 2: acknowledge in writing within the deadline, saying what has been started.
import { t } from '@/lib/i18n';
import { formatDateTime } from '@/lib/i18n/dates';
import { templatesFor } from '@/lib/letters/catalog';
import { LetterComposer } from '../LetterComposer';
import { TransitionButton } from '../TransitionButton';
import type { StepProps } from '../types';

export function AckStep(props: StepProps) {
  const { complaint: c, actions } = props;
  const acked = c.clocks.ack.metAt !== null;
  const markAcknowledged = (
    <TransitionButton
      label={t('ui.step.markAcknowledged')}
      confirm={t('ui.step.confirmAcknowledged')}
      primary
      testId="mark-acknowledged"
      onRun={() => actions.transition('acknowledged')}
    />
  );
  return (
    <div class="section">
      <h3>{t('ui.step.acknowledge')}</h3>
      {acked ? (
        <p class="notice">{t('ui.step.acknowledgedOn', { date: formatDateTime(c.clocks.ack.metAt ?? '') })}</p>
      ) : (
        <p>{t('ui.step.ackHint')}</p>
      )}
      {/* Right under the letter: once it is sent, the agent marks the acknowledgement (with confirmation). */}
      <LetterComposer {...props} templates={templatesFor('registered')} />
      {!acked && c.phase === 'registered' && markAcknowledged}
    </div>
  );
}
