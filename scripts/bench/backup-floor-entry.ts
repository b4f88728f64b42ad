// Bundled by the data suite when BENCH_BACKUP_FLOOR is set, and evaluated both in the management page and in
// the two dedicated workers the page starts from the product's backup-worker.js (the suite injects it into
// each over CDP). It measures what the backup cannot go under on this machine: reading every run in the two
// workers with nothing else done (no check, no JSON, no gzip), CompressionStream('gzip') alone over the
// backup's own NDJSON bytes (in the page, then in a worker), and the two at once as the backup overlaps them
// (the workers read while the page compresses). Each figure is a time, never a pass or a fail.
import { batchRuns, type KeyRun, readStoredRun } from '@/lib/register/store/register-dump';
import { inThisThread } from '@/lib/transfer/backup-parts';
import { BACKUP_BATCH } from '@/lib/transfer/backup-writer';
import { gzipCounter } from './gzip-counter';

/** NDJSON held for the gzip figures: beyond this the figure is projected from the share compressed. */
const HELD_BYTES = 160 << 20;

type FloorAsk = { floor: 'read'; runs: KeyRun[] } | { floor: 'gzip'; chunks: Uint8Array[] };
type FloorRequest = FloorAsk & { id: number };
type FloorDone = { floor: 'done'; id: number; ms: number; complaints: number; bytes: number };

const since = (start: number) => performance.now() - start;

async function readRuns(runs: readonly KeyRun[]): Promise<{ complaints: number; bytes: number }> {
  let complaints = 0;
  let histories = 0;
  for (const run of runs) {
    const stored = await readStoredRun(run);
    complaints += stored.complaints.length;
    histories += stored.histories.length;
  }
  return { complaints, bytes: histories };
}

async function gzipAll(chunks: readonly Uint8Array[]): Promise<number> {
  const gzip = gzipCounter();
  for (const chunk of chunks) await gzip.write(chunk as Uint8Array<ArrayBuffer>);
  return gzip.close();
}

/** The worker's side: each floor request answered with its time (taken in the worker). */
function serveFloor(scope: { addEventListener: Worker['addEventListener']; postMessage(m: FloorDone): void }) {
  scope.addEventListener('message', async (event: MessageEvent) => {
    const request = event.data as FloorRequest;
    if (request?.floor === 'read') {
      const started = performance.now();
      const r = await readRuns(request.runs);
      scope.postMessage({ floor: 'done', id: request.id, ms: since(started), ...r });
    } else if (request?.floor === 'gzip') {
      const started = performance.now();
      const bytes = await gzipAll(request.chunks);
      scope.postMessage({ floor: 'done', id: request.id, ms: since(started), complaints: 0, bytes });
    }
  });
}

let workers: Worker[] = [];
let held: { chunks: Uint8Array[]; bytes: number; complaints: number; share: number } | undefined;
let nextId = 0;

function ask(worker: Worker, request: FloorAsk): Promise<FloorDone> {
  const id = nextId++;
  return new Promise((resolve) => {
    const listener = (event: MessageEvent) => {
      const done = event.data as FloorDone;
      if (done?.floor !== 'done' || done.id !== id) return;
      worker.removeEventListener('message', listener);
      resolve(done);
    };
    worker.addEventListener('message', listener);
    worker.postMessage({ ...request, id });
  });
}

/** Both workers read every run, run `i` by worker `i % 2` (as the backup hands them out), in parallel. */
async function readInWorkers(runs: readonly KeyRun[]) {
  const started = performance.now();
  const done = await Promise.all(
    workers.map((w, k) => ask(w, { floor: 'read', runs: runs.filter((_, i) => i % workers.length === k) })),
  );
  return { ms: since(started), complaints: done.reduce((a, d) => a + d.complaints, 0) };
}

const floor = {
  /** Starts the two workers (the suite then injects this bundle into each). */
  start(url: string) {
    workers = [new Worker(url), new Worker(url)];
    return workers.length;
  },
  /** The backup's NDJSON bytes, made by the product's own code in the page, held for the gzip figures. */
  async hold(nowIso: string) {
    const runs = await batchRuns(BACKUP_BATCH);
    const chunks: Uint8Array[] = [];
    let bytes = 0;
    let complaints = 0;
    let all = 0;
    for (const [index, run] of runs.entries()) {
      if (bytes >= HELD_BYTES) {
        all += (await readStoredRun(run)).complaints.length;
        continue;
      }
      const part = await inThisThread.make({ index, run, at: nowIso, lang: 'fr' });
      chunks.push(part.bytes);
      bytes += part.bytes.byteLength;
      complaints += part.complaints;
      all += part.complaints;
    }
    held = { chunks, bytes, complaints, share: complaints / Math.max(all, 1) };
    return { bytes, complaints, share: held.share };
  },
  async readOnly() {
    return readInWorkers(await batchRuns(BACKUP_BATCH));
  },
  async gzipInPage() {
    if (!held) throw new Error('nothing held');
    const started = performance.now();
    const bytes = await gzipAll(held.chunks);
    return { ms: since(started), bytes, share: held.share };
  },
  async gzipInWorker() {
    if (!held || !workers[0]) throw new Error('nothing held');
    const done = await ask(workers[0], { floor: 'gzip', chunks: held.chunks });
    return { ms: done.ms, bytes: done.bytes, share: held.share };
  },
  /** Reading in the two workers while the page compresses the held bytes: the backup's overlap, nothing else. */
  async both() {
    if (!held) throw new Error('nothing held');
    const runs = await batchRuns(BACKUP_BATCH);
    const started = performance.now();
    const [read, gzipMs] = await Promise.all([
      readInWorkers(runs).then(() => since(started)),
      gzipAll(held.chunks).then(() => since(started)),
    ]);
    return { ms: since(started), readMs: read, gzipMs, share: held.share };
  },
  stop() {
    for (const w of workers) w.terminate();
    workers = [];
    held = undefined;
  },
};
export type BackupFloor = typeof floor;

if (typeof window === 'undefined') serveFloor(self as unknown as Parameters<typeof serveFloor>[0]);
else (globalThis as unknown as { __backupFloor: BackupFloor }).__backupFloor = floor;
