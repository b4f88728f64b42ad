// The dashboard over 100,000 complaints in the extension origin of real Chromium: the figures' streaming
// pass beside a naive getAll-then-filter-per-figure, the recurring groups beside an all-pairs comparison of
// the window, and the real page's paint times. The code measured in the page is dashboard-entry.ts.
import type { Page } from 'playwright-core';
import type { DashboardStats } from '@/lib/stats/compute';
import { bundleForPage, injectBundle } from '../bundle';
import type { DashboardBench, Operation } from '../dashboard-entry';
import { median } from '../report';
import type { Figure, Suite } from '../suite';

const FULL = 100_000;
const SEED_CHUNK = 10_000;
const PAGE_LOADS = 3;
/** Page loads over the full pass (the page's fallback when the aggregates cannot be trusted): each is long. */
const BASELINE_LOADS = 2;

type Bench = DashboardBench;

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
    const total = ctx.size(FULL);
    const size = ctx.label(FULL);
    const bundle = await bundleForPage('scripts/bench/dashboard-entry.ts', ctx.root);
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
