// The agent's side of an operation: run the record function on the local copy, draw ids and salts, seal
// the event locally, and describe it all as an Operation the server can replay to the very same event.
// Pure except for randomness (crypto.randomUUID / getRandomValues), available in browsers and Node alike.
import { GENESIS_HASH, type HistoryEvent, sealEvent } from '../register/history';
import type { Complaint } from '../register/schema';
import type { Operation } from './protocol';
import { type Actor, runOperation } from './replay';

type Base = 'eventId' | 'complaintId' | 'base' | 'at' | 'ids' | 'salts' | 'hash';
/** An operation as the agent asks for it: its kind and arguments (`complaintId` for a creation). */
export type OperationSpec = Operation extends infer O ? (O extends Operation ? Omit<O, Base> : never) : never;

const randomHex = (bytes: number) =>
  Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');

export interface LocalResult {
  op: Operation;
  complaint: Complaint;
  event: HistoryEvent;
}

/** Applies `spec` locally (throws the register's UserError when refused) and returns what to push. */
export async function localOperation(
  current: Complaint | null,
  spec: OperationSpec,
  ctx: { now: Date; actor: Actor; complaintId?: string },
): Promise<LocalResult> {
  const ids: string[] = [];
  const draw = () => {
    const id = crypto.randomUUID();
    ids.push(id);
    return id;
  };
  const complaintId = current?.id ?? ctx.complaintId ?? crypto.randomUUID();
  const draft = {
    ...spec,
    eventId: crypto.randomUUID(), // replaced by the event's own id below
    complaintId,
    base: { rev: current?.rev ?? 0, head: current?.historyHead ?? GENESIS_HASH },
    at: ctx.now.toISOString(),
    ids: [],
    salts: [],
  } as unknown as Operation;
  const outcome = runOperation(current, draft, ctx.actor, draw);
  // One salt per change, then one for the event's time (history.ts format 2): the server replays them all.
  const salts = [...outcome.event.changes.map(() => randomHex(16)), randomHex(16)];
  const event = await sealEvent(outcome.event, current?.historyHead ?? GENESIS_HASH, current?.rev ?? 0, salts);
  const op = { ...draft, eventId: event.id, ids, salts, hash: event.hash } as Operation;
  return { op, complaint: { ...outcome.complaint, historyHead: event.hash }, event };
}
