// Onboarding (issue 13): a register that held complaints before its agent joined a team sends them, with
// their history, once the agent confirms. Each local event becomes the operation that makes it again, replayed
// here exactly as the server will replay it (the agent's name and id from the token, the same ids, salts
// chosen here), so every operation is fresh on the server and its event hashes as the agent's copy does.
// Pure: no browser, no database.
import { GENESIS_HASH, type HistoryEvent, sealEvent } from '../register/history';
import { type Complaint, ComplaintPatchSchema, LetterRecordSchema, NewComplaintSchema } from '../register/schema';
import type { Operation } from './protocol';
import { type Actor, runOperation } from './replay';

const randomHex = (bytes: number) =>
  Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');

/** Why a local complaint cannot be sent: its history holds no operation the server could replay. */
export class NotSendable extends Error {}

type Spec = Record<string, unknown> & { kind: Operation['kind'] };

const PATCH_KEYS = new Set(Object.keys(ComplaintPatchSchema.shape));
const NEW_KEYS = Object.keys(NewComplaintSchema.shape);

function setPath(target: unknown, path: readonly string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  const base = typeof target === 'object' && target !== null && !Array.isArray(target) ? target : {};
  return { ...base, [head]: setPath((base as Record<string, unknown>)[head], rest, value) };
}

/** The operation (kind and arguments) that makes `event` again on `current`, or null for none to send. */
function specOf(current: Complaint | null, event: HistoryEvent): Spec | null {
  const changes = event.changes;
  if (changes.some((c) => c.redacted)) throw new NotSendable('redacted');
  const change = (path: string) => changes.find((c) => c.path === path);
  switch (event.type) {
    case 'created': {
      const snapshot = change('')?.to as Record<string, unknown> | undefined;
      if (!snapshot) throw new NotSendable('created');
      const input = Object.fromEntries(NEW_KEYS.filter((k) => k in snapshot).map((k) => [k, snapshot[k]]));
      return { kind: 'create', input, reference: snapshot.reference, policy: snapshot.policy };
    }
    case 'updated': {
      if (!current) throw new NotSendable('updated');
      let patch: Record<string, unknown> = {};
      for (const c of changes) {
        const [top, ...rest] = c.path.split('.') as [string, ...string[]];
        if (!PATCH_KEYS.has(top)) continue; // derived (clocks moved by a corrected receipt date)
        const before = top in patch ? patch[top] : (current as Record<string, unknown>)[top];
        patch = { ...patch, [top]: setPath(structuredClone(before), rest, c.to) };
      }
      return { kind: 'update', patch };
    }
    case 'transition': {
      const to = change('phase')?.to;
      const stepAt = changes.find((c) => /(^clocks\.\w+\.metAt|^closure\.closedAt)$/.test(c.path) && c.to)?.to;
      return { kind: 'transition', to, ...(typeof stepAt === 'string' ? { stepAt } : {}) };
    }
    case 'deadlineExtended': {
      const ext = changes.find((c) => /^clocks\.(ack|answer)\.extensions$/.test(c.path));
      const list = ext?.to as { newDueAt: string; reason: string; customerToldAt: string }[] | undefined;
      const last = list?.at(-1);
      if (!ext || !last) throw new NotSendable('deadlineExtended');
      const { newDueAt, reason, customerToldAt } = last;
      return { kind: 'extend', clock: ext.path.split('.')[1], extension: { newDueAt, reason, customerToldAt } };
    }
    case 'noteAdded':
      return { kind: 'note', text: (change('notes')?.to as { text?: unknown } | undefined)?.text };
    case 'letterRecorded': {
      const sent = change('letters.sent')?.to;
      const letter = LetterRecordSchema.parse({ ...(change('letters')?.to as object), ...(sent ? { sent } : {}) });
      return { kind: 'letter', letter };
    }
    case 'assigned':
      return { kind: 'assign', assignee: change('assignee')?.to };
    case 'referenceAssigned':
      // Its move to a provisional reference (a pulled complaint took its number): the server decides the
      // reference from the original one, and records its own `referenceAssigned` if it must change.
      return null;
    default:
      throw new NotSendable(event.type);
  }
}

/** The ids a record function draws for `event`, in order (a note draws its own id before the event's). */
function idsOf(event: HistoryEvent): string[] {
  const note = event.type === 'noteAdded' ? (event.changes[0]?.to as { id?: unknown } | null)?.id : undefined;
  return typeof note === 'string' ? [note, event.id] : [event.id];
}

/**
 * The operations that make a local complaint's history again in the team register, marked as onboarding
 * (the server keeps its reference when the team never used that number, and gives it an official one
 * otherwise). Throws NotSendable when the history cannot be replayed (an anonymised complaint: its past
 * values are gone) and the register's own errors when a step no longer replays.
 */
export async function onboardingOperations(
  events: readonly HistoryEvent[],
  actor: Exclude<Actor, string>,
): Promise<{ ops: Operation[]; complaint: Complaint }> {
  let current: Complaint | null = null;
  const ops: Operation[] = [];
  for (const event of events) {
    const spec = specOf(current, event);
    if (!spec) continue;
    const base = { rev: current?.rev ?? 0, head: current?.historyHead ?? GENESIS_HASH };
    const draft = {
      ...spec,
      ...(spec.kind === 'create' ? { onboarding: true } : {}),
      eventId: event.id,
      complaintId: event.complaintId,
      base,
      at: event.at,
      ids: idsOf(event),
      salts: [],
    } as unknown as Operation;
    const outcome = runOperation(current, draft, actor);
    if (outcome.event.id !== event.id) throw new NotSendable('ids');
    const salts = [...outcome.event.changes.map(() => randomHex(16)), randomHex(16)];
    const sealed = await sealEvent(outcome.event, base.head, base.rev, salts);
    ops.push({ ...draft, salts, hash: sealed.hash } as Operation);
    current = { ...outcome.complaint, historyHead: sealed.hash };
  }
  if (!current) throw new NotSendable('empty');
  return { ops, complaint: current };
}
