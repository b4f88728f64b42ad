// The dashboard over 100,000 complaints in the extension origin of real Chromium: the figures' streaming
// pass beside a naive getAll-then-filter-per-figure, the recurring groups beside an all-pairs comparison of
// the window, and the real page's paint times. This file is both the suite (run by scripts/bench.ts in Node)
// and the code evaluated in the page (bundled by esbuild): Node-only helpers are imported when the suite
// runs, through a specifier esbuild does not follow, so the page bundle holds only what it measures.
import type { Page } from 'playwright-core';
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
import type * as BundleModule from '../bundle';
import { generateComplaint } from '../register-data';
import type * as ReportModule from '../report';
import type { Figure, Suite } from '../suite';

const FULL = 100_000;
const SEED_CHUNK = 10_000;
const BATCH = 2_000;
const PAGE_LOADS = 3;
/** Page loads over the full pass (the page's fallback when the aggregates cannot be trusted): each is long. */
const BASELINE_LOADS = 2;
/** Distinct generated complaints; the others are copies under their own id, reference and summary. */
const POOL = 2_000;
const { windowDays, minCustomers } = DEFAULT_RECURRING_OPTIONS;

// ---- In the page -------------------------------------------------------------------------------------

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
type Operation = keyof typeof operations;

const bench = {
  ...operations,
  async reset(): Promise<void> {
    await defaultConnection.deleteDatabase();
  },
  /**
   * Fills the register up to `total`, one transaction per BATCH records, through `putComplaint` (which keeps
   * the rows and the dashboard's aggregates, as every write of the product does). No history: not read here.
   */
  async seed(total: number, nowIso: string) {
    const db = await registerDb();
    for (let start = await db.count('complaints'); start < total; start += BATCH) {
      const tx = db.transaction(COMPLAINT_STORES, 'readwrite', { durability: 'relaxed' });
      const end = Math.min(total, start + BATCH);
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
  async measure(op: Operation, args: string[], runs: number, warmup: number) {
    const run = operations[op] as (...a: string[]) => Promise<unknown>;
    let result: unknown;
    for (let i = 0; i < warmup; i++) result = await run(...args);
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      result = await run(...args);
      samples.push(performance.now() - t);
    }
    return { samples, result };
  },
};
type Bench = typeof bench;

if (typeof document !== 'undefined') (globalThis as unknown as { __dashboardBench: Bench }).__dashboardBench = bench;

// ---- In Node -----------------------------------------------------------------------------------------

/** A module esbuild must not bundle into the page (it needs Node), imported when the suite runs. */
const nodeOnly = <T>(path: string): Promise<T> => import(path);

function call<K extends keyof Bench>(page: Page, method: K, ...args: Parameters<Bench[K]>) {
  return page.evaluate(
    ({ method, args }) =>
      (globalThis as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>).__dashboardBench?.[
        method
      ]?.(...args),
    { method, args: args as unknown[] },
  ) as Promise<Awaited<ReturnType<Bench[K]>>>;
}

const spread = (samples: number[]) => `${Math.min(...samples).toFixed(0)}–${Math.max(...samples).toFixed(0)} ms`;

/** The first path where two JSON-safe values differ ('' when they agree). */
function firstDifference(a: unknown, b: unknown, path = '$'): string {
  if (JSON.stringify(a) === JSON.stringify(b)) return '';
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return path;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const d = firstDifference(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      `${path}.${key}`,
    );
    if (d) return d;
  }
  return path;
}

const MARKS = ['figures', 'counted', 'complete', 'chart', 'groups'] as const;
type Mark = (typeof MARKS)[number];

const suite: Suite = {
  id: 'dashboard',
  expects: ({ label }) =>
    [
      'dashboard',
      'similar',
      'dashboard-first-paint',
      'dashboard-counted',
      'dashboard-complete',
      'dashboard-groups',
    ].map((name) => `${name}-${label(FULL)}`),
  async run(ctx) {
    const { bundleForPage, injectBundle } = await nodeOnly<typeof BundleModule>('../bundle.ts');
    const { median } = await nodeOnly<typeof ReportModule>('../report.ts');
    const total = ctx.size(FULL);
    const size = ctx.label(FULL);
    const bundle = await bundleForPage('scripts/bench/suites/dashboard.ts', ctx.root);
    const session = await ctx.browser();
    const page = await session.openPage('sidepanel.html');
    await injectBundle(page, bundle, '__dashboardBench');
    ctx.log(`lib/stats + lib/register bundled with esbuild (${(bundle.bytes / 1024).toFixed(0)} KB), in ${page.url()}`);
    const now = new Date().toISOString();
    await call(page, 'reset');
    const started = Date.now();
    for (let target = Math.min(total, SEED_CHUNK); ; target = Math.min(total, target + SEED_CHUNK)) {
      await call(page, 'seed', target, now);
      if (target >= total) break;
    }
    ctx.log(`seeded ${total.toLocaleString('en-US')} complaints in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await new Promise((settled) => setTimeout(settled, 5_000));

    const compare = async (
      id: string,
      ops: [Operation, Operation],
      runs: [number, number],
      target?: Figure['target'],
    ) => {
      const ours = await call(page, 'measure', ops[0], [now], runs[0], 1);
      const naive = await call(page, 'measure', ops[1], [now], runs[1], 0);
      const difference = firstDifference(ours.result, naive.result);
      if (difference) ctx.log(`WARNING ${id}: ${ops[0]} and ${ops[1]} disagree at ${difference}`);
      const figure: Figure = {
        id,
        ms: median(ours.samples),
        runs: runs[0],
        baselineMs: median(naive.samples),
        baselineRuns: runs[1],
        ...(target ? { target } : {}),
      };
      ctx.log(
        `${id}: ${figure.ms.toFixed(1)} ms (${spread(ours.samples)}), baseline ${figure.baselineMs?.toFixed(0)} ms (${spread(naive.samples)})${difference ? '' : '; same answer'}`,
      );
      ctx.record(figure);
      return { figure, answer: ours.result };
    };

    // The figures as the page reads them (the aggregates) beside the full pass the page falls back to.
    const stats = await compare(`dashboard-${size}`, ['aggregated', 'stats'], [5, 3]);
    const s = stats.answer as DashboardStats | null;
    if (s === null) throw new Error('the aggregates are not trusted after seeding through putComplaint');
    ctx.log(
      `  ${s.total} complaints, ${s.overdue} overdue, ${s.received} received in 12 months, ack on time ${s.ack.onTime?.toFixed(3)}`,
    );
    const similar = await compare(`similar-${size}`, ['recurring', 'baselineRecurring'], [15, 2]);
    const groups = similar.answer as string[][];
    ctx.log(`  ${groups.length} groups, ${groups.reduce((n, g) => n + g.length, 0)} complaints in them`);

    // The real page, opened on the seeded register: when its first figures, every phase counted, every
    // figure, the chart and the recurring groups show. "Complete" is the issue's: every figure and the chart
    // painted (the later of the two); the recurring groups, which the page reads after them, are their own figure.
    const load = async (loads: number) => {
      const marks = new Map<Mark, number[]>(MARKS.map((n) => [n, []]));
      for (let i = 0; i < loads; i++) {
        const dashboard = await session.openPage('dashboard.html');
        await dashboard.waitForFunction(
          () => ['complete', 'chart', 'groups'].every((n) => performance.getEntriesByName(`dashboard:${n}`).length > 0),
          null,
          { timeout: 300_000, polling: 50 },
        );
        for (const name of MARKS) {
          const at = await dashboard.evaluate(
            (n) => performance.getEntriesByName(`dashboard:${n}`)[0]?.startTime,
            name,
          );
          marks.get(name)?.push(at ?? Number.NaN);
        }
        await dashboard.close();
      }
      const at = (name: Mark) => marks.get(name) ?? [];
      const complete = at('complete').map((_, i) => Math.max(at('complete')[i] ?? 0, at('chart')[i] ?? 0));
      return { at, complete, groups: at('groups') };
    };
    const ours = await load(PAGE_LOADS);
    ctx.log(
      `dashboard.html after navigation: first figures ${spread(ours.at('figures'))}, every phase counted ` +
        `${spread(ours.at('counted'))}, every figure ${spread(ours.at('complete'))}, chart ${spread(ours.at('chart'))}, ` +
        `recurring groups ${spread(ours.at('groups'))}`,
    );
    const figures: Figure[] = [
      { id: `dashboard-first-paint-${size}`, ms: median(ours.at('figures')), runs: PAGE_LOADS, target: { maxMs: 500 } },
      { id: `dashboard-counted-${size}`, ms: median(ours.at('counted')), runs: PAGE_LOADS },
    ];
    for (const f of figures) ctx.record(f);
    const complete: Figure = { id: `dashboard-complete-${size}`, ms: median(ours.complete), runs: PAGE_LOADS };
    ctx.record(complete);
    const groupsFigure: Figure = { id: `dashboard-groups-${size}`, ms: median(ours.groups), runs: PAGE_LOADS };
    ctx.record(groupsFigure);

    await call(page, 'trustAggregates', false);
    try {
      const full = await load(BASELINE_LOADS);
      ctx.log(
        `dashboard.html over the full pass (aggregates' version record taken away): every figure ` +
          `${spread(full.at('complete'))}, chart ${spread(full.at('chart'))}, recurring groups ${spread(full.at('groups'))}`,
      );
      Object.assign(complete, { baselineMs: median(full.complete), baselineRuns: BASELINE_LOADS });
      Object.assign(groupsFigure, { baselineMs: median(full.groups), baselineRuns: BASELINE_LOADS });
    } catch (error) {
      complete.baselineMissing = `crashed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
      groupsFigure.baselineMissing = complete.baselineMissing;
    } finally {
      await call(page, 'trustAggregates', true);
    }
    ctx.record(complete);
    ctx.record(groupsFigure);
    await page.close();
    return [];
  },
};

export default suite;
