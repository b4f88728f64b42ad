// The helpdesk content scripts (issue 14): their size (budget 12 KB gzip each, as for Gmail), and the
// main-thread time the FreeScout one costs while FreeScout-like mutations stream into a 100-message
// conversation built from a real saved FreeScout page (../shared/fixtures/freescout/; the figure is reported
// missing without it). Times are CDP ScriptDuration deltas over the stream, minus the same stream in the same
// page without any extension. Kept short: 2 runs of 50 rounds.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM, launch } from '../../../tests/browser/support/chromium';
import { buildWithGrantedOrigins, enableInOptions, serveHelpdesk } from '../../../tests/browser/support/helpdesk';
import { fixtureFile } from '../../../tests/support/fixture-files';
import { parseSavedPage } from '../../cli/saved-page';
import { median } from '../report';
import type { Figure, Suite } from '../suite';

const KB = 1024;
const MESSAGES = 100;
const ROUNDS = 50;
const RUNS = 2;
const ORIGIN = 'https://support.example.test';
const PAGE = 'freescout-fr-conversation-late-delivery.dom.html';

/** Conversation 2 with its customer thread cloned into MESSAGES threads (fresh ids), scripts still absent. */
function conversationHtml(): string {
  const page = parseSavedPage(readFileSync(fixtureFile(PAGE), 'utf8'));
  const doc = page.document;
  const thread = doc.querySelector('.thread.thread-type-customer');
  if (!thread?.parentElement) throw new Error('no customer thread in the saved page');
  for (const t of Array.from(doc.querySelectorAll('.thread'))) if (t !== thread) t.remove();
  for (let i = 1; i < MESSAGES; i++) {
    const copy = thread.cloneNode(true) as Element;
    copy.setAttribute('data-thread_id', String(1000 + i));
    copy.id = `thread-${1000 + i}`;
    thread.parentElement.insertBefore(copy, thread);
  }
  const html = `<!DOCTYPE html>\n${doc.documentElement.outerHTML}`.replace(
    /<meta http-equiv="Content-Security-Policy"[^>]*>/,
    '',
  );
  void page.close();
  return html;
}

// FreeScout's page while an agent reads: relative dates ticking, tooltips coming and going, classes toggling,
// now and then a thread re-rendered (FreeScout reloads a thread after an edit).
const STREAM = `async (rounds) => {
  const longTasks = [];
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); });
  observer.observe({ type: 'longtask' });
  const threads = Array.from(document.querySelectorAll('.thread'));
  const dates = Array.from(document.querySelectorAll('.thread-date'));
  let mutations = 0;
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < 30; i++) {
      const date = dates[(round * 30 + i) % dates.length];
      if (date) date.textContent = 'il y a ' + ((round + i) % 59) + ' min';
      const tip = document.createElement('div');
      tip.className = 'tooltip fade';
      tip.textContent = 'Déc 1, 2026 20:15';
      document.body.append(tip);
      tip.remove();
      threads[i % threads.length]?.classList.toggle('thread-hover');
      mutations += 4;
    }
    if (round % 10 === 9) {
      const k = round % threads.length;
      const fresh = threads[k].cloneNode(true);
      for (const w of fresh.querySelectorAll('[data-rr]')) w.remove();
      threads[k].replaceWith(fresh);
      threads[k] = fresh;
      mutations++;
    }
    await new Promise((r) => setTimeout(r, 16));
  }
  await new Promise((r) => setTimeout(r, 800));
  observer.disconnect();
  return { longTasks, mutations };
}`;

interface Run {
  scriptMs: number;
  longTasks: number[];
  mutations: number;
}

async function streamOnce(context: BrowserContext, html: string, ready?: (page: Page) => Promise<void>): Promise<Run> {
  await context.unrouteAll();
  await serveHelpdesk(context, ORIGIN, { documents: { '/conversation/2': () => html } });
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/conversation/2`);
  await ready?.(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
  };
  const before = await metric();
  const result = (await page.evaluate(`(${STREAM})(${ROUNDS})`)) as Omit<Run, 'scriptMs'>;
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
  id: 'helpdesk-content',
  async run(ctx) {
    const figures: Figure[] = [];
    for (const system of ['freescout', 'zendesk'] as const) {
      const file = readFileSync(
        join(ctx.root, process.env.WXT_OUT_DIR ?? '.output', `chrome-mv3/content-scripts/${system}.js`),
      );
      const gzip = gzipSync(file, { level: 9 }).length;
      ctx.log(
        `${system} content script: ${(file.length / KB).toFixed(1)} KB, ${(gzip / KB).toFixed(1)} KB gzip (budget 12 KB gzip: ${gzip <= 12 * KB ? 'met' : 'NOT met'})`,
      );
      const figure: Figure = {
        id: `${system}-content-gz`,
        ms: 0,
        runs: 1,
        bytes: gzip,
        target: { maxBytes: 12 * KB },
        extra: { bytes: file.length, gzipBytes: gzip, budgetGzipBytes: 12 * KB },
      };
      ctx.record(figure);
      figures.push(figure);
    }

    if (!existsSync(fixtureFile(PAGE))) {
      ctx.missing('freescout-mutations-100msg', new Error(`saved page absent: ${PAGE}`));
      return figures;
    }
    const html = conversationHtml();
    const session = await launch({ extensionDir: buildWithGrantedOrigins([ORIGIN]) });
    const plain = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu'],
    });
    try {
      await (await enableInOptions(session, 'freescout', ORIGIN)).close();
      const withExtension = await runs(RUNS, () =>
        streamOnce(session.context, html, (page) =>
          page
            .waitForFunction((n) => document.querySelectorAll('[data-testid="log-complaint"]').length >= n, MESSAGES, {
              timeout: 30_000,
            })
            .then(() => undefined),
        ),
      );
      const bare = await runs(RUNS, async () => streamOnce(await plain.newContext(), html));
      const page = median(bare.map((r) => r.scriptMs));
      const ours = Math.max(0, median(withExtension.map((r) => r.scriptMs)) - page);
      const tasks = withExtension.flatMap((r) => r.longTasks);
      const overFifty = tasks.filter((d) => d > 50).length;
      const longest = Math.max(0, ...tasks);
      ctx.log(
        `${withExtension[0]?.mutations ?? 0} mutations per run over ${MESSAGES} FreeScout threads: +${ours.toFixed(1)} ms of script; tasks over 50 ms: ${overFifty} (longest ${longest.toFixed(0)} ms)`,
      );
      const figure: Figure = {
        id: 'freescout-mutations-100msg',
        ms: ours,
        runs: RUNS,
        extra: { longTasksOver50ms: overFifty, longestTaskMs: Math.round(longest) },
      };
      ctx.record(figure);
      figures.push(figure);
    } finally {
      await plain.close();
      await session.close();
    }
    return figures;
  },
};

export default suite;
