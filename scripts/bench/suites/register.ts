// The register at 10,000 and 100,000 complaints, in the extension origin of real Chromium: the badge count,
// the urgency list, a webmail thread look-up and a cold open, each beside a naive baseline that reads the
// whole store and filters in JavaScript. Both must give the same answer; the figure is the median run.
import type { Page } from 'playwright-core';
import { bundleForPage, injectBundle } from '../bundle';
import type { Operation, RegisterBench } from '../register-entry';
import { median } from '../report';
import type { Figure, Suite, SuiteContext } from '../suite';

/** The indexed reads take milliseconds: many runs are cheap. Each baseline run reads the whole store. */
const RUNS = 15;
const BASELINE_RUNS = 3;
const WARMUP = 1;
/** The store keeps compacting for a few seconds after a bulk write; the badge normally counts an idle store. */
const SETTLE_MS = 5_000;
/** Complaints generated and written per call into the page (the page writes them 2,000 per transaction). */
const SEED_CHUNK = 10_000;

type Bench = RegisterBench;
type Method = { [K in keyof Bench]: Bench[K] extends (...args: never[]) => unknown ? K : never }[keyof Bench];

/** Calls `globalThis.__bench[method](...args)` in the page and returns its (JSON-safe) answer. */
function call<K extends Method>(
  page: Page,
  method: K,
  ...args: Parameters<Bench[K]>
): Promise<Awaited<ReturnType<Bench[K]>>> {
  return page.evaluate(
    ({ method, args }) =>
      (globalThis as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>).__bench?.[method]?.(
        ...args,
      ),
    { method, args: args as unknown[] },
  ) as Promise<Awaited<ReturnType<Bench[K]>>>;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const count = (n: number) => n.toLocaleString('en-US');

async function seedTo(page: Page, ctx: SuiteContext, total: number, now: string): Promise<void> {
  const started = Date.now();
  let generateMs = 0;
  let writeMs = 0;
  let from: number | undefined;
  for (let target = Math.min(total, SEED_CHUNK); ; target = Math.min(total, target + SEED_CHUNK)) {
    const step = await call(page, 'seed', target, now);
    from ??= step.from;
    generateMs += step.generateMs;
    writeMs += step.writeMs;
    if (target >= total) break;
    if (target % 50_000 === 0) ctx.log(`  … ${count(target)} complaints`);
  }
  ctx.log(
    `seeded ${count(from ?? 0)} → ${count(total)} complaints in ${seconds(Date.now() - started)} ` +
      `(generation ${seconds(generateMs)}, waiting for commits ${seconds(writeMs)}; history events skipped)`,
  );
  const c = await call(page, 'composition', now);
  const phases = Object.entries(c.phases)
    .filter(([, n]) => n > 0)
    .map(([phase, n]) => `${phase} ${count(n)}`)
    .join(', ');
  ctx.log(
    `register: ${count(c.total)} complaints, ${count(c.running)} with a running clock, ` +
      `${count(c.overdue)} overdue, ${count(c.dueSoon)} due within 24 h; ${phases}`,
  );
  await new Promise((settled) => setTimeout(settled, SETTLE_MS));
}

async function compare(
  page: Page,
  ctx: SuiteContext,
  id: string,
  ops: [Operation, Operation],
  args: string[],
  target?: Figure['target'],
): Promise<Figure> {
  const ours = await call(page, 'measure', ops[0], args, RUNS, WARMUP);
  const naive = await call(page, 'measure', ops[1], args, BASELINE_RUNS, 0);
  const answer = JSON.stringify(ours.result);
  if (answer !== JSON.stringify(naive.result)) {
    throw new Error(`${id}: ${ops[0]} answered ${answer} but the baseline ${JSON.stringify(naive.result)}`);
  }
  const figure: Figure = {
    id,
    ms: median(ours.samples),
    runs: ours.samples.length,
    baselineMs: median(naive.samples),
    baselineRuns: naive.samples.length,
    ...(target ? { target } : {}),
  };
  const shown = answer.length > 70 ? `${answer.slice(0, 67)}…` : answer;
  const spread = (samples: number[]) => `${Math.min(...samples).toFixed(1)}–${Math.max(...samples).toFixed(1)}`;
  ctx.log(
    `${id}: ${figure.ms.toFixed(2)} ms (runs ${spread(ours.samples)}), baseline ${figure.baselineMs?.toFixed(1)} ms ` +
      `(${spread(naive.samples)}); same answer ${shown}`,
  );
  return figure;
}

const suite: Suite = {
  id: 'register',
  async run(ctx) {
    const bundle = await bundleForPage('scripts/bench/register-entry.ts', ctx.root);
    const session = await ctx.browser();
    const page = await session.openPage('sidepanel.html');
    await injectBundle(page, bundle, '__bench');
    const info = await call(page, 'info');
    ctx.log(
      `lib/register bundled with esbuild (${(bundle.bytes / 1024).toFixed(0)} KB` +
        `${bundle.stubbed.length ? `, stubbed: ${bundle.stubbed.join(', ')}` : ''}), evaluated over CDP in ` +
        `chrome-extension://${session.extensionId}/sidepanel.html; zod JIT ${info.zodJit ? 'on' : 'off (the extension CSP forbids eval)'}`,
    );
    ctx.log(
      `timing: performance.now() inside the page; median of ${RUNS} runs after ${WARMUP} warm-up, ` +
        `baselines median of ${BASELINE_RUNS} runs (each reads the whole store); ${SETTLE_MS / 1000} s pause after each seeding`,
    );
    await call(page, 'reset');
    const now = new Date().toISOString();
    const figures: Figure[] = [];

    await seedTo(page, ctx, 10_000, now);
    figures.push(await compare(page, ctx, 'badge-10k', ['badgeCount', 'baselineBadgeCount'], [now]));

    await seedTo(page, ctx, 100_000, now);
    const sample = await call(page, 'checkParses', 2_000);
    if (sample.valid !== sample.read) throw new Error(`only ${sample.valid} of ${sample.read} stored complaints parse`);
    const badgeTarget = { maxMs: 20, minRatio: 20 };
    figures.push(await compare(page, ctx, 'badge-100k', ['badgeCount', 'baselineBadgeCount'], [now], badgeTarget));
    figures.push(await compare(page, ctx, 'urgent50-100k', ['urgent50', 'baselineUrgent50'], []));
    const thread = await call(page, 'threadOf', 61_803, now);
    figures.push(await compare(page, ctx, 'thread-lookup-100k', ['threadLookup', 'baselineThreadLookup'], [thread]));
    figures.push(await compare(page, ctx, 'open-db-100k', ['openDb', 'baselineOpenDb'], [now]));
    await page.close();
    return figures;
  },
};

export default suite;
