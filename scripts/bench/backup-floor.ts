// BENCH_BACKUP_FLOOR=1: the floor under the backup on this machine (backup-floor-entry.ts), logged beside the
// backup figure and kept in its `extra`: the two workers reading every run and doing nothing else,
// CompressionStream('gzip') alone over the same NDJSON (in the page, in a worker), and both at once as the
// backup overlaps them; and the product's backup (runs made in the page, then in two workers) measured the
// same way. Each with its wall time and its CPU seconds by thread (thread-cpu.ts), which hold on a shared
// machine where wall times do not. Times only, never a pass or a fail.
import type { Page, Worker } from 'playwright-core';
import { EXTENSION_DIR } from '../../tests/browser/support/chromium';
import type { BackupFloor } from './backup-floor-entry';
import { bundleForPage, injectBundle, runBundle } from './bundle';
import { call, count, mb, seconds, settle } from './data-files';
import type { SuiteContext } from './suite';
import { cpuLine, cpuOf } from './thread-cpu';

type Method = keyof BackupFloor;
function floorCall<K extends Method>(page: Page, method: K, ...args: Parameters<BackupFloor[K]>) {
  return page.evaluate(
    ({ method, args }) =>
      (globalThis as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>).__backupFloor?.[method]?.(
        ...args,
      ),
    { method, args: args as unknown[] },
  ) as Promise<Awaited<ReturnType<BackupFloor[K]>>>;
}

/** The floor figures at the register's current size, in ms (gzip projected to the whole register if held in part). */
export async function backupFloor(page: Page, ctx: SuiteContext, id: string, now: string, extensionId: string) {
  const bundle = await bundleForPage('scripts/bench/backup-floor-entry.ts', ctx.root);
  await injectBundle(page, bundle, '__backupFloor');
  const started: Worker[] = [];
  const listener = (w: Worker) => started.push(w);
  page.on('worker', listener);
  await floorCall(page, 'start', `chrome-extension://${extensionId}/backup-worker.js`);
  for (let i = 0; i < 50 && started.length < 2; i++) await settle(100);
  page.off('worker', listener);
  if (started.length < 2) throw new Error(`${id} floor: ${started.length} worker(s) seen of 2`);
  // As injectBundle, in each dedicated worker: run from a task, under the worker's real CSP.
  for (const w of started) await runBundle(w, bundle);
  const held = await floorCall(page, 'hold', now);
  ctx.log(
    `${id} floor: ${mb(held.bytes)} of NDJSON held (${count(held.complaints)} complaints, ` +
      `${(held.share * 100).toFixed(0)}% of the register; gzip figures projected to the whole)`,
  );
  const extra: Record<string, number> = {};
  const project = (ms: number, share: number) => Math.round(ms / share);
  const measure = async <T extends { ms: number }>(name: string, key: string, run: () => Promise<T>, share = 1) => {
    await settle(2_000);
    const c = await cpuOf(EXTENSION_DIR, run);
    extra[`${key}Ms`] = project(c.result.ms, share);
    extra[`${key}CpuMs`] = Math.round((c.total * 1000) / share);
    const whole =
      share < 1 ? ` (projected from ${(share * 100).toFixed(0)}%: ${seconds(c.result.ms)}, ${cpuLine(c)})` : '';
    ctx.log(
      `${id} ${name.padEnd(26)} ${seconds(extra[`${key}Ms`] ?? 0).padStart(7)}, ` +
        `${share < 1 ? `CPU ${(c.total / share).toFixed(1)} s${whole}` : cpuLine(c)}`,
    );
    return c.result;
  };
  const backup = (mode: 2 | 'page') => async () => {
    const r = await call(page, 'backup', now, mode);
    await call(page, 'forget', 'ours');
    return r;
  };
  await measure('backup, runs in the page', 'backupPage', backup('page'));
  await measure('backup, runs in 2 workers', 'backupWorkers', backup(2));
  const read = await measure('floor: read only, 2 workers', 'floorRead', () => floorCall(page, 'readOnly'));
  await measure('floor: read only, again', 'floorReadWarm', () => floorCall(page, 'readOnly'));
  await measure('floor: gzip alone, page', 'floorGzipPage', () => floorCall(page, 'gzipInPage'), held.share);
  await measure('floor: gzip alone, worker', 'floorGzipWorker', () => floorCall(page, 'gzipInWorker'), held.share);
  const both = await measure('floor: read + gzip at once', 'floorBoth', () => floorCall(page, 'both'));
  await floorCall(page, 'stop');
  ctx.log(
    `${id} floor: ${count(read.complaints)} complaints read; at once, the read done at ${seconds(both.readMs)}, ` +
      `gzip at ${seconds(both.gzipMs)}${both.share < 1 ? ' (gzip over the share held only)' : ''}`,
  );
  return extra;
}
