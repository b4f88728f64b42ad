// Writes to the register. Each change writes the new complaint and its sealed history event in ONE
// transaction, after checking that nobody changed the record since it was read (optimistic revision check).
// Only the background calls these; UI pages read through queries.ts.
import type { z } from 'zod';
import type { DeadlinePolicy } from '../../deadlines/policy';
import { UserError } from '../../i18n';
import { GENESIS_HASH, sealEvent } from '../history';
import {
  type Context,
  createRecord,
  extendRecord,
  letterRecord,
  noteRecord,
  type Outcome,
  patchRecord,
  transitionRecord,
} from '../records';
import type { Complaint, ComplaintPatch, LetterRecordSchema, NewComplaint, Phase } from '../schema';
import { defaultConnection, putComplaint, type RegisterConnection } from './db';
import { queriesOn } from './queries';
import { localAllocatorOn, type ReferenceAllocator } from './references';

export interface WriteContext {
  now: Date;
  actor: string;
}

const MAX_RETRIES = 5;
const ctxOf = (w: WriteContext): Context => ({ ...w, newId: () => crypto.randomUUID() });
// One queue per register, however many handles write to it from this context.
const queues = new WeakMap<RegisterConnection, Promise<unknown>>();

/** The writes of one register (see register.ts); the module-level functions below write the product's. */
export function writesOn(connection: RegisterConnection) {
  const { getComplaint } = queriesOn(connection);
  const ownAllocator = localAllocatorOn(connection);

  /** Writes from this context run one after the other; the revision check guards against other contexts. */
  function serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = (queues.get(connection) ?? Promise.resolve()).then(work, work);
    queues.set(
      connection,
      run.catch(() => undefined),
    );
    return run;
  }

  async function persist(outcome: Outcome, previous: Complaint | null): Promise<Complaint | 'conflict'> {
    const event = await sealEvent(outcome.event, previous?.historyHead ?? GENESIS_HASH, previous?.rev ?? 0);
    const complaint: Complaint = { ...outcome.complaint, historyHead: event.hash };
    const db = await connection.db();
    const tx = db.transaction(['complaints', 'rows', 'history'], 'readwrite');
    const stored = await tx.objectStore('complaints').get(complaint.id);
    const storedRev = (stored as { rev?: number } | undefined)?.rev;
    if (storedRev !== previous?.rev) {
      tx.abort();
      await tx.done.catch(() => undefined);
      return 'conflict';
    }
    await putComplaint(tx, complaint, previous ? 'put' : 'add');
    await tx.objectStore('history').add(event);
    await tx.done;
    return complaint;
  }

  function createComplaint(
    input: NewComplaint,
    policy: DeadlinePolicy,
    w: WriteContext,
    allocator: ReferenceAllocator = ownAllocator,
  ): Promise<Complaint> {
    return serialised(async () => {
      const reference = await allocator.next(w.now);
      const outcome = createRecord(input, { id: crypto.randomUUID(), reference }, policy, ctxOf(w));
      const saved = await persist(outcome, null);
      if (saved === 'conflict') throw new UserError('register.conflict');
      return saved;
    });
  }

  /**
   * Applies `change` to the current version. With `expectedRev`, a record changed meanwhile is refused
   * (the agent edited a stale copy); without it, the change is re-applied to the fresh version.
   */
  function mutate(id: string, expectedRev: number | undefined, change: (c: Complaint) => Outcome): Promise<Complaint> {
    return serialised(async () => {
      for (let attempt = 0; attempt < MAX_RETRIES; attempt++) {
        const current = await getComplaint(id);
        if (!current) throw new UserError('register.notFound', { id });
        if (expectedRev !== undefined && current.rev !== expectedRev) throw new UserError('register.conflict');
        const saved = await persist(change(current), current);
        if (saved !== 'conflict') return saved;
      }
      throw new UserError('register.conflict');
    });
  }

  return {
    createComplaint,
    updateComplaint: (id: string, rev: number | undefined, patch: ComplaintPatch, w: WriteContext) =>
      mutate(id, rev, (c) => patchRecord(c, patch, ctxOf(w))),
    transitionComplaint: (id: string, rev: number | undefined, to: Phase, w: WriteContext, at?: string) =>
      mutate(id, rev, (c) => transitionRecord(c, to, ctxOf(w), at)),
    extendDeadline: (
      id: string,
      rev: number | undefined,
      clock: 'ack' | 'answer',
      ext: { newDueAt: string; reason: string; customerToldAt: string },
      w: WriteContext,
    ) => mutate(id, rev, (c) => extendRecord(c, clock, ext, ctxOf(w))),
    addNote: (id: string, text: string, w: WriteContext) => mutate(id, undefined, (c) => noteRecord(c, text, ctxOf(w))),
    recordLetter: (id: string, letter: z.input<typeof LetterRecordSchema>, w: WriteContext) =>
      mutate(id, undefined, (c) => letterRecord(c, letter, ctxOf(w))),
  };
}

export const { createComplaint, updateComplaint, transitionComplaint, extendDeadline, addNote, recordLetter } =
  writesOn(defaultConnection);
