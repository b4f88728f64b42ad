// The six steps of the customer's process as the agent sees them, and where a complaint stands.
import type { Complaint, Phase } from './schema';

export const STEPS = ['register', 'acknowledge', 'investigate', 'answer', 'followUp', 'mediation'] as const;
export type Step = (typeof STEPS)[number];

/** The step the agent works on in each phase. */
const OPEN_STEP: Record<Phase, Step> = {
  registered: 'acknowledge',
  acknowledged: 'investigate',
  investigating: 'investigate',
  answered: 'followUp',
  followingUp: 'followUp',
  mediation: 'mediation',
  closed: 'followUp',
  notComplaint: 'register',
  unfounded: 'answer',
};

export const openStep = (phase: Phase): Step => OPEN_STEP[phase];

export type StepState = 'done' | 'current' | 'todo' | 'skipped';

export function stepState(step: Step, c: Complaint): StepState {
  const current = OPEN_STEP[c.phase];
  if (c.phase === 'notComplaint') return step === 'register' ? 'current' : 'skipped';
  const done: Record<Step, boolean> = {
    register: true,
    acknowledge: c.clocks.ack.metAt !== null,
    investigate: c.clocks.answer.metAt !== null,
    answer: c.clocks.answer.metAt !== null,
    followUp: c.phase === 'closed' || (c.followUp.length > 0 && c.followUp.every((a) => a.doneAt !== null)),
    mediation: c.mediation.referredAt !== null && c.mediation.outcome !== 'pending',
  };
  if (step === current && !(c.phase === 'closed')) return 'current';
  if (done[step]) return 'done';
  if (
    step === 'mediation' &&
    c.mediation.referredAt === null &&
    ['closed', 'answered', 'followingUp', 'unfounded'].includes(c.phase)
  )
    return 'skipped';
  return 'todo';
}
