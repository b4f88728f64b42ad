// Export, backup and restore at 10,000 and 100,000 complaints with their history, in the extension origin
// of real Chromium: the CSV export beside a naive getAll + string concatenation, and the restore (dry run,
// then batches written by the real background) beside a naive one that parses the file whole and writes one
// record per transaction. The naive restore runs at 10,000 only: at 100,000 the file (over a gigabyte of
// JSON) is longer than the longest string V8 can hold, and one transaction per record would take minutes.
import type { Page } from 'playwright-core';
import { bundleForPage, injectBundle } from '../bundle';
import type { DataBench } from '../data-entry';
import { median } from '../report';
import type { Figure, Suite, SuiteContext } from '../suite';

const CSV_RUNS = 3;
const SETTLE_MS = 5_000;

type Method = keyof DataBench;
function call<K extends Method>(page: Page, method: K, ...args: Parameters<DataBench[K]>) {
  return page.evaluate(
    ({ method, args }) =>
      (globalThis as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>).__dataBench?.[method]?.(
        ...args,
      ),
    { method, args: args as unknown[] },
  ) as Promise<Awaited<ReturnType<DataBench[K]>>>;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const count = (n: number) => n.toLocaleString('en-US');
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const settle = () => new Promise((done) => setTimeout(done, SETTLE_MS));

async function seed(page: Page, ctx: SuiteContext, total: number, now: string): Promise<void> {
  await call(page, 'reset');
  const seeded = await call(page, 'seed', total, now);
  ctx.log(
    `seeded ${count(seeded.complaints)} complaints and ${count(seeded.history)} history events in ${seconds(seeded.ms)} ` +
      `(~${count(seeded.bytesPerComplaint)} bytes of JSON per complaint with its history)`,
  );
  await settle();
}

async function restoreFigure(
  page: Page,
  ctx: SuiteContext,
  id: string,
  withBaseline: boolean,
  target?: Figure['target'],
) {
  const backup = await call(page, 'backupExport', new Date().toISOString());
  ctx.log(
    `backup: ${mb(backup.bytes)}, ${count(backup.complaints)} complaints, ${count(backup.historyEvents)} events, written in ${seconds(backup.ms)}`,
  );
  await settle();
  const ours = await call(page, 'restore');
  if (ours.complaints !== backup.complaints || ours.history !== backup.historyEvents || ours.refused !== 0) {
    throw new Error(
      `${id}: restored ${ours.complaints} complaints / ${ours.history} events of ${backup.complaints} / ${backup.historyEvents}`,
    );
  }
  ctx.log(
    `${id}: ${seconds(ours.ms)} (dry run ${seconds(ours.checkMs)}, writing through the background ${seconds(ours.writeMs)})`,
  );
  const figure: Figure = { id, ms: ours.ms, runs: 1, ...(target ? { target } : {}) };
  if (withBaseline) {
    await settle();
    const naive = await call(page, 'baselineRestore');
    if (naive.complaints !== ours.complaints || naive.history !== ours.history) {
      throw new Error(`${id}: the baseline restored ${naive.complaints} / ${naive.history}`);
    }
    ctx.log(`${id} baseline (whole file, one record per transaction): ${seconds(naive.ms)}; same register`);
    Object.assign(figure, { baselineMs: naive.ms, baselineRuns: 1 });
  }
  return figure;
}

async function csvFigure(page: Page, ctx: SuiteContext, id: string, now: string, target: Figure['target']) {
  const ours: number[] = [];
  const naive: number[] = [];
  let rows = 0;
  for (let run = 0; run < CSV_RUNS; run++) {
    const a = await call(page, 'csvExport', now);
    const b = await call(page, 'baselineCsv', now);
    if (a.rows !== b.rows) throw new Error(`${id}: ${a.rows} rows but the baseline ${b.rows}`);
    ours.push(a.ms);
    naive.push(b.ms);
    rows = a.rows;
    if (run === 0) ctx.log(`${id}: ${count(rows)} rows, ${mb(a.bytes)} of CSV`);
  }
  const figure: Figure = {
    id,
    ms: median(ours),
    runs: ours.length,
    baselineMs: median(naive),
    baselineRuns: naive.length,
    target,
  };
  ctx.log(
    `${id}: ${seconds(figure.ms)} (runs ${ours.map(seconds).join(', ')}), baseline ${seconds(figure.baselineMs ?? 0)}`,
  );
  return figure;
}

const suite: Suite = {
  id: 'data',
  async run(ctx) {
    const bundle = await bundleForPage('scripts/bench/data-entry.ts', ctx.root);
    const session = await ctx.browser();
    const page = await session.openPage('manage.html');
    await injectBundle(page, bundle, '__dataBench');
    ctx.log(
      `lib/transfer bundled with esbuild (${(bundle.bytes / 1024).toFixed(0)} KB), evaluated in chrome-extension://${session.extensionId}/manage.html; ` +
        `restores write through the extension's service worker; times are performance.now() in the page`,
    );
    const now = new Date().toISOString();
    const figures: Figure[] = [];

    await seed(page, ctx, 10_000, now);
    figures.push(await restoreFigure(page, ctx, 'restore-10k', true));

    await seed(page, ctx, 100_000, now);
    figures.push(await csvFigure(page, ctx, 'csv-export-100k', now, { maxMs: 3_000 }));
    figures.push(await restoreFigure(page, ctx, 'restore-100k', false, { maxMs: 20_000 }));
    await page.close();
    return figures;
  },
};

export default suite;
