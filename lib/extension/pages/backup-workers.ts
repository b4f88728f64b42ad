// The backup's dedicated workers (entrypoints/backup-worker.ts, lib/transfer/backup-parts.ts): each reads,
// checks and encodes the runs of complaints handed to it in turn while the page compresses. Measured on a
// quiet 2-core machine at 10,000 complaints, three rounds each: the page alone 10.4–12.5 s (median 10.6 s),
// two workers 8.0–9.5 s (median 9.3 s), the page's heap peak 12 MB instead of 60 MB; one worker gained nothing.
import { browser } from 'wxt/browser';
import {
  type BackupPart,
  BackupWorkerMessageSchema,
  type PartMaker,
  type PartRequest,
} from '../../transfer/backup-parts';

interface Waiting {
  resolve(part: BackupPart): void;
  reject(error: Error): void;
}

/** Workers loaded from `url`, `count` of them; run `index` goes to worker `index % count`. */
export function partWorkers(url: string, count: number): PartMaker {
  const waiting = new Map<number, Waiting>();
  const workers: Worker[] = [];
  const failAll = (error: Error) => {
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  for (let i = 0; i < count; i++) {
    const worker = new Worker(url);
    worker.addEventListener('message', (event) => {
      const message = BackupWorkerMessageSchema.safeParse(event.data);
      if (!message.success) return failAll(new Error(message.error.message));
      if (message.data.kind === 'failed') return failAll(new Error(message.data.message));
      const { part } = message.data;
      waiting.get(part.index)?.resolve(part);
      waiting.delete(part.index);
    });
    worker.addEventListener('error', (event) => failAll(new Error(event.message)));
    workers.push(worker);
  }
  return {
    // Two runs a worker: the next one is queued while this one is read.
    ahead: count * 2,
    make: (request: PartRequest) =>
      new Promise<BackupPart>((resolve, reject) => {
        waiting.set(request.index, { resolve, reject });
        workers[request.index % count]?.postMessage(request);
      }),
    close: () => {
      for (const w of workers) w.terminate();
      failAll(new Error('backup workers closed'));
    },
  };
}

/** The product's backup: its runs made by two dedicated workers, or in the page where none can start. */
export function backupPartWorkers(url: string = browser.runtime.getURL('/backup-worker.js')): PartMaker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  try {
    return partWorkers(url, 2);
  } catch {
    return undefined;
  }
}
