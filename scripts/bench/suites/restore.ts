// Restore of 10,000 and 100,000 complaints with their history, as the agent does it: the backup file picked
// from disk (the data suite's, or written here first), checked (dry run), then written by the background, in
// a fresh browser with an empty register; the page's peak JS heap sampled throughout. Beside it, the same
// register restored from the single JSON document (format 1) that earlier versions wrote and that the
// product still restores. Each restore runs in its own browser: a crash loses that figure only.
import { join } from 'node:path';
import { EXTENSION_DIR } from '../../../tests/browser/support/chromium';
import { FILE_INPUT_ID } from '../data-entry';
import {
  call,
  count,
  type FileSet,
  fileSet,
  filesDir,
  mb,
  openDataPage,
  recordFileSet,
  saveKept,
  seconds,
  seedTo,
  settle,
} from '../data-files';
import { watchHeap } from '../heap';
import { firstLine } from '../report';
import type { Figure, Suite, SuiteContext } from '../suite';
import { cpuLine, cpuOf } from '../thread-cpu';

/** BENCH_RESTORE_FLOOR=1: beside each restore, the floor under its write pass (data-entry.ts `restoreFloor`). */
const FLOOR = process.env.BENCH_RESTORE_FLOOR === '1';

/** The file's records written with nothing else into an empty register, in a fresh browser, per variant. */
async function restoreFloor(ctx: SuiteContext, id: string, file: string): Promise<Record<string, number>> {
  const extra: Record<string, number> = {};
  for (const variant of ['layout', 'complaints'] as const) {
    const page = await openDataPage(ctx, await ctx.freshBrowser());
    await call(page, 'fileInput');
    await page.setInputFiles(`#${FILE_INPUT_ID}`, join(filesDir(ctx), file));
    const c = await cpuOf(EXTENSION_DIR, () => call(page, 'restoreFloor', variant));
    ctx.log(
      `${id} floor, ${variant === 'layout' ? 'complaint, row and history record' : 'complaints alone'} written ` +
        `with nothing else: ${seconds(c.result.writeMs)} for ${count(c.result.written)} (parsing untimed); ${cpuLine(c)}`,
    );
    extra[`floor${variant === 'layout' ? 'Layout' : 'Complaints'}Ms`] = Math.round(c.result.writeMs);
    await page.close();
  }
  return extra;
}

/** The backup files of a register of `full` complaints (at the run's scale): from disk, or written now. */
async function filesFor(ctx: SuiteContext, full: number): Promise<FileSet> {
  const label = ctx.label(full);
  const found = fileSet(ctx, label);
  if (found) {
    ctx.log(`backup files of ${label} from .bench/files/ (written ${found.writtenAt})`);
    return found;
  }
  ctx.log(`no backup files of ${label} in .bench/files/: seeding a register and writing them`);
  const page = await openDataPage(ctx, await ctx.freshBrowser());
  const now = new Date().toISOString();
  await call(page, 'reset');
  const total = ctx.size(full);
  await seedTo(page, ctx, 0, total, now);
  await settle();
  const ours = await call(page, 'backup', now);
  const set: FileSet = {
    complaints: ours.complaints,
    historyEvents: ours.historyEvents,
    writtenAt: new Date().toISOString(),
    ours: { file: `backup-${label}.ndjson.gz`, bytes: await saveKept(page, ctx, 'ours', `backup-${label}.ndjson.gz`) },
  };
  recordFileSet(ctx, label, set);
  const single = await call(page, 'backupSingleJson', now);
  set.singleJson = { file: `backup-${label}.json`, bytes: single.bytes };
  await saveKept(page, ctx, 'singleJson', set.singleJson.file);
  recordFileSet(ctx, label, set);
  return set;
}

/** Restores `file` into an empty register in a fresh browser; checks that every complaint and event came back. */
async function restoreOnce(ctx: SuiteContext, file: string, set: FileSet) {
  const page = await openDataPage(ctx, await ctx.freshBrowser());
  await call(page, 'fileInput');
  await page.setInputFiles(`#${FILE_INPUT_ID}`, join(filesDir(ctx), file));
  const watched = await watchHeap(page, () => call(page, 'restore'));
  const r = watched.result;
  if (r.added !== set.complaints || r.refused !== 0 || r.complaints !== set.complaints) {
    throw new Error(
      `restored ${r.added} (${r.refused} refused, ${r.complaints} stored) of ${set.complaints} complaints`,
    );
  }
  if (r.historyEvents !== set.historyEvents) {
    throw new Error(`restored ${r.historyEvents} history events of ${set.historyEvents}`);
  }
  await page.close();
  return { ...r, peakMb: watched.peakMb, startMb: watched.startMb, samples: watched.samples };
}

const SIZES = [10_000, 100_000];

const suite: Suite = {
  id: 'restore',
  expects: ({ label }) => SIZES.map((full) => `restore-${label(full)}`),
  async run(ctx) {
    for (const full of SIZES) {
      const id = `restore-${ctx.label(full)}`;
      let set: FileSet;
      try {
        set = await filesFor(ctx, full);
      } catch (error) {
        ctx.missing(id, error);
        continue;
      }
      let figure: Figure | undefined;
      try {
        const r = await restoreOnce(ctx, set.ours.file, set);
        ctx.log(
          `${id}: ${seconds(r.ms)} (dry run ${seconds(r.checkMs)}, writing through the background ${seconds(r.writeMs)}) ` +
            `from ${mb(r.fileBytes)} of gzip NDJSON; ${count(r.complaints)} complaints, ${count(r.historyEvents)} events; ` +
            `page heap ${r.startMb.toFixed(0)} → peak ${r.peakMb.toFixed(0)} MB (${r.samples} samples)`,
        );
        figure = { id, ms: r.ms, runs: 1, peakHeapMb: r.peakMb };
        ctx.record(figure);
        if (FLOOR) {
          figure.extra = {
            checkMs: Math.round(r.checkMs),
            writeMs: Math.round(r.writeMs),
            ...(await restoreFloor(ctx, id, set.ours.file)),
          };
          ctx.record(figure);
        }
      } catch (error) {
        ctx.missing(id, error);
      }
      if (!set.singleJson) {
        if (figure) ctx.record({ ...figure, baselineMissing: 'no single-JSON backup file (its backup failed)' });
        continue;
      }
      try {
        const b = await restoreOnce(ctx, set.singleJson.file, set);
        ctx.log(
          `${id} baseline (single JSON document, format 1): ${seconds(b.ms)} (dry run ${seconds(b.checkMs)}, ` +
            `writing ${seconds(b.writeMs)}) from ${mb(b.fileBytes)}; page heap peak ${b.peakMb.toFixed(0)} MB`,
        );
        if (figure) ctx.record({ ...figure, baselineMs: b.ms, baselineRuns: 1, baselinePeakHeapMb: b.peakMb });
      } catch (error) {
        ctx.log(`${id} baseline: crashed: ${firstLine(error)}`);
        if (figure) ctx.record({ ...figure, baselineMissing: `crashed: ${firstLine(error)}` });
      }
    }
    return [];
  },
};

export default suite;
