// The CSV export's dedicated workers: the script the extension serves (entrypoints/csv-worker.ts), two a core
// (while one waits for IndexedDB the other decodes and formats: measured faster than one a core on the
// two-core benchmark machine), up to four. None where the context has no Worker: the page then does it.
import { browser } from 'wxt/browser';
import { type CsvChunk, type CsvJob, CsvWorkerMessageSchema, type CsvWorkers } from '../../transfer/csv-worker';

const MAX_WORKERS = 4;

/** Runs a job in a dedicated worker loaded from `url`; rejects if the worker fails or says it failed. */
export function csvInWorker(url: string, job: CsvJob, emit: (chunk: CsvChunk) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url);
    const stop = (error?: Error) => {
      worker.terminate();
      if (error) reject(error);
      else resolve();
    };
    worker.addEventListener('message', (event) => {
      const message = CsvWorkerMessageSchema.safeParse(event.data);
      if (!message.success) return stop(new Error(`CSV worker: ${message.error.message}`));
      if (message.data.kind === 'chunk') emit(message.data.chunk);
      else if (message.data.kind === 'done') stop();
      else stop(new Error(`CSV worker: ${message.data.message}`));
    });
    worker.addEventListener('error', (event) => stop(new Error(`CSV worker: ${event.message}`)));
    worker.postMessage(job);
  });
}

export function csvWorkers(url: string = browser.runtime.getURL('/csv-worker.js')): CsvWorkers | undefined {
  if (typeof Worker === 'undefined') return undefined;
  const cores = navigator.hardwareConcurrency || 1;
  return { count: Math.min(MAX_WORKERS, cores * 2), run: (job, emit) => csvInWorker(url, job, emit) };
}
