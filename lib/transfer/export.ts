// Exports read the register in batches and turn each batch into a Blob part at once, so that only a few
// batches are ever held as JavaScript strings: the file itself is assembled by the browser from the parts.
// The CSV of the whole register reads the rows read model (lib/register/rows.ts); a filtered one, the
// complaints the register list would show.
import type { Lang } from '../i18n';
import { matchesFilter, type RegisterFilter } from '../register/filters';
import { rowOf } from '../register/rows';
import type { Complaint } from '../register/schema';
import { forEachComplaint, ROW_PARTS } from '../register/store/queries';
import type { Category } from '../settings/schema';
import { csvHeader, csvRows } from './csv';
import { type CsvChunk, type CsvJob, type CsvWorkers, csvOfParts } from './csv-worker';

const CSV_BATCH = 1_000;

export interface CsvOptions {
  now: Date;
  lang: Lang;
  categories: readonly Category[];
  dueSoonHours: number;
  /** Only the complaints the register list shows with this filter; the whole register without. */
  filter?: RegisterFilter;
  /** Complaints per Blob part of a filtered export. */
  batchSize?: number;
  /** Dedicated workers (the extension's, lib/extension/pages/csv-workers.ts): the whole register is then
   *  read and formatted in them. Without them, in the calling thread. */
  workers?: CsvWorkers;
}

export async function exportCsv(options: CsvOptions): Promise<{ blob: Blob; count: number }> {
  const ctx = { now: options.now, lang: options.lang, categories: options.categories };
  const file = (parts: BlobPart[], count: number) => ({
    blob: new Blob([csvHeader(options.lang), ...parts], { type: 'text/csv;charset=utf-8' }),
    count,
  });
  if (!options.filter) {
    // The rows match the complaints one for one (written together; repaired by the background after an
    // update, see rows-repair.ts): no counting of both stores here.
    const whole = await wholeRegisterCsv(options);
    return file(whole.parts, whole.count);
  }
  const accept = matchesFilter(options.filter, options.now, options.dueSoonHours);
  const size = options.batchSize ?? CSV_BATCH;
  const parts: BlobPart[] = [];
  let batch: Complaint[] = [];
  let count = 0;
  const flush = () => {
    parts.push(new Blob([csvRows(batch.map(rowOf), ctx)]));
    count += batch.length;
    batch = [];
  };
  await forEachComplaint(
    (c) => {
      if (!accept(c)) return;
      batch.push(c);
      if (batch.length === size) flush();
    },
    { batch: size },
  );
  if (batch.length) flush();
  return file(parts, count);
}

/** The parts split between `workers` jobs, neighbours together. */
function jobsFor(workers: number, options: CsvOptions): CsvJob[] {
  const all = Array.from({ length: ROW_PARTS }, (_, i) => i);
  const per = Math.ceil(ROW_PARTS / workers);
  const base = { now: options.now.toISOString(), lang: options.lang, categories: [...options.categories] };
  return Array.from({ length: workers }, (_, w) => ({ ...base, parts: all.slice(w * per, (w + 1) * per) })).filter(
    (job) => job.parts.length > 0,
  );
}

/**
 * The whole register from the rows read model: in dedicated workers (two a core, up to four) when the caller
 * gives the worker's URL, else (or if a worker fails) in this thread. Either way the file keeps the id order.
 */
async function wholeRegisterCsv(options: CsvOptions): Promise<{ parts: Blob[]; count: number }> {
  const run = async (inWorkers: boolean) => {
    const byPart: Blob[][] = Array.from({ length: ROW_PARTS }, () => []);
    let count = 0;
    const emit = (chunk: CsvChunk) => {
      byPart[chunk.part]?.push(chunk.blob);
      count += chunk.rows;
    };
    const workers = options.workers;
    if (inWorkers && workers) {
      await Promise.all(jobsFor(workers.count, options).map((job) => workers.run(job, emit)));
    } else {
      await csvOfParts(jobsFor(1, options)[0] as CsvJob, emit);
    }
    return { parts: byPart.flat(), count };
  };
  if (!options.workers) return run(false);
  try {
    return await run(true);
  } catch (error) {
    console.warn('[registre] export CSV : les workers ont échoué, export fait dans la page', error);
    return run(false);
  }
}
