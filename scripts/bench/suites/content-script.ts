// The Gmail content script: its size (budget 12 KB gzip, beside gmail.js and InboxSDK), and the main-thread
// time it costs while Gmail-like mutations stream into a 100-message conversation, beside a naive observer
// that re-reads every message on every mutation. Times are CDP ScriptDuration deltas over the stream,
// minus the same stream in the same page without any extension.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BrowserContext, chromium } from 'playwright-core';
import { CHROMIUM } from '../../../tests/browser/support/chromium';
import { serveWebmail } from '../../../tests/browser/support/gmail';
import { bundleForPage } from '../bundle';
import { gmailThreadHtml } from '../gmail-thread';
import { MUTATION_STREAM } from '../mutation-stream';
import { median } from '../report';
import type { Figure, Suite } from '../suite';

const MESSAGES = 100;
const ROUNDS = 100;
const RUNS = 3;
const KB = 1024;
/** Published sizes, for scale (minified + gzip, as their projects ship them). */
const OTHERS = [
  ['gmail.js', 35 * KB],
  ['InboxSDK', 530 * KB],
] as const;

interface Run {
  scriptMs: number;
  longTasks: number[];
  mutations: number;
}

async function streamOnce(
  context: BrowserContext,
  html: string,
  prepare?: (page: import('playwright-core').Page) => Promise<void>,
): Promise<Run> {
  await context.unrouteAll();
  await serveWebmail(context, 'https://mail.google.com', () => html);
  const page = await context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/#inbox/bench');
  await prepare?.(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
  };
  const before = await metric();
  const result = (await page.evaluate(`(${MUTATION_STREAM})(${ROUNDS})`)) as Omit<Run, 'scriptMs'>;
  const scriptMs = (await metric()) - before;
  await page.close();
  return { ...result, scriptMs };
}

async function runs(n: number, once: () => Promise<Run>): Promise<Run[]> {
  const out: Run[] = [];
  for (let i = 0; i < n; i++) out.push(await once());
  return out;
}

const suite: Suite = {
  id: 'content-script',
  async run(ctx) {
    const file = readFileSync(
      join(ctx.root, process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3/content-scripts/gmail.js'),
    );
    const gzip = gzipSync(file, { level: 9 }).length;
    ctx.log(
      `gmail content script: ${(file.length / KB).toFixed(1)} KB, ${(gzip / KB).toFixed(1)} KB gzip (budget 12 KB gzip: ${gzip <= 12 * KB ? 'met' : 'NOT met'})`,
    );
    for (const [name, size] of OTHERS)
      ctx.log(`  ${name}: ${(size / KB).toFixed(0)} KB gzip (${(size / gzip).toFixed(0)}× ours)`);

    const html = await gmailThreadHtml(ctx.root, MESSAGES);
    const session = await ctx.browser();
    const withExtension = await runs(RUNS, () =>
      streamOnce(session.context, html, async (page) => {
        await page.waitForFunction(
          (n) => document.querySelectorAll('[data-testid="log-complaint"]').length >= n,
          MESSAGES,
          { timeout: 30_000 },
        );
      }),
    );
    const plain = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--host-resolver-rules=MAP * ~NOTFOUND',
      ],
    });
    try {
      const bare = await runs(RUNS, async () => streamOnce(await plain.newContext(), html));
      const naive = await bundleForPage('scripts/bench/naive-observer-entry.ts', ctx.root);
      const naiveRuns = await runs(RUNS, async () =>
        streamOnce(await plain.newContext(), html, async (page) => {
          await page.evaluate(naive.code);
        }),
      );
      const page = median(bare.map((r) => r.scriptMs));
      const ours = Math.max(0, median(withExtension.map((r) => r.scriptMs)) - page);
      const baseline = Math.max(0, median(naiveRuns.map((r) => r.scriptMs)) - page);
      const longest = Math.max(0, ...withExtension.flatMap((r) => r.longTasks));
      const overFifty = withExtension.flatMap((r) => r.longTasks).filter((d) => d > 50).length;
      ctx.log(
        `${withExtension[0]?.mutations ?? 0} mutations per run over ${MESSAGES} messages; page's own script time ${page.toFixed(0)} ms`,
      );
      ctx.log(
        `with the extension: +${ours.toFixed(1)} ms of script; tasks over 50 ms: ${overFifty} (longest ${longest.toFixed(0)} ms)`,
      );
      ctx.log(`naive observer (re-read on every mutation): +${baseline.toFixed(1)} ms`);
      const figures: Figure[] = [
        {
          id: 'content-mutations-100msg',
          ms: ours,
          runs: RUNS,
          baselineMs: baseline,
          baselineRuns: RUNS,
          extra: { longTasksOver50ms: overFifty, longestTaskMs: Math.round(longest) },
        },
        {
          id: 'content-script-size',
          ms: 0,
          runs: 1,
          extra: { bytes: file.length, gzipBytes: gzip, budgetGzipBytes: 12 * KB },
        },
      ];
      return figures;
    } finally {
      await plain.close();
    }
  },
};

export default suite;
