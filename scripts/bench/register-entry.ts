// Bundled by the register suite and evaluated in an extension page, so that the product's own register code
// (lib/register/*) runs against the extension origin's IndexedDB. It exposes `globalThis.__bench`; each
// operation has a naive twin (`baseline…`: read the whole store, filter and sort in JavaScript) that must
// return the same answer. `measure` times an operation inside the page with performance.now().
import { util } from 'zod/v4/core';
import { DEFAULT_POLICY } from '@/lib/deadlines/policy';
import { type Complaint, ComplaintSchema, PHASES } from '@/lib/register/schema';
import { defaultConnection, registerDb } from '@/lib/register/store/db';
import { countByPhase, countDueSoon, countOverdue, findByThreadId, listUrgent } from '@/lib/register/store/queries';
import { generateComplaint } from './register-data';
import { type Measurement, timedRuns } from './timed-runs';

export type { Measurement };

/** Records per write transaction while seeding. */
const BATCH = 2_000;
const DUE_SOON_HOURS = DEFAULT_POLICY.dueSoonHours;

const dueSoonUntil = (now: Date) => new Date(now.getTime() + DUE_SOON_HOURS * 3_600_000).toISOString();
const parsed = (raws: unknown[]) => raws.map((raw) => ComplaintSchema.safeParse(raw)).filter((r) => r.success).length;
const byDueThenId = (a: Complaint, b: Complaint) =>
  a.nextDueAt === b.nextDueAt ? (a.id < b.id ? -1 : 1) : (a.nextDueAt ?? '') < (b.nextDueAt ?? '') ? -1 : 1;

async function loadAll(): Promise<Complaint[]> {
  return (await registerDb()).getAll('complaints');
}

function countBadge(all: Complaint[], now: Date) {
  const from = now.toISOString();
  const until = dueSoonUntil(now);
  let overdue = 0;
  let dueSoon = 0;
  for (const c of all) {
    if (c.nextDueAt === undefined) continue;
    if (c.nextDueAt < from) overdue++;
    else if (c.nextDueAt <= until) dueSoon++;
  }
  return { overdue, dueSoon };
}

const operations = {
  async badgeCount(nowIso: string) {
    const now = new Date(nowIso);
    return { overdue: await countOverdue(now), dueSoon: await countDueSoon(now, DUE_SOON_HOURS) };
  },
  async baselineBadgeCount(nowIso: string) {
    return countBadge(await loadAll(), new Date(nowIso));
  },
  async urgent50() {
    return (await listUrgent(50)).map((c) => c.id);
  },
  async baselineUrgent50() {
    const running = (await loadAll()).filter((c) => c.nextDueAt !== undefined);
    const first = running.sort(byDueThenId).slice(0, 50);
    return first.filter((c) => ComplaintSchema.safeParse(c).success).map((c) => c.id);
  },
  async threadLookup(threadId: string) {
    return (await findByThreadId(threadId)).map((c) => c.id).sort();
  },
  async baselineThreadLookup(threadId: string) {
    const found = (await loadAll()).filter((c) => c.source.threadId === threadId);
    return found
      .filter((c) => ComplaintSchema.safeParse(c).success)
      .map((c) => c.id)
      .sort();
  },
  /** A cold start of the register: a fresh connection, then the badge's first count. */
  async openDb(nowIso: string) {
    await defaultConnection.close();
    await registerDb();
    return countOverdue(new Date(nowIso));
  },
  async baselineOpenDb(nowIso: string) {
    await defaultConnection.close();
    await registerDb();
    return countBadge(await loadAll(), new Date(nowIso)).overdue;
  },
};
export type Operation = keyof typeof operations;

const bench = {
  ...operations,

  info() {
    return { userAgent: navigator.userAgent, cores: navigator.hardwareConcurrency, zodJit: util.allowsEval.value };
  },

  /** Deletes the register database so that the suite starts from nothing. */
  async reset(): Promise<void> {
    // Other connections (the side panel app, the service worker) close on versionchange (see db.ts).
    await defaultConnection.deleteDatabase();
  },

  /**
   * Fills the register up to `total` complaints, continuing after the ones already there, `BATCH` records
   * per transaction. The next batch is generated while the previous one commits, so at most two batches
   * are held in memory. `writeMs` is the time spent waiting for commits beyond that overlap.
   */
  async seed(total: number, nowIso: string) {
    const now = new Date(nowIso);
    const db = await registerDb();
    const from = await db.count('complaints');
    let generateMs = 0;
    let writeMs = 0;
    let committing: Promise<unknown> = Promise.resolve();
    for (let start = from; start < total; start += BATCH) {
      let t = performance.now();
      const records: Complaint[] = [];
      for (let i = start; i < Math.min(total, start + BATCH); i++) records.push(generateComplaint(i, now));
      generateMs += performance.now() - t;
      t = performance.now();
      await committing;
      writeMs += performance.now() - t;
      const tx = db.transaction('complaints', 'readwrite', { durability: 'relaxed' });
      committing = Promise.all([...records.map((c) => tx.store.put(c)), tx.done]);
    }
    const t = performance.now();
    await committing;
    writeMs += performance.now() - t;
    return { from, to: total, generateMs, writeMs };
  },

  /** What the seeded register holds, counted on the indexes. */
  async composition(nowIso: string) {
    const db = await registerDb();
    const phases = await countByPhase(PHASES);
    const badge = await operations.badgeCount(nowIso);
    const running = await db.countFromIndex('complaints', 'nextDueAt');
    return { total: await db.count('complaints'), running, ...badge, phases };
  },

  /** The thread id of generated complaint `index` or the next one from a webmail (in the register once seeded that far). */
  threadOf(index: number, nowIso: string): string {
    for (let i = index; ; i++) {
      const threadId = generateComplaint(i, new Date(nowIso)).source.threadId;
      if (threadId) return threadId;
    }
  },

  /** Runs `op` `warmup` times untimed, then `runs` times timed; returns each run's milliseconds and the last answer. */
  measure(op: Operation, args: string[], runs: number, warmup = 1): Promise<Measurement> {
    return timedRuns(operations[op] as (...a: string[]) => Promise<unknown>, args, runs, warmup);
  },

  /** How many of the first `limit` records parse (a sanity check of the generated data). */
  async checkParses(limit: number) {
    const raws = await (await registerDb()).getAll('complaints', undefined, limit);
    return { read: raws.length, valid: parsed(raws) };
  },
};
export type RegisterBench = typeof bench;

(globalThis as unknown as { __bench: RegisterBench }).__bench = bench;
