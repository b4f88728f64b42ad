// Backup and CSV export at 10,000 and 100,000 complaints with their history, in the management page of real
// Chromium with the built extension. The backup is the product's (gzip NDJSON streamed into the download's
// Blob parts), beside the single JSON document it was before (format 1, still restored), each with its time,
// its size and the page's peak JS heap; both files are saved to .bench/files/ for the restore suite. The CSV
// export runs beside a naive getAll + string concatenation.
// BENCH_BACKUP_STEPS=1 also measures the backup's steps one on top of the other at the largest size
// (backup-steps-entry.ts: read, decode, check, serialise, encode, compress, the whole backup), kept in the
// figure's `extra`. BENCH_KEEP_FILES=0 saves no file to .bench/files/ (while a restore suite reads them);
// BENCH_SKIP_CSV=1 leaves the CSV export out (a backup-only run). BENCH_BACKUP_THREADS=n runs each backup again,
// n rounds of its runs made in the page, in one dedicated worker and in two (the product's way, the figure itself). BENCH_BACKUP_FLOOR=1
// measures, at each size, the floor under the backup (backup-floor.ts), kept in the figure's `extra`.
import type { Page } from 'playwright-core';
import { EXTENSION_DIR } from '../../../tests/browser/support/chromium';
import { backupFloor } from '../backup-floor';
import type { BackupSteps, BACKUP_STEPS as Steps } from '../backup-steps-entry';
import { bundleForPage, injectBundle } from '../bundle';
import {
  call,
  count,
  type FileSet,
  mb,
  openDataPage,
  recordFileSet,
  saveKept,
  seconds,
  seedTo,
  settle,
} from '../data-files';
import { watchHeap } from '../heap';
import { firstLine, median } from '../report';
import type { Figure, Suite, SuiteContext } from '../suite';
import { cpuLine, cpuOf, untilIdle } from '../thread-cpu';

const CSV_RUNS = 3;
const KEEP_FILES = process.env.BENCH_KEEP_FILES !== '0';
/** BENCH_BACKUP_THREADS=n: each backup again, n rounds of its runs made in the page, one worker, two. */
const THREAD_ROUNDS = Number(process.env.BENCH_BACKUP_THREADS ?? 0);
const STEPS: typeof Steps = ['read', 'decode', 'check', 'serialise', 'encode', 'compress', 'backup'];

/** Each step of the backup over the whole register (see backup-steps-entry.ts), logged with its increment. */
async function backupSteps(page: Page, ctx: SuiteContext, id: string, now: string): Promise<Record<string, number>> {
  await injectBundle(page, await bundleForPage('scripts/bench/backup-steps-entry.ts', ctx.root), '__backupSteps');
  const extra: Record<string, number> = {};
  let before = 0;
  for (const step of STEPS) {
    await settle(2_000);
    const c = await cpuOf(EXTENSION_DIR, () =>
      page.evaluate(
        ({ step, now }) =>
          (globalThis as unknown as { __backupSteps: BackupSteps }).__backupSteps.run(
            step as (typeof Steps)[number],
            now,
          ),
        { step, now },
      ),
    );
    const r = c.result;
    extra[`${step}Ms`] = Math.round(r.ms);
    extra[`${step}CpuMs`] = Math.round(c.total * 1000);
    ctx.log(
      `${id} step ${step.padEnd(9)} ${seconds(r.ms).padStart(7)} (+${seconds(r.ms - before)}), ` +
        `${count(r.complaints)} complaints, ${count(r.bytes)} ${step === 'decode' ? 'events' : 'bytes'}; ` +
        `${cpuLine(c)}`,
    );
    before = r.ms;
  }
  return extra;
}

/**
 * The same backup with its runs made in the page (as the product does), in one worker and in two, taken in turn for
 * THREAD_ROUNDS rounds (so that a change of load on the machine falls on every mode), medians logged.
 */
async function backupByThreads(page: Page, ctx: SuiteContext, id: string, now: string, bytes: number) {
  const modes = ['page', 1, 2] as const;
  const times = new Map<(typeof modes)[number], number[]>(modes.map((m) => [m, []]));
  const peaks = new Map<(typeof modes)[number], number>();
  for (let round = 0; round < THREAD_ROUNDS; round++) {
    for (const mode of modes) {
      await settle(2_000);
      const w = await watchHeap(page, () => call(page, 'backup', now, mode));
      await call(page, 'forget', 'ours');
      // gzip is deterministic: the same lines make the same bytes.
      if (w.result.bytes !== bytes) throw new Error(`${id}: ${w.result.bytes} bytes with ${mode}, ${bytes} before`);
      times.get(mode)?.push(w.result.ms);
      peaks.set(mode, Math.max(peaks.get(mode) ?? 0, w.peakMb));
    }
  }
  const inPage = median(times.get('page') ?? []);
  for (const mode of modes) {
    const runs = times.get(mode) ?? [];
    ctx.log(
      `${id} runs made ${mode === 'page' ? 'in the page' : `in ${mode} worker(s)`}: ` +
        `median ${seconds(median(runs))} (${(median(runs) / inPage).toFixed(2)}× the page; ` +
        `runs ${runs.map(seconds).join(', ')}), ` +
        `page heap peak ${(peaks.get(mode) ?? 0).toFixed(0)} MB`,
    );
  }
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

/**
 * Waits for the browser to go quiet (thread-cpu.ts `untilIdle`), and says how long that took. Started again on a
 * register of 100,000, the browser works about 14 s on its own (the service worker, IndexedDB, the page's
 * retention list: 14.2 CPU-s, 2026-12-03); a figure taken then would count that too.
 */
async function quiet(ctx: SuiteContext, after: string): Promise<void> {
  await settle(2_000);
  const idle = await untilIdle(EXTENSION_DIR);
  ctx.log(
    `${after}: the browser ${idle.idle ? 'went quiet' : 'was still busy'} after ${seconds(idle.ms)} ` +
      `(${idle.cpu.toFixed(1)} CPU-s meanwhile)`,
  );
}

/**
 * backup-<label>: ours (its runs made in two workers, as the management page makes them), recorded at once,
 * then the single-JSON baseline; both files saved for the restore suite.
 */
async function backupFigure(page: Page, ctx: SuiteContext, label: string, total: number, now: string) {
  const id = `backup-${label}`;
  const c = await cpuOf(EXTENSION_DIR, () => watchHeap(page, () => call(page, 'backup', now, 2)));
  const ours = c.result;
  const r = ours.result;
  if (r.complaints !== total) throw new Error(`${id}: the backup holds ${r.complaints} complaints of ${total}`);
  // Generated complaints are all valid: a record set aside says the store and its reader disagree.
  if (r.quarantine !== 0) ctx.log(`${id}: WARNING ${r.quarantine} record(s) set aside in the backup's quarantine`);
  ctx.log(
    `${id}: ${seconds(r.ms)}, ${mb(r.bytes)} (${count(r.bytes)} bytes, gzip NDJSON), ${count(r.historyEvents)} events; ` +
      `page heap ${ours.startMb.toFixed(0)} → peak ${ours.peakMb.toFixed(0)} MB (${ours.samples} samples); ${cpuLine(c)}`,
  );
  const figure: Figure = {
    id,
    ms: r.ms,
    runs: 1,
    bytes: r.bytes,
    peakHeapMb: ours.peakMb,
    extra: { cpuSeconds: Number(c.total.toFixed(1)) },
  };
  ctx.record(figure);
  const set: FileSet = {
    complaints: r.complaints,
    historyEvents: r.historyEvents,
    writtenAt: new Date().toISOString(),
    ours: { file: `backup-${label}.ndjson.gz`, bytes: r.bytes },
  };
  if (KEEP_FILES) {
    const saved = await saveKept(page, ctx, 'ours', set.ours.file);
    if (saved !== r.bytes) throw new Error(`${id}: ${saved} bytes saved of ${r.bytes}`);
    recordFileSet(ctx, label, set);
  } else await call(page, 'forget', 'ours');
  if (THREAD_ROUNDS > 0) await backupByThreads(page, ctx, id, now, r.bytes);
  await quiet(ctx, `${id}, before the single-JSON backup`);
  try {
    const base = await watchHeap(page, () => call(page, 'backupSingleJson', now));
    const b = base.result;
    if (b.complaints !== total) throw new Error(`the single-JSON backup holds ${b.complaints} complaints of ${total}`);
    ctx.log(
      `${id} baseline (single JSON document, format 1): ${seconds(b.ms)}, ${mb(b.bytes)}; ` +
        `page heap ${base.startMb.toFixed(0)} → peak ${base.peakMb.toFixed(0)} MB`,
    );
    Object.assign(figure, {
      baselineMs: b.ms,
      baselineRuns: 1,
      baselineBytes: b.bytes,
      baselinePeakHeapMb: base.peakMb,
    });
    set.singleJson = { file: `backup-${label}.json`, bytes: b.bytes };
    if (KEEP_FILES) {
      await saveKept(page, ctx, 'singleJson', set.singleJson.file);
      recordFileSet(ctx, label, set);
    } else await call(page, 'forget', 'singleJson');
  } catch (error) {
    figure.baselineMissing = `crashed: ${firstLine(error)}`;
    ctx.log(`${id} baseline: ${figure.baselineMissing}`);
  }
  return figure;
}

const SIZES = [10_000, 100_000];

const suite: Suite = {
  id: 'data',
  expects: ({ label }) => [`backup-${label(10_000)}`, `csv-export-${label(100_000)}`, `backup-${label(100_000)}`],
  async run(ctx) {
    const session = await ctx.browser();
    let page = await openDataPage(ctx, session);
    ctx.log(
      `lib/transfer bundled with esbuild, evaluated in chrome-extension://${session.extensionId}/manage.html; ` +
        `times are performance.now() in the page, heap is the page's JSHeapUsedSize every ~200 ms`,
    );
    const now = new Date().toISOString();
    await call(page, 'reset');
    let seeded = 0;
    for (const full of SIZES) {
      const total = ctx.size(full);
      seeded = await seedTo(page, ctx, seeded, total, now);
      // The register is then backed up as an agent finds it, at rest: in a browser started again on the same
      // profile, not in the one that has just written 100,000 complaints in three minutes (the backup then
      // cost about 45 % more CPU in IndexedDB and the workers: 64.4 CPU-s against 42–47 at rest, 2026-12-03).
      await page.close();
      page = await openDataPage(ctx, await ctx.restartBrowser());
      await quiet(ctx, `${count(total)} complaints seeded, browser started again`);
      if (full === 100_000 && process.env.BENCH_SKIP_CSV !== '1')
        ctx.record(await csvFigure(page, ctx, `csv-export-${ctx.label(full)}`, now, { maxMs: 3_000 }));
      const figure = await backupFigure(page, ctx, ctx.label(full), total, now);
      if (full === SIZES.at(-1) && process.env.BENCH_BACKUP_STEPS === '1') {
        figure.extra = await backupSteps(page, ctx, figure.id, now);
      }
      if (process.env.BENCH_BACKUP_FLOOR === '1') {
        figure.extra = { ...figure.extra, ...(await backupFloor(page, ctx, figure.id, now, session.extensionId)) };
      }
      ctx.record(figure);
    }
    await page.close();
    return [];
  },
};

export default suite;
