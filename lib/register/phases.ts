// The handling process as a state machine. Each transition names the fields it needs and refuses,
// with French messages, while any is missing: the register cannot skip a step of the procedure.
import type { MessageKey } from '../i18n';
import { compensationMissing } from './compensation';
import type { Complaint, Phase } from './schema';

type Guard = (c: Complaint) => MessageKey[];

interface TransitionRule {
  from: readonly Phase[];
  to: Phase;
  guard: Guard;
}

const when = (condition: boolean, key: MessageKey): MessageKey[] => (condition ? [key] : []);
const blank = (s: string | undefined) => (s ?? '').trim().length === 0;
const openActions = (c: Complaint) => c.followUp.filter((a) => a.doneAt === null);

/** Step 4: a reasoned decision, with causes and corrective actions when a non-conformity is confirmed,
 *  and a compensation when the decision is favourable, complete enough for the letter to state it. */
const answerGuard: Guard = (c) => [
  ...when(!c.isComplaint, 'register.guard.notAComplaint'),
  ...when(c.justified === 'unknown', 'register.guard.justified'),
  ...when(c.severity === null, 'register.guard.severity'),
  ...when(blank(c.investigation.rootCause), 'register.guard.rootCause'),
  ...when(c.investigation.scope === 'unknown', 'register.guard.scope'),
  ...when(c.decision.outcome === null, 'register.guard.outcome'),
  ...when(blank(c.decision.reasons), 'register.guard.reasons'),
  ...when(c.decision.nonConformity && blank(c.decision.causes), 'register.guard.causes'),
  ...when(c.decision.nonConformity && blank(c.decision.correctiveActions), 'register.guard.correctiveActions'),
  ...when(c.decision.outcome === 'favourable' && c.compensation.kind === 'none', 'register.guard.compensation'),
  // Money: amount, method and date; a remedy owed by law: the remedy, its ground and its date (compensation.ts).
  ...compensationMissing(c.compensation),
];

const unfoundedGuard: Guard = (c) => [
  ...when(c.justified !== 'no', 'register.guard.unfoundedNeedsNotJustified'),
  ...when(c.decision.outcome !== 'unfavourable', 'register.guard.unfoundedNeedsUnfavourable'),
  ...when(blank(c.decision.reasons), 'register.guard.reasons'),
];

const noOpenAction: Guard = (c) => when(openActions(c).length > 0, 'register.guard.openActions');
const mediationReferred: Guard = (c) => when(c.mediation.referredAt === null, 'register.guard.mediationReferredAt');
const mediationSettled: Guard = (c) => when(c.mediation.outcome === 'pending', 'register.guard.mediationOutcome');

export const TRANSITIONS: readonly TransitionRule[] = [
  { from: ['registered'], to: 'acknowledged', guard: (c) => when(!c.isComplaint, 'register.guard.notAComplaint') },
  {
    from: ['registered', 'acknowledged'],
    to: 'notComplaint',
    guard: (c) => [
      ...when(c.isComplaint, 'register.guard.stillAComplaint'),
      ...when(blank(c.qualificationNote), 'register.guard.qualificationNote'),
    ],
  },
  { from: ['notComplaint'], to: 'registered', guard: (c) => when(!c.isComplaint, 'register.guard.notAComplaint') },
  { from: ['acknowledged'], to: 'investigating', guard: () => [] },
  { from: ['investigating'], to: 'answered', guard: answerGuard },
  { from: ['investigating'], to: 'unfounded', guard: unfoundedGuard },
  {
    from: ['answered', 'mediation'],
    to: 'followingUp',
    guard: (c) => [
      ...when(openActions(c).length === 0, 'register.guard.followUpNeedsAction'),
      ...(c.phase === 'mediation' ? mediationSettled(c) : []),
    ],
  },
  { from: ['answered', 'unfounded', 'followingUp'], to: 'closed', guard: noOpenAction },
  { from: ['mediation'], to: 'closed', guard: (c) => [...mediationSettled(c), ...noOpenAction(c)] },
  { from: ['answered', 'unfounded', 'followingUp', 'closed'], to: 'mediation', guard: mediationReferred },
];

export function allowedTargets(from: Phase): Phase[] {
  return TRANSITIONS.filter((t) => t.from.includes(from)).map((t) => t.to);
}

export type TransitionCheck =
  | { ok: true }
  | { ok: false; reason: 'notAllowed' }
  | { ok: false; reason: 'missing'; missing: MessageKey[] };

/** Says whether `complaint` may move to `to`, and if not, what is missing. */
export function checkTransition(complaint: Complaint, to: Phase): TransitionCheck {
  const rule = TRANSITIONS.find((t) => t.to === to && t.from.includes(complaint.phase));
  if (!rule) return { ok: false, reason: 'notAllowed' };
  const missing = rule.guard(complaint);
  return missing.length ? { ok: false, reason: 'missing', missing } : { ok: true };
}

/** The phase's effect on the record: the clocks it stops and the dates it stamps. `at` is when the step happened. */
export function applyTransition(complaint: Complaint, to: Phase, at: string): Complaint {
  const next: Complaint = { ...complaint, phase: to, clocks: { ...complaint.clocks } };
  if (to === 'acknowledged' && !next.clocks.ack.metAt) next.clocks.ack = { ...next.clocks.ack, metAt: at };
  if ((to === 'answered' || to === 'unfounded') && !next.clocks.answer.metAt) {
    next.clocks.answer = { ...next.clocks.answer, metAt: at };
    if (!next.clocks.ack.metAt) next.clocks.ack = { ...next.clocks.ack, metAt: at };
  }
  if (to === 'closed') next.closure = { ...next.closure, closedAt: at };
  if (to === 'mediation' && complaint.phase === 'closed') next.closure = { ...next.closure, closedAt: null };
  return next;
}

/** Phases in which the process's clocks no longer apply. */
export const CLOCKLESS_PHASES: readonly Phase[] = ['notComplaint'];

/** Earliest due-at among clocks still running (the badge and urgency indexes read it). */
export function nextDueAt(c: Pick<Complaint, 'phase' | 'clocks'>): string | undefined {
  if (CLOCKLESS_PHASES.includes(c.phase)) return undefined;
  const running = [c.clocks.ack, c.clocks.answer].filter((k) => k.metAt === null).map((k) => k.dueAt);
  running.sort();
  return running[0];
}
