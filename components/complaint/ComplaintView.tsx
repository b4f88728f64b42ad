// One complaint: its head with both deadlines, the stepper with the current step open, notes and history.
import { useEffect, useState } from 'preact/hooks';
import type { ChainVerdict, HistoryEvent } from '@/lib/register/history';
import type { Complaint } from '@/lib/register/schema';
import type { Similarity } from '@/lib/register/similar';
import { openStep, type Step } from '@/lib/register/steps';
import { ComplaintHeader } from '../ComplaintHeader';
import { CaseFileLink } from '../casefile/CaseFileLink';
import { EraseButton } from '../retention/EraseButton';
import { ExtendDeadline } from './ExtendDeadline';
import { History } from './History';
import { Notes } from './Notes';
import { SentLetters } from './SentLetters';
import { Stepper } from './Stepper';
import { AckStep } from './steps/AckStep';
import { AnswerStep } from './steps/AnswerStep';
import { FollowUpStep } from './steps/FollowUpStep';
import { InvestigateStep } from './steps/InvestigateStep';
import { MediationStep } from './steps/MediationStep';
import { RegisterStep } from './steps/RegisterStep';
import type { StepProps } from './types';

interface Props extends StepProps {
  history: HistoryEvent[];
  verdict: ChainVerdict | null;
  similar: { complaint: Complaint; similarity: Similarity }[];
}

export function ComplaintView(props: Props) {
  const { complaint: c, now, settings, actions, history, verdict, similar } = props;
  const [step, setStep] = useState<Step>(openStep(c.phase));
  // Follow the process: when the phase moves on, open the step that now needs the agent.
  useEffect(() => setStep(openStep(c.phase)), [c.id, c.phase]);
  return (
    <article class="complaint" data-testid="complaint-view">
      <ComplaintHeader complaint={c} now={now} dueSoonHours={settings.policy.dueSoonHours} />
      <ExtendDeadline {...props} />
      <Stepper complaint={c} selected={step} onSelect={setStep} />
      <div class="step-body" data-testid={`step-body-${step}`}>
        {step === 'register' && <RegisterStep {...props} />}
        {step === 'acknowledge' && <AckStep {...props} />}
        {step === 'investigate' && <InvestigateStep {...props} similar={similar} />}
        {step === 'answer' && <AnswerStep {...props} />}
        {step === 'followUp' && <FollowUpStep {...props} />}
        {step === 'mediation' && <MediationStep {...props} />}
      </div>
      <Notes complaint={c} actions={actions} />
      <CaseFileLink id={c.id} />
      <EraseButton complaint={c} onAnonymize={actions.anonymize} />
      <SentLetters complaint={c} />
      <History events={history} verdict={verdict} complaint={c} />
    </article>
  );
}
