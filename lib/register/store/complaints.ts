// Writes to the register. Each change writes the new complaint and its sealed history event in ONE
// transaction, after checking that nobody changed the record since it was read (optimistic revision check).
// Only the background calls these; UI pages read through queries.ts.
import type { z } from 'zod';
import type { DeadlinePolicy } from '../../deadlines/policy';
import { UserError } from '../../i18n';
import { localOperation, type OperationSpec } from '../../sync/operations';
import type { Operation } from '../../sync/protocol';
import type { ActingAgent } from '../assignment';
import type { HistoryEvent } from '../history';
import {
  type Assignee,
  type Complaint,
  type ComplaintPatch,
  LetterRecordSchema,
  type NewComplaint,
  type Phase,
} from '../schema';
import { COMPLAINT_STORES, defaultConnection, putComplaint, type RegisterConnection } from './db';
import { putEvents } from './history-record';
import { queriesOn } from './queries';
import type { ReferenceAllocator } from './references';
import { OUTBOX_STORES, recordOperation, syncOn } from './sync-state';

export interface WriteContext {
  now: Date;
  actor: string;
  /** Team register: the agent the server knows (a complaint it logs is assigned to it; assignment rights). */
  agent?: ActingAgent;
}

/** The actor the record functions see: the agent's name, with its id and role in a team register. */
const actorOf = (w: WriteContext) => ({ now: w.now, actor: w.agent ? { name: w.actor, ...w.agent } : w.actor });

const MAX_RETRIES = 5;
// One queue per register, however many handles write to it from this context.
const queues = new WeakMap<RegisterConnection, Promise<unknown>>();

/** The writes of one register (see register.ts); the module-level functions below write the product's. */
export function writesOn(connection: RegisterConnection) {
  const { getComplaint } = queriesOn(connection);
  // A register that joined a team numbers from the agent's blocks (sync-state.ts); otherwise as before.
  const { allocator: ownAllocator, assertWritable } = syncOn(connection);

  /** Writes from this context run one after the other; the revision check guards against other contexts. */
  function serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = (queues.get(connection) ?? Promise.resolve()).then(work, work);
    queues.set(
      connection,
      run.catch(() => undefined),
    );
    return run;
  }

  /**
   * Every write is an operation of the sync protocol (lib/sync/operations.ts), run here with the register's
   * record functions: in a team register the operation goes to the outbox in the same transaction.
   */
  async function persist(
    { op, complaint, event }: { op: Operation; complaint: Complaint; event: HistoryEvent },
    previous: Complaint | null,
  ): Promise<Complaint | 'conflict'> {
    const db = await connection.db();
    const tx = db.transaction([...COMPLAINT_STORES, 'histories', ...OUTBOX_STORES], 'readwrite');
    const stored = await tx.objectStore('complaints').get(complaint.id);
    const storedRev = (stored as { rev?: number } | undefined)?.rev;
    if (storedRev !== previous?.rev) {
      tx.abort();
      await tx.done.catch(() => undefined);
      return 'conflict';
    }
    await putComplaint(tx, complaint, previous ? 'put' : 'add');
    await putEvents(tx.objectStore('histories'), complaint.id, [event]);
    await recordOperation(tx, op);
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
      await assertWritable();
      const reference = await allocator.next(w.now);
      const spec = { kind: 'create', input, reference, policy } as OperationSpec;
      const saved = await persist(await localOperation(null, spec, actorOf(w)), null);
      if (saved === 'conflict') throw new UserError('register.conflict');
      return saved;
    });
  }

  /**
   * Applies `change` to the current version. With `expectedRev`, a record changed meanwhile is refused
   * (the agent edited a stale copy); without it, the change is re-applied to the fresh version.
   */
  function mutate(
    id: string,
    expectedRev: number | undefined,
    spec: OperationSpec,
    w: WriteContext,
  ): Promise<Complaint> {
    return serialised(async () => {
      await assertWritable();
      for (let attempt = 0; attempt < MAX_RETRIES; attempt++) {
        const current = await getComplaint(id);
        if (!current) throw new UserError('register.notFound', { id });
        if (expectedRev !== undefined && current.rev !== expectedRev) throw new UserError('register.conflict');
        const saved = await persist(await localOperation(current, spec, actorOf(w)), current);
        if (saved !== 'conflict') return saved;
      }
      throw new UserError('register.conflict');
    });
  }

  return {
    createComplaint,
    updateComplaint: (id: string, rev: number | undefined, patch: ComplaintPatch, w: WriteContext) =>
      mutate(id, rev, { kind: 'update', patch }, w),
    transitionComplaint: (id: string, rev: number | undefined, to: Phase, w: WriteContext, at?: string) =>
      mutate(id, rev, { kind: 'transition', to, ...(at ? { stepAt: at } : {}) }, w),
    extendDeadline: (
      id: string,
      rev: number | undefined,
      clock: 'ack' | 'answer',
      ext: { newDueAt: string; reason: string; customerToldAt: string },
      w: WriteContext,
    ) => mutate(id, rev, { kind: 'extend', clock, extension: ext }, w),
    addNote: (id: string, text: string, w: WriteContext) => mutate(id, undefined, { kind: 'note', text }, w),
    recordLetter: (id: string, letter: z.input<typeof LetterRecordSchema>, w: WriteContext) =>
      mutate(id, undefined, { kind: 'letter', letter: LetterRecordSchema.parse(letter) }, w),
    /** Team register: hands the complaint to `assignee` (refused unless a manager or its holder). */
    assignComplaint: (id: string, rev: number | undefined, assignee: Assignee, w: WriteContext) =>
      mutate(id, rev, { kind: 'assign', assignee }, w),
  };
}

export const {
  createComplaint,
  updateComplaint,
  transitionComplaint,
  extendDeadline,
  addNote,
  recordLetter,
  assignComplaint,
} = writesOn(defaultConnection);
