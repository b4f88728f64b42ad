// The CSV of the whole register, read from the rows read model (lib/register/rows.ts) key-range part by
// part. One function does it, in the page or in dedicated workers (entrypoints/csv-worker.ts) that share
// the parts between them: reading, checking and formatting 100,000 rows is CPU work, and each worker does
// its share on its own core. Messages both ways are parsed with zod, as every message is.
import { z } from 'zod';
import { LangSchema } from '../i18n';
import { forEachRowBatch, ROW_PARTS } from '../register/store/queries';
import { CategorySchema } from '../settings/schema';
import { csvRows } from './csv';

export const CsvJobSchema = z.object({
  parts: z
    .array(
      z
        .number()
        .int()
        .min(0)
        .max(ROW_PARTS - 1),
    )
    .min(1),
  now: z.iso.datetime(),
  lang: LangSchema,
  categories: z.array(CategorySchema),
});
export type CsvJob = z.infer<typeof CsvJobSchema>;

export const CsvChunkSchema = z.object({
  part: z.number().int().min(0),
  rows: z.number().int().min(0),
  blob: z.instanceof(Blob),
});
export type CsvChunk = z.infer<typeof CsvChunkSchema>;

export const CsvWorkerMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('chunk'), chunk: CsvChunkSchema }),
  z.object({ kind: z.literal('done') }),
  z.object({ kind: z.literal('failed'), message: z.string() }),
]);
export type CsvWorkerMessage = z.infer<typeof CsvWorkerMessageSchema>;

/** The CSV lines of the job's parts, a Blob per batch read, in the order the batches arrive. */
export async function csvOfParts(job: CsvJob, emit: (chunk: CsvChunk) => void): Promise<void> {
  const ctx = { now: new Date(job.now), lang: job.lang, categories: job.categories };
  await forEachRowBatch(
    (rows, part) => emit({ part, rows: rows.length, blob: new Blob([csvRows(rows, ctx)]) }),
    job.parts,
  );
}

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  postMessage(message: CsvWorkerMessage): void;
}

/** The worker's side: one job per worker, then it says it is done (or why it failed). */
export function serveCsvJobs(scope: WorkerScope): void {
  scope.addEventListener('message', (event) => {
    const job = CsvJobSchema.safeParse(event.data);
    if (!job.success) {
      scope.postMessage({ kind: 'failed', message: job.error.message });
      return;
    }
    csvOfParts(job.data, (chunk) => scope.postMessage({ kind: 'chunk', chunk })).then(
      () => scope.postMessage({ kind: 'done' }),
      (error: unknown) => scope.postMessage({ kind: 'failed', message: String(error) }),
    );
  });
}

/** Where jobs can run off the page's thread: the extension gives dedicated workers (lib/extension/pages/csv-workers.ts). */
export interface CsvWorkers {
  /** How many to run side by side. */
  count: number;
  /** Runs one job; rejects if the worker fails or says it failed. */
  run(job: CsvJob, emit: (chunk: CsvChunk) => void): Promise<void>;
}
