// Exports read the register in batches and turn each batch into a Blob part at once, so that only a few
// batches are ever held as JavaScript strings: the file itself is assembled by the browser from the parts.
// The CSV of the whole register reads the rows read model (lib/register/rows.ts); a filtered one, the
// complaints the register list would show.
import type { Lang } from '../i18n';
import { matchesFilter, type RegisterFilter } from '../register/filters';
import { forEachComplaint, forEachRowBatch, ROW_PARTS } from '../register/queries';
import { rowOf } from '../register/rows';
import type { Complaint } from '../register/schema';
import type { Category } from '../settings/schema';
import { closing, entryLines, headLine } from './backup-file';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupCounts, type BackupHead } from './backup-schema';
import { csvHeader, csvRows } from './csv';
import { readBackupBatches, readMeta, readQuarantine } from './register-dump';

const CSV_BATCH = 1_000;
const BACKUP_BATCH = 500;

export interface CsvOptions {
  now: Date;
  lang: Lang;
  categories: readonly Category[];
  dueSoonHours: number;
  /** Only the complaints the register list shows with this filter; the whole register without. */
  filter?: RegisterFilter;
  batchSize?: number;
}

export async function exportCsv(options: CsvOptions): Promise<{ blob: Blob; count: number }> {
  const ctx = { now: options.now, lang: options.lang, categories: options.categories };
  const file = (parts: BlobPart[], count: number) => ({
    blob: new Blob([csvHeader(options.lang), ...parts], { type: 'text/csv;charset=utf-8' }),
    count,
  });
  if (!options.filter) {
    // The whole register: from the rows read model, several key ranges at once, kept in key order.
    const byPart: Blob[][] = Array.from({ length: ROW_PARTS }, () => []);
    let count = 0;
    const complete = await forEachRowBatch((rows, part) => {
      byPart[part]?.push(new Blob([csvRows(rows, ctx)]));
      count += rows.length;
    });
    if (complete) return file(byPart.flat(), count);
  }
  const accept = options.filter ? matchesFilter(options.filter, options.now, options.dueSoonHours) : () => true;
  const size = options.batchSize ?? CSV_BATCH;
  const parts: BlobPart[] = [];
  let batch: Complaint[] = [];
  let count = 0;
  const flush = () => {
    parts.push(new Blob([csvRows(batch.map(rowOf), ctx)]));
    count += batch.length;
    batch = [];
  };
  await forEachComplaint((c) => {
    if (!accept(c)) return;
    batch.push(c);
    if (batch.length === size) flush();
  }, size);
  if (batch.length) flush();
  return file(parts, count);
}

/** The whole register as a backup file (see backup-schema.ts), with its counts. */
export async function exportBackup(now: Date): Promise<{ blob: Blob; counts: BackupCounts }> {
  const parts: BlobPart[] = [];
  const counts: BackupCounts = { complaints: 0, historyEvents: 0, quarantine: 0 };
  const quarantine: BackupHead['quarantine'] = [];
  await readBackupBatches(
    (entries, invalid) => {
      if (entries.length) parts.push(new Blob([entryLines(entries, counts.complaints === 0)]));
      counts.complaints += entries.length;
      for (const e of entries) counts.historyEvents += e.history.length;
      quarantine.push(...invalid);
    },
    now,
    BACKUP_BATCH,
  );
  const meta = await readMeta(now);
  quarantine.push(...meta.quarantine, ...(await readQuarantine()));
  counts.quarantine = quarantine.length;
  const head: BackupHead = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    counts,
    settings: meta.settings,
    templateOverrides: meta.templateOverrides,
    referenceCounters: meta.referenceCounters,
    quarantine,
  };
  const blob = new Blob([headLine(head), ...parts, closing(counts.complaints === 0)], { type: 'application/json' });
  return { blob, counts };
}
