// What the content-script suites share: a stream of page-like mutations run in the page (timestamps
// ticking, tooltips appearing and going, classes toggling, now and then a message re-rendered from scratch)
// while a long-task observer records every task over 50 ms, measured as a CDP ScriptDuration delta; and the
// gzip size of a built content script. The stream is plain JavaScript in a string (a transpiled function
// would carry helpers that do not exist in the page); each page gives its own selectors and texts.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';

/** The page's own shapes: what ticks, what pops up, what toggles. */
export interface StreamShape {
  /** The messages (one is re-rendered every ten rounds; its class toggles). */
  items: string;
  /** The date labels that tick. */
  dates: string;
  /** A JavaScript expression of `round` and `i`: a date label's next text. */
  dateText: string;
  tooltip: { className: string; text: string };
  toggleClass: string;
}

export const GMAIL_STREAM: StreamShape = {
  items: 'div.adn',
  dates: 'span.g3',
  dateText: `((round + i) % 12) + ':' + String(i).padStart(2, '0') + ' PM'`,
  tooltip: { className: 'T-ays', text: 'Tooltip' },
  toggleClass: 'h7',
};

/** The stream's script for one page's shapes: `(script)(rounds)` resolves to `{ longTasks, mutations }`. */
export function mutationStream(shape: StreamShape): string {
  const q = JSON.stringify;
  return `async (rounds) => {
  const longTasks = [];
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); });
  observer.observe({ type: 'longtask' });
  const items = Array.from(document.querySelectorAll(${q(shape.items)}));
  const dates = Array.from(document.querySelectorAll(${q(shape.dates)}));
  let mutations = 0;
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < 30; i++) {
      const date = dates[(round * 30 + i) % dates.length];
      if (date) date.textContent = ${shape.dateText};
      const tip = document.createElement('div');
      tip.className = ${q(shape.tooltip.className)};
      tip.textContent = ${q(shape.tooltip.text)};
      document.body.append(tip);
      tip.remove();
      items[i % items.length]?.classList.toggle(${q(shape.toggleClass)});
      mutations += 4;
    }
    if (round % 10 === 9) {
      // The page re-renders a message: a fresh node replaces it (our widget must come back, once).
      const k = round % items.length;
      const fresh = items[k].cloneNode(true);
      for (const w of fresh.querySelectorAll('[data-rr]')) w.remove();
      items[k].replaceWith(fresh);
      items[k] = fresh;
      mutations++;
    }
    await new Promise((r) => setTimeout(r, 16));
  }
  await new Promise((r) => setTimeout(r, 800));
  observer.disconnect();
  return { longTasks, mutations };
}`;
}

export interface StreamRun {
  scriptMs: number;
  longTasks: number[];
  mutations: number;
}

/**
 * One stream in a fresh tab of `context`: `serve` routes the page, `ready` waits for what must be there
 * before the stream starts (our buttons); the script time is the CDP ScriptDuration delta over the stream.
 */
export async function streamOnce(
  context: BrowserContext,
  stream: { url: string; script: string; rounds: number; serve: (context: BrowserContext) => Promise<void> },
  ready?: (page: Page) => Promise<void>,
): Promise<StreamRun> {
  await context.unrouteAll();
  await stream.serve(context);
  const page = await context.newPage();
  await page.goto(stream.url);
  await ready?.(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
  };
  const before = await metric();
  const result = (await page.evaluate(`(${stream.script})(${stream.rounds})`)) as Omit<StreamRun, 'scriptMs'>;
  const scriptMs = (await metric()) - before;
  await page.close();
  return { ...result, scriptMs };
}

/** `once` run `n` times one after the other. */
export async function repeat(n: number, once: () => Promise<StreamRun>): Promise<StreamRun[]> {
  const out: StreamRun[] = [];
  for (let i = 0; i < n; i++) out.push(await once());
  return out;
}

/** Waits until `n` of our "log complaint" buttons are in the page. */
export async function buttonsShown(page: Page, n: number): Promise<void> {
  await page.waitForFunction((k) => document.querySelectorAll('[data-testid="log-complaint"]').length >= k, n, {
    timeout: 30_000,
  });
}

export const KB = 1024;
/** The gzip budget of every content script. */
export const CONTENT_BUDGET_GZIP = 12 * KB;

/** A built content script's size, raw and gzip (level 9), logged against the budget. */
export function contentScriptSize(
  root: string,
  name: string,
  log: (line: string) => void,
): { bytes: number; gzipBytes: number } {
  const file = readFileSync(
    resolve(root, process.env.WXT_OUT_DIR ?? '.output', `chrome-mv3/content-scripts/${name}.js`),
  );
  const gzipBytes = gzipSync(file, { level: 9 }).length;
  log(
    `${name} content script: ${(file.length / KB).toFixed(1)} KB, ${(gzipBytes / KB).toFixed(1)} KB gzip (budget 12 KB gzip: ${gzipBytes <= CONTENT_BUDGET_GZIP ? 'met' : 'NOT met'})`,
  );
  return { bytes: file.length, gzipBytes };
}
