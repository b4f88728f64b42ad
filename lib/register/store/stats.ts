// The dashboard's aggregates (lib/stats/aggregates.ts) in IndexedDB: one record per Paris month in
// `statsMonths`, and each complaint's contribution in `statsContributions` (keyed by complaint id), so that a
// write removes exactly what the previous version of the complaint had added, without reading it whole.
// `recount` runs inside the transaction of every complaint write (`putComplaint`, `deleteComplaint`).
//
// Within one transaction, writes may come side by side (a restore batch writes a thousand complaints at
// once): their read-modify-write of the same months must not interleave. Each transaction therefore has one
// queue, drained in rounds: a round reads the contributions, then the months it touches, and writes them
// back; the writes that came meanwhile go together in the next round. A single write costs two reads and
// two or three puts; a batch of a thousand, a handful of rounds.
import type { IDBPTransaction, StoreNames } from 'idb';
import {
  applyContribution,
  contributionOf,
  emptyMonth,
  foldContributions,
  isEmptyMonth,
  type MonthAggregate,
  MonthAggregateSchema,
  monthsOf,
  STATS_VERSION,
  type StatsContribution,
  StatsContributionSchema,
  sameContribution,
} from '../../stats/aggregates';
import { type Complaint, ComplaintSchema } from '../schema';
import type { RegisterDB } from './db';

/** The stores every transaction that writes a complaint must include (`putComplaint` keeps them). */
export const STATS_STORES = ['statsMonths', 'statsContributions'] as const;

/**
 * The record of `statsMonths` saying which STATS_VERSION built the aggregates (kept beside them rather than
 * in `meta`, which holds the settings a backup carries). A month key is `YYYY-MM` or '': never this one.
 */
export const VERSION_RECORD = { month: '~version', version: STATS_VERSION } as const;

/** The stored month records split into the version they were built with and the months themselves. */
export function splitMonths(raws: readonly unknown[]): { version: unknown; months: unknown[] } {
  let version: unknown;
  const months: unknown[] = [];
  for (const raw of raws) {
    if ((raw as { month?: unknown } | null)?.month === VERSION_RECORD.month)
      version = (raw as { version?: unknown }).version;
    else months.push(raw);
  }
  return { version, months };
}

type StatsTx = IDBPTransaction<RegisterDB, ArrayLike<StoreNames<RegisterDB>>, 'readwrite' | 'versionchange'>;

interface Op {
  id: string;
  next: StatsContribution | null;
  /** The caller knows the complaint had no contribution (a restore adding to a register without it). */
  fresh: boolean;
  done: () => void;
  fail: (error: unknown) => void;
}
interface Queue {
  ops: Op[];
  draining: boolean;
}
const queues = new WeakMap<object, Queue>();

const parsedContribution = (raw: unknown) => {
  const parsed = StatsContributionSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
};

async function applyRound(tx: StatsTx, ops: Op[]): Promise<void> {
  const contributions = tx.objectStore('statsContributions');
  const months = tx.objectStore('statsMonths');
  const ids = [...new Set(ops.filter((op) => !op.fresh).map((op) => op.id))];
  const stored = await Promise.all(ids.map((id) => contributions.get(id)));
  // An unreadable contribution counts as none: the repair finds the aggregates off and rebuilds them.
  const current = new Map(ids.map((id, i) => [id, parsedContribution(stored[i])]));
  const changes: [StatsContribution, 1 | -1][] = [];
  const changed = new Set<string>();
  for (const op of ops) {
    const before = current.get(op.id) ?? null;
    if (sameContribution(before, op.next)) continue;
    if (before) changes.push([before, -1]);
    if (op.next) changes.push([op.next, 1]);
    current.set(op.id, op.next);
    changed.add(op.id);
  }
  if (changes.length === 0) return;
  const keys = [...new Set(changes.flatMap(([c]) => monthsOf(c)))];
  const raws = await Promise.all(keys.map((key) => months.get(key)));
  const touched = new Map<string, MonthAggregate>();
  keys.forEach((key, i) => {
    const parsed = MonthAggregateSchema.safeParse(raws[i]);
    touched.set(key, parsed.success ? parsed.data : emptyMonth(key));
  });
  for (const [c, sign] of changes) applyContribution(touched, c, sign);
  await Promise.all([
    ...[...touched.values()].map((m) => (isEmptyMonth(m) ? months.delete(m.month) : months.put(m))),
    ...[...changed].map((id) => {
      const c = current.get(id);
      return c ? contributions.put(c, id) : contributions.delete(id);
    }),
  ]);
}

async function drain(tx: StatsTx, queue: Queue): Promise<void> {
  while (queue.ops.length > 0) {
    const ops = queue.ops.splice(0);
    try {
      await applyRound(tx, ops);
      for (const op of ops) op.done();
    } catch (error) {
      for (const op of ops) op.fail(error);
    }
  }
  queue.draining = false;
}

/**
 * In a write's transaction (which must include STATS_STORES): complaint `id` now is `complaint` (null: gone).
 * Its previous contribution is taken off the months, the new one added. `fresh`: the caller knows `id` has
 * no contribution stored (it is not read).
 */
export function recount(tx: StatsTx, id: string, complaint: Complaint | null, fresh = false): Promise<void> {
  const next = complaint && contributionOf(complaint);
  let queue = queues.get(tx);
  if (!queue) {
    queue = { ops: [], draining: false };
    queues.set(tx, queue);
  }
  const q = queue;
  const settled = new Promise<void>((done, fail) => q.ops.push({ id, next, fresh, done, fail }));
  if (!q.draining) {
    q.draining = true;
    void drain(tx, q);
  }
  return settled;
}

/** The v6 migration: contributions and months built from every complaint that parses, in chunks. */
export async function buildStats(tx: StatsTx, chunk = 2_000): Promise<void> {
  const complaints = tx.objectStore('complaints');
  const contributions = tx.objectStore('statsContributions');
  const all: StatsContribution[] = [];
  const puts: Promise<unknown>[] = [];
  let after: string | undefined;
  for (;;) {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const raws = await complaints.getAll(range, chunk);
    for (const raw of raws) {
      const parsed = ComplaintSchema.safeParse(raw);
      if (!parsed.success) continue;
      const c = contributionOf(parsed.data);
      all.push(c);
      puts.push(contributions.put(c, parsed.data.id));
    }
    if (raws.length < chunk) break;
    after = String((raws[raws.length - 1] as { id?: unknown }).id);
  }
  const months = tx.objectStore('statsMonths');
  for (const m of foldContributions(all).values()) puts.push(months.put(m));
  puts.push(months.put(VERSION_RECORD));
  await Promise.all(puts);
}
