// The page side of the dashboard bench (suites/dashboard.ts), bundled by esbuild and run in the extension
// origin of real Chromium: the register seeded through the product's own writes, the figures' streaming pass
// beside a naive getAll-then-filter-per-figure, the recurring groups beside an all-pairs comparison. It
// exposes `globalThis.__dashboardBench`.
import { clockStatus } from '@/lib/deadlines/clock';
import { CLOCKLESS_PHASES } from '@/lib/register/phases';
import { type Complaint, ComplaintSchema, PHASES } from '@/lib/register/schema';
import { readAggregatedStats } from '@/lib/register/store/dashboard-stats';
import { COMPLAINT_STORES, defaultConnection, putComplaint, registerDb } from '@/lib/register/store/db';
import { forEachComplaint, listReceivedSince } from '@/lib/register/store/queries';
import { VERSION_RECORD } from '@/lib/register/store/stats';
import { type ClockTally, type DashboardStats, statsAccumulator } from '@/lib/stats/compute';
import { lastMonths, monthIndex } from '@/lib/stats/months';
import {
  customerOf,
  DEFAULT_RECURRING_OPTIONS,
  findRecurring,
  inWindow,
  similarPair,
  wordsOf,
} from '@/lib/stats/recurring';
import { generateComplaint } from './register-data';
import { timedRuns } from './timed-runs';

const SEED_BATCH = 2_000;
/** Distinct generated complaints; the others are copies under their own id, reference and summary. */
const POOL = 2_000;
const { windowDays, minCustomers } = DEFAULT_RECURRING_OPTIONS;

/**
 * register-data's complaint `i` with a product and a summary. The summary is free text: seven words of a
 * vocabulary of 2,000, so that two summaries rarely share two words (register-data's subjects are six fixed
 * sentences: alone they would make every delivery complaint look alike). One complaint in three names one of
 * 300 products. Three recurring defects run through the register (every 41st, 67th and 97th complaint): the
 * groups a manager should see.
 */
const SYLLABLES = ['ba', 'co', 'di', 'fu', 'ga', 'le', 'mi', 'no', 'pa', 'ri', 'so', 'tu', 'va', 'ze', 'lo', 'ne'];
const word = (n: number) => [n, n >> 4, n >> 8].map((k) => SYLLABLES[k % 16]).join('');
const DEFECTS = [
  { every: 41, product: 'Lampe Aurore', summary: 'ampoule grillée au premier allumage' },
  { every: 67, product: 'Applique Nova', summary: 'fixation murale cassée au montage' },
  { every: 97, product: 'Guirlande Lys', summary: 'câble qui chauffe anormalement' },
];
const pool = new Map<number, Complaint>();
function pooled(i: number, now: Date): Complaint {
  const k = i % POOL;
  let base = pool.get(k);
  if (!base) {
    base = generateComplaint(k, now);
    pool.set(k, base);
  }
  if (i === k) return base;
  return {
    ...base,
    id: crypto.randomUUID(),
    reference: `${base.reference.slice(0, 9)}${String(i + 1).padStart(6, '0')}`,
  };
}
function benchComplaint(i: number, now: Date): Complaint {
  const c = pooled(i, now);
  const defect = DEFECTS.find((d) => i % d.every === 0);
  if (defect) return { ...c, product: defect.product, summary: defect.summary };
  let h = Math.imul(i + 1, 2_654_435_761) >>> 0;
  const next = () => {
    h = Math.imul(h ^ (h >>> 15), 2_246_822_519) >>> 0;
    return h;
  };
  const summary = Array.from({ length: 7 }, () => word(next() % 2_000)).join(' ');
  return { ...c, product: next() % 3 === 0 ? word(3_000 + (next() % 300)).toUpperCase() : '', summary };
}

const parsed = (raws: unknown[]) =>
  raws.map((raw) => ComplaintSchema.safeParse(raw)).flatMap((r) => (r.success ? [r.data] : []));

/** Every figure filtered out of the whole register on its own, as one would without a streaming pass. */
function naiveStats(all: Complaint[], now: Date): DashboardStats {
  const w = lastMonths(now, 12);
  const counted = all.filter((c) => !CLOCKLESS_PHASES.includes(c.phase));
  const status = (k: Complaint['clocks']['ack']) => {
    const s = clockStatus(k, now, 0);
    return s === 'met' || s === 'metLate' || s === 'overdue' ? s : 'running';
  };
  const tally = (cs: Complaint[], k: 'ack' | 'answer'): ClockTally => {
    const n = (s: string) => cs.filter((c) => status(c.clocks[k]) === s).length;
    const [met, metLate, overdue, running] = [n('met'), n('metLate'), n('overdue'), n('running')];
    const decided = met + metLate + overdue;
    return { met, metLate, overdue, running, onTime: decided ? met / decided : null };
  };
  const received = (i: number) => counted.filter((c) => monthIndex(w, Date.parse(c.receivedAt)) === i);
  const period = counted.filter((c) => monthIndex(w, Date.parse(c.receivedAt)) >= 0);
  const grantedIn = (i: number) =>
    all.filter((c) => {
      const at = c.compensation.executedAt ?? c.clocks.answer.metAt;
      return c.compensation.kind !== 'none' && at !== null && monthIndex(w, Date.parse(at)) === i;
    });
  // Remedies owed by law are counted apart from compensation; only their refunds carry money.
  const granted = (i: number) => grantedIn(i).filter((c) => c.compensation.kind !== 'legal');
  const owed = (i: number) => grantedIn(i).filter((c) => c.compensation.kind === 'legal');
  const cents = (cs: Complaint[]) =>
    cs.reduce(
      (a, c) =>
        a +
        (c.compensation.kind !== 'legal' || c.compensation.legalRemedy === 'refund'
          ? Math.round((c.compensation.amountEuros ?? 0) * 100)
          : 0),
      0,
    );
  const mean = (k: 'ack' | 'answer') => {
    const ms = period.flatMap((c) => {
      const metAt = c.clocks[k].metAt;
      return metAt === null ? [] : [Date.parse(metAt) - Date.parse(c.receivedAt)];
    });
    // Whole milliseconds summed, then divided, as compute.ts's meanHoursOf: the same figure to the last bit.
    return ms.length ? ms.reduce((a, h) => a + h, 0) / ms.length / 3_600_000 : null;
  };
  const months = w.keys.map((month, i) => ({
    month,
    received: received(i).length,
    ack: tally(received(i), 'ack'),
    answer: tally(received(i), 'answer'),
    compensation: { count: granted(i).length, euros: cents(granted(i)) / 100 },
    legal: { count: owed(i).length, euros: cents(owed(i)) / 100 },
  }));
  const categories = [...new Set(period.map((c) => c.category))];
  const allGranted = w.keys.flatMap((_, i) => granted(i));
  const allOwed = w.keys.flatMap((_, i) => owed(i));
  const severity = (s: number | null) => period.filter((c) => c.severity === s).length;
  return {
    at: now.toISOString(),
    since: new Date(w.starts[0] as number).toISOString(),
    total: all.length,
    byPhase: Object.fromEntries(PHASES.map((p) => [p, all.filter((c) => c.phase === p).length])) as never,
    overdue: counted.filter((c) => (['ack', 'answer'] as const).some((k) => status(c.clocks[k]) === 'overdue')).length,
    months,
    received: period.length,
    ack: tally(period, 'ack'),
    answer: tally(period, 'answer'),
    meanHours: { ack: mean('ack'), answer: mean('answer') },
    byCategory: categories
      .map((category) => ({ category, count: period.filter((c) => c.category === category).length }))
      .sort((a, b) => b.count - a.count || (a.category < b.category ? -1 : 1)),
    bySeverity: { 1: severity(1), 2: severity(2), 3: severity(3), 4: severity(4), unset: severity(null) },
    compensation: { count: allGranted.length, euros: cents(allGranted) / 100 },
    legal: { count: allOwed.length, euros: cents(allOwed) / 100 },
  };
}

/** Groups as sorted id lists, sorted: the same answer whatever order a method finds them in. */
const canonical = (groups: Complaint[][]) => groups.map((g) => g.map((c) => c.id).sort()).sort();

const operations = {
  /** What the dashboard reads first: the aggregates every write keeps (null when they cannot be trusted). */
  async aggregated(nowIso: string) {
    return readAggregatedStats(new Date(nowIso));
  },
  async stats(nowIso: string) {
    const acc = statsAccumulator(new Date(nowIso));
    await forEachComplaint((c) => acc.add(c));
    return acc.finish();
  },
  async baselineStats(nowIso: string) {
    return naiveStats(parsed(await (await registerDb()).getAll('complaints')), new Date(nowIso));
  },
  async recurring(nowIso: string) {
    const now = new Date(nowIso);
    const since = new Date(now.getTime() - windowDays * 86_400_000).toISOString();
    return canonical(findRecurring(await listReceivedSince(since), now).map((g) => g.complaints));
  },
  async baselineRecurring(nowIso: string) {
    const now = new Date(nowIso);
    const window = parsed(await (await registerDb()).getAll('complaints')).filter((c) => inWindow(c, now, windowDays));
    const sets = window.map(wordsOf);
    const group = window.map((_, i) => i);
    const root = (i: number): number => (group[i] === i ? i : root(group[i] as number));
    for (let i = 0; i < window.length; i++)
      for (let j = 0; j < i; j++)
        if (similarPair(window[i] as Complaint, window[j] as Complaint, sets[i] as Set<string>, sets[j] as Set<string>))
          group[root(i)] = root(j);
    const members = new Map<number, Complaint[]>();
    window.forEach((c, i) => {
      members.set(root(i), [...(members.get(root(i)) ?? []), c]);
    });
    return canonical([...members.values()].filter((g) => new Set(g.map(customerOf)).size >= minCustomers));
  },
};
export type Operation = keyof typeof operations;

export const dashboardBench = {
  ...operations,
  async reset(): Promise<void> {
    await defaultConnection.deleteDatabase();
  },
  /**
   * Fills the register up to `total`, one transaction per SEED_BATCH records, through `putComplaint` (which keeps
   * the rows and the dashboard's aggregates, as every write of the product does). No history: not read here.
   */
  async seed(total: number, nowIso: string) {
    const db = await registerDb();
    for (let start = await db.count('complaints'); start < total; start += SEED_BATCH) {
      const tx = db.transaction(COMPLAINT_STORES, 'readwrite', { durability: 'relaxed' });
      const end = Math.min(total, start + SEED_BATCH);
      const writes: Promise<unknown>[] = [];
      for (let i = start; i < end; i++) writes.push(putComplaint(tx, benchComplaint(i, new Date(nowIso))));
      await Promise.all([...writes, tx.done]);
    }
    return db.count('complaints');
  },
  /**
   * Takes the aggregates' version record away (the page then falls back to its full pass over the register,
   * the baseline the aggregates replace), or puts it back: the months themselves are left as they are.
   */
  async trustAggregates(trusted: boolean) {
    const db = await registerDb();
    if (trusted) await db.put('statsMonths', VERSION_RECORD as never);
    else await db.delete('statsMonths', VERSION_RECORD.month);
  },
  measure(op: Operation, args: string[], runs: number, warmup: number) {
    return timedRuns(operations[op] as (...a: string[]) => Promise<unknown>, args, runs, warmup);
  },
};
export type DashboardBench = typeof dashboardBench;

(globalThis as unknown as { __dashboardBench: DashboardBench }).__dashboardBench = dashboardBench;
