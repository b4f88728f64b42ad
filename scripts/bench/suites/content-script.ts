// The Gmail content script: its size (budget 12 KB gzip, beside gmail.js and InboxSDK), and the main-thread
// time it costs while Gmail-like mutations stream into a 100-message conversation, beside a naive observer
// that re-reads every message on every mutation. Times are CDP ScriptDuration deltas over the stream,
// minus the same stream in the same page without any extension.
import type { BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../../../tests/browser/support/chromium';
import { serveWebmail } from '../../../tests/browser/support/gmail';
import { bundleForPage } from '../bundle';
import { gmailThreadHtml } from '../gmail-thread';
import {
  buttonsShown,
  CONTENT_BUDGET_GZIP,
  contentScriptSize,
  GMAIL_STREAM,
  KB,
  mutationStream,
  repeat,
  streamOnce,
} from '../mutation-stream';
import { median } from '../report';
import type { Figure, Suite } from '../suite';

const MESSAGES = 100;
const ROUNDS = 100;
const RUNS = 3;
/** Published sizes, for scale (minified + gzip, as their projects ship them). */
const OTHERS = [
  ['gmail.js', 35 * KB],
  ['InboxSDK', 530 * KB],
] as const;

function gmailStream(context: BrowserContext, html: string, ready?: (page: Page) => Promise<void>) {
  return streamOnce(
    context,
    {
      url: 'https://mail.google.com/mail/u/0/#inbox/bench',
      script: mutationStream(GMAIL_STREAM),
      rounds: ROUNDS,
      serve: (c) => serveWebmail(c, 'https://mail.google.com', () => html),
    },
    ready,
  );
}

const suite: Suite = {
  id: 'content-script',
  async run(ctx) {
    const { bytes, gzipBytes: gzip } = contentScriptSize(ctx.root, 'gmail', ctx.log);
    for (const [name, size] of OTHERS)
      ctx.log(`  ${name}: ${(size / KB).toFixed(0)} KB gzip (${(size / gzip).toFixed(0)}× ours)`);

    const html = await gmailThreadHtml(ctx.root, MESSAGES);
    const session = await ctx.browser();
    const withExtension = await repeat(RUNS, () =>
      gmailStream(session.context, html, (page) => buttonsShown(page, MESSAGES)),
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
      const bare = await repeat(RUNS, async () => gmailStream(await plain.newContext(), html));
      const naive = await bundleForPage('scripts/bench/naive-observer-entry.ts', ctx.root);
      const naiveRuns = await repeat(RUNS, async () =>
        gmailStream(await plain.newContext(), html, async (page) => {
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
          extra: { bytes, gzipBytes: gzip, budgetGzipBytes: CONTENT_BUDGET_GZIP },
        },
      ];
      return figures;
    } finally {
      await plain.close();
    }
  },
};

export default suite;
