// The dashboard over 100,000 complaints in the extension origin of real Chromium: the figures' streaming
// pass beside a naive getAll-then-filter-per-figure, the recurring groups beside an all-pairs comparison of
// the window, and the real page's paint times. This file is both the suite (run by scripts/bench.ts in Node)
// and the code evaluated in the page (bundled by esbuild): Node-only helpers are imported when the suite
// runs, through a specifier esbuild does not follow, so the page bundle holds only what it measures.
import type { Page } from 'playwright-core';
import { clockStatus } from '@/lib/deadlines/clock';
import { CLOCKLESS_PHASES } from '@/lib/register/phases';
import { type Complaint, ComplaintSchema, PHASES } from '@/lib/register/schema';
import { defaultConnection, registerDb } from '@/lib/register/store/db';
import { forEachComplaint, listReceivedSince } from '@/lib/register/store/queries';
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

const TOTAL = 100_000;
const SEED_CHUNK = 10_000;
const BATCH = 2_000;
const PAGE_LOADS = 3;
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
function benchComplaint(i: number, now: Date): Complaint {
  const c = generateComplaint(i, now);
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
    const hours = period.flatMap((c) => {
      const metAt = c.clocks[k].metAt;
      return metAt === null ? [] : [(Date.parse(metAt) - Date.parse(c.receivedAt)) / 3_600_000];
    });
    return hours.length ? hours.reduce((a, h) => a + h, 0) / hours.length : null;
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
  /** Fills the register up to `total`, one transaction per BATCH records. */
  async seed(total: number, nowIso: string) {
    const db = await registerDb();
    for (let start = await db.count('complaints'); start < total; start += BATCH) {
      const tx = db.transaction('complaints', 'readwrite', { durability: 'relaxed' });
      const end = Math.min(total, start + BATCH);
      for (let i = start; i < end; i++) void tx.store.put(benchComplaint(i, new Date(nowIso)));
      await tx.done;
    }
    return db.count('complaints');
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

const suite: Suite = {
  id: 'dashboard',
  async run(ctx) {
    const { bundleForPage, injectBundle } = await nodeOnly<typeof BundleModule>('../bundle.ts');
    const { median } = await nodeOnly<typeof ReportModule>('../report.ts');
    const bundle = await bundleForPage('scripts/bench/suites/dashboard.ts', ctx.root);
    const session = await ctx.browser();
    const page = await session.openPage('sidepanel.html');
    await injectBundle(page, bundle, '__dashboardBench');
    ctx.log(`lib/stats + lib/register bundled with esbuild (${(bundle.bytes / 1024).toFixed(0)} KB), in ${page.url()}`);
    const now = new Date().toISOString();
    await call(page, 'reset');
    const started = Date.now();
    for (let target = SEED_CHUNK; target <= TOTAL; target += SEED_CHUNK) await call(page, 'seed', target, now);
    ctx.log(`seeded ${TOTAL.toLocaleString('en-US')} complaints in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const compare = async (
      id: string,
      ops: [Operation, Operation],
      runs: [number, number],
      target?: Figure['target'],
    ) => {
      const ours = await call(page, 'measure', ops[0], [now], runs[0], 1);
      const naive = await call(page, 'measure', ops[1], [now], runs[1], 0);
      if (JSON.stringify(ours.result) !== JSON.stringify(naive.result))
        throw new Error(`${id}: ${ops[0]} and ${ops[1]} disagree`);
      const figure: Figure = {
        id,
        ms: median(ours.samples),
        runs: runs[0],
        baselineMs: median(naive.samples),
        baselineRuns: runs[1],
        ...(target ? { target } : {}),
      };
      ctx.log(
        `${id}: ${figure.ms.toFixed(1)} ms (${spread(ours.samples)}), baseline ${figure.baselineMs?.toFixed(0)} ms (${spread(naive.samples)}); same answer`,
      );
      return { figure, answer: ours.result };
    };

    const stats = await compare('dashboard-100k', ['stats', 'baselineStats'], [5, 3]);
    const s = stats.answer as DashboardStats;
    ctx.log(
      `  ${s.total} complaints, ${s.overdue} overdue, ${s.received} received in 12 months, ack on time ${s.ack.onTime?.toFixed(3)}`,
    );
    const similar = await compare('similar-100k', ['recurring', 'baselineRecurring'], [15, 2]);
    const groups = similar.answer as string[][];
    ctx.log(`  ${groups.length} groups, ${groups.reduce((n, g) => n + g.length, 0)} complaints in them`);

    // The real page, opened on the seeded register: when its first figures (overdue now, then the phases
    // counted on the indexes, the open ones first), all phases, every figure and the chart show.
    const names = ['figures', 'counted', 'complete', 'chart'] as const;
    const marks = new Map<string, number[]>(names.map((n) => [n, []]));
    for (let i = 0; i < PAGE_LOADS; i++) {
      const dashboard = await session.openPage('dashboard.html');
      await dashboard.waitForFunction(() => performance.getEntriesByName('dashboard:chart').length > 0, null, {
        timeout: 120_000,
      });
      for (const name of names) {
        const at = await dashboard.evaluate((n) => performance.getEntriesByName(`dashboard:${n}`)[0]?.startTime, name);
        marks.get(name)?.push(at ?? Number.NaN);
      }
      await dashboard.close();
    }
    const at = (name: (typeof names)[number]) => marks.get(name) ?? [];
    ctx.log(
      `dashboard.html after navigation: first figures ${spread(at('figures'))}, every phase counted ` +
        `${spread(at('counted'))}, every figure ${spread(at('complete'))}, chart ${spread(at('chart'))}`,
    );
    await page.close();
    return [
      stats.figure,
      similar.figure,
      { id: 'dashboard-first-paint-100k', ms: median(at('figures')), runs: PAGE_LOADS, target: { maxMs: 500 } },
      { id: 'dashboard-counted-100k', ms: median(at('counted')), runs: PAGE_LOADS },
      { id: 'dashboard-complete-100k', ms: median(at('complete')), runs: PAGE_LOADS },
    ];
  },
};

export default suite;
