// The outbox of a team register (issue 13): operations waiting for the server, in the order they were made,
// and what the server answered that the agent must see (conflicts kept beside both versions).
import { type Operation, OperationSchema, type Outcome } from '../../sync/protocol';
import type { Complaint } from '../schema';
import type { RegisterConnection } from './db';
import { type AnyTx, SYNC_KEYS } from './sync-identity';

export interface OutboxEntry {
  seq: number;
  op: Operation;
}

/** A change of mine the server could not merge: shown beside the server's value until the agent chooses. */
export interface Conflict {
  key: string;
  complaintId: string;
  op: Operation;
  paths: string[];
  /** The server's version when it answered. */
  theirs: Complaint;
  at: string;
}

/**
 * Drops, inside the caller's transaction, the conflicts kept for complaint `id`: each holds both versions
 * of a field, personal values included, which an anonymisation must not leave behind.
 */
export async function dropConflictsOf(tx: AnyTx, id: string): Promise<void> {
  const prefix = `${SYNC_KEYS.conflict}${id}:`;
  await tx.objectStore('sync').delete(IDBKeyRange.bound(prefix, `${prefix}\uffff`));
}

export function outboxOn(connection: RegisterConnection) {
  const db = () => connection.liveDb();

  async function pendingCount(): Promise<number> {
    return (await db()).count('outbox');
  }

  /** The oldest `limit` operations waiting, in the order they were made. */
  async function pendingOps(limit: number): Promise<OutboxEntry[]> {
    const raws = await (await db()).getAll('outbox', undefined, limit);
    return raws.map((r) => ({ seq: Number(r.seq), op: OperationSchema.parse(r.op) }));
  }

  /**
   * Takes the push's outcomes: every answered operation leaves the outbox (a repeated push would only
   * get the same answer); conflicts are kept to be shown; refusals come back in French.
   */
  async function settle(sent: readonly OutboxEntry[], outcomes: readonly Outcome[], now: Date): Promise<string[]> {
    const bySeq = new Map(sent.map((e) => [e.op.eventId, e]));
    const tx = (await db()).transaction(['outbox', 'sync'], 'readwrite');
    const refusals: string[] = [];
    for (const outcome of outcomes) {
      const entry = bySeq.get(outcome.eventId);
      if (!entry) continue;
      await tx.objectStore('outbox').delete(entry.seq);
      if (outcome.status === 'conflict') {
        const key = `${SYNC_KEYS.conflict}${entry.op.complaintId}:${entry.op.eventId}`;
        const conflict: Conflict = {
          key,
          complaintId: entry.op.complaintId,
          op: entry.op,
          paths: outcome.paths,
          theirs: outcome.complaint,
          at: now.toISOString(),
        };
        await tx.objectStore('sync').put(conflict, key);
      } else if (outcome.status === 'refused') refusals.push(outcome.reason);
    }
    await tx.done;
    return refusals;
  }

  async function listConflicts(complaintId?: string): Promise<Conflict[]> {
    const prefix = complaintId ? `${SYNC_KEYS.conflict}${complaintId}:` : SYNC_KEYS.conflict;
    const raws = await (await db()).getAll('sync', IDBKeyRange.bound(prefix, `${prefix}\uffff`));
    return raws as Conflict[];
  }

  async function dropConflict(key: string): Promise<void> {
    if (key.startsWith(SYNC_KEYS.conflict)) await (await db()).delete('sync', key);
  }

  return { pendingCount, pendingOps, settle, listConflicts, dropConflict };
}
