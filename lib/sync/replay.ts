// Replays an agent's operation with the register's own pure record functions (lib/register/records.ts,
// anonymize.ts): the server applies the very rules the extension applied, never a second copy of them.
// Decides between: fresh (the base is still the head: same event), merged (stale base, but the fields it
// changes were not changed meanwhile), conflict (they were) and refused (the rules say no, in French).
import { t, UserError } from '../i18n';
import { anonymizeRecord } from '../register/anonymize';
import { type ActingAgent, canAssign } from '../register/assignment';
import type { HistoryEvent, UnsealedEvent } from '../register/history';
import {
  assignRecord,
  type Context,
  createRecord,
  extendRecord,
  letterRecord,
  noteRecord,
  type Outcome,
  patchRecord,
  TransitionRefused,
  transitionRecord,
} from '../register/records';
import { type Complaint, ComplaintSchema } from '../register/schema';
import type { Operation } from './protocol';

export type Decision =
  | { status: 'fresh' | 'merged'; outcome: Outcome }
  | { status: 'conflict'; paths: string[] }
  | { status: 'refused'; reason: string; key?: string };

/** A refusal that has no message key of its own in the register's dictionaries (protocol-level). */
class Refusal extends Error {}

/** Appends commute: two notes or two letters added meanwhile never conflict with each other. */
const APPEND_PATHS = new Set(['notes', 'letters', 'letters.sent']);

const overlaps = (a: string, b: string) =>
  a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`) || a === '' || b === '';

/** The paths of `mine` that touch a path changed by `theirs` (append-only paths excepted). */
export function conflictingPaths(mine: readonly string[], theirs: readonly string[]): string[] {
  const others = theirs.filter((p) => !APPEND_PATHS.has(p));
  return [...new Set(mine.filter((p) => !APPEND_PATHS.has(p) && others.some((o) => overlaps(p, o))))].sort();
}

/**
 * Who does an operation: the name its events carry, and in a team register the agent's id and role (a
 * creation is assigned to its author; an assignment checks the agent's right). A plain name is a local
 * register's actor, or a replay that checks no right.
 */
export type Actor = string | ({ name: string } & ActingAgent);

/** Runs the record function `op` names on `current`, drawing ids from the operation (the agent side
 *  passes `draw` to draw fresh ones and record them). `validated`: see Context.validated (the server). */
export function runOperation(
  current: Complaint | null,
  op: Operation,
  actor: Actor,
  draw?: () => string,
  validated = false,
): Outcome {
  const ids = [...op.ids];
  const agent = typeof actor === 'string' ? null : actor;
  const ctx: Context = {
    now: new Date(op.at),
    actor: typeof actor === 'string' ? actor : actor.name,
    ...(agent ? { agentId: agent.id } : {}),
    ...(validated ? { validated } : {}),
    newId:
      draw ??
      (() => {
        const id = ids.shift();
        if (!id) throw new Refusal('Opération incomplète : il manque des identifiants.');
        return id;
      }),
  };
  if (op.kind === 'create') {
    if (current) throw new Refusal('Cette réclamation existe déjà dans le registre.');
    return createRecord(op.input, { id: op.complaintId, reference: op.reference }, op.policy, ctx);
  }
  if (!current) throw new Refusal('Réclamation inconnue du registre.');
  switch (op.kind) {
    case 'update':
      return patchRecord(current, op.patch, ctx);
    case 'transition':
      return transitionRecord(current, op.to, ctx, op.stepAt);
    case 'extend':
      return extendRecord(current, op.clock, op.extension, ctx);
    case 'note':
      return noteRecord(current, op.text, ctx);
    case 'letter':
      return letterRecord(current, op.letter, ctx);
    case 'anonymize':
      return anonymizeRecord(current, op.reason, ctx);
    case 'assign':
      if (agent && !canAssign(current, agent)) throw new UserError('register.assign.notAllowed');
      return assignRecord(current, op.assignee, ctx);
  }
}

function refusal(error: unknown): Decision {
  if (error instanceof TransitionRefused) {
    const missing = error.missing.map((key) => t(key, {}, 'fr')).join(' ; ');
    return { status: 'refused', reason: `${error.message} ${missing}`.trim(), key: error.key };
  }
  if (error instanceof UserError) return { status: 'refused', reason: error.message, key: error.key };
  if (error instanceof Refusal) return { status: 'refused', reason: error.message };
  if (error instanceof Error && error.name === 'ZodError') {
    return { status: 'refused', reason: 'La version obtenue ne respecte pas le schéma du registre.' };
  }
  throw error;
}

/**
 * Decides what becomes of `op` given the stored `current` version and the events stored after the op's
 * base (`since`: events with seq > base.rev, plus the base's own event when its hash differs). `validated`:
 * `current` and `op` come parsed from their schemas (Context.validated).
 */
export function decide(
  current: Complaint | null,
  since: readonly HistoryEvent[],
  op: Operation,
  actor: Actor,
  validated = false,
): Decision {
  const fresh =
    current === null ? op.base.rev === 0 : op.base.rev === current.rev && op.base.head === current.historyHead;
  if (current && op.base.rev > current.rev) {
    return {
      status: 'refused',
      reason: 'Version inconnue du serveur : la copie de l’agent est en avance sur le registre.',
    };
  }
  if (!fresh && since.some((e) => e.type === 'anonymized')) {
    // A stale edit must not bring back personal data that anonymisation erased.
    return { status: 'refused', reason: 'La réclamation a été anonymisée entre-temps.' };
  }
  let outcome: Outcome;
  try {
    outcome = runOperation(current, op, actor, undefined, validated);
  } catch (error) {
    return refusal(error);
  }
  if (outcome.event.id !== op.eventId) {
    return { status: 'refused', reason: 'L’identifiant de l’évènement ne correspond pas aux identifiants fournis.' };
  }
  if (fresh) return { status: 'fresh', outcome };
  const theirs = since.flatMap((e) => e.changes.map((c) => c.path));
  const paths = conflictingPaths(
    outcome.event.changes.map((c) => c.path),
    theirs,
  );
  return paths.length ? { status: 'conflict', paths } : { status: 'merged', outcome };
}

/** The server's official reference replacing a provisional one; the provisional stays in the history. */
export function assignReference(
  current: Complaint,
  reference: string,
  ctx: { now: Date; actor: string; id: string },
): { complaint: Complaint; event: UnsealedEvent } {
  const at = ctx.now.toISOString();
  const complaint = ComplaintSchema.parse({ ...current, reference, rev: current.rev + 1, updatedAt: at });
  const event = {
    id: ctx.id,
    complaintId: current.id,
    at,
    actor: ctx.actor,
    type: 'referenceAssigned',
    changes: [{ path: 'reference', from: current.reference, to: reference }],
  } as unknown as UnsealedEvent; // 'referenceAssigned' is a sync event type (protocol.ts SYNC_EVENT_TYPES).
  return { complaint, event };
}
