// The helpdesk content scripts (issue 14): their size (budget 12 KB gzip each, as for Gmail), and the
// main-thread time the FreeScout one costs while FreeScout-like mutations stream into a 100-message
// conversation built from a real saved FreeScout page (../shared/fixtures/freescout/; the figure is reported
// missing without it). Times are CDP ScriptDuration deltas over the stream, minus the same stream in the same
// page without any extension. Kept short: 2 runs of 50 rounds.
import { existsSync, readFileSync } from 'node:fs';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM, launch } from '../../../tests/browser/support/chromium';
import { buildWithGrantedOrigins, enableInOptions, serveHelpdesk } from '../../../tests/browser/support/helpdesk';
import { fixtureFile } from '../../../tests/support/fixture-files';
import { parseSavedPage } from '../../cli/saved-page';
import {
  buttonsShown,
  CONTENT_BUDGET_GZIP,
  contentScriptSize,
  mutationStream,
  repeat,
  type StreamShape,
  streamOnce,
} from '../mutation-stream';
import { median } from '../report';
import type { Figure, Suite } from '../suite';

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
const FREESCOUT_STREAM: StreamShape = {
  items: '.thread',
  dates: '.thread-date',
  dateText: `'il y a ' + ((round + i) % 59) + ' min'`,
  tooltip: { className: 'tooltip fade', text: 'Déc 1, 2026 20:15' },
  toggleClass: 'thread-hover',
};

function freescoutStream(context: BrowserContext, html: string, ready?: (page: Page) => Promise<void>) {
  return streamOnce(
    context,
    {
      url: `${ORIGIN}/conversation/2`,
      script: mutationStream(FREESCOUT_STREAM),
      rounds: ROUNDS,
      serve: (c) => serveHelpdesk(c, ORIGIN, { documents: { '/conversation/2': () => html } }),
    },
    ready,
  );
}

const suite: Suite = {
  id: 'helpdesk-content',
  async run(ctx) {
    const figures: Figure[] = [];
    for (const system of ['freescout', 'zendesk'] as const) {
      const { bytes, gzipBytes: gzip } = contentScriptSize(ctx.root, system, ctx.log);
      const figure: Figure = {
        id: `${system}-content-gz`,
        ms: 0,
        runs: 1,
        bytes: gzip,
        target: { maxBytes: CONTENT_BUDGET_GZIP },
        extra: { bytes, gzipBytes: gzip, budgetGzipBytes: CONTENT_BUDGET_GZIP },
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
      const withExtension = await repeat(RUNS, () =>
        freescoutStream(session.context, html, (page) => buttonsShown(page, MESSAGES)),
      );
      const bare = await repeat(RUNS, async () => freescoutStream(await plain.newContext(), html));
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
