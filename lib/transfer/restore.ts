// Restoring a backup, page side (the writer that hands batches to the background is
// lib/extension/pages/restore.ts). First the dry run (dry-run.ts) reads and checks the whole file; then the
// restore reads the file again and hands it to the background batch by batch (the background owns writes,
// and checks what it has not). Neither pass holds more than a batch or two of the file: a register of
// 100,000 complaints with their history is hundreds of megabytes, more than one page can hold, so reading
// twice is the price of that. The write pass is one restore for the background: begun, batches, finish; any
// failure or a cancel rolls it back to the register as it was (lib/register/store/restore-journal.ts).
import { BackupFileError } from './backup-reader';
import type { RestoreMeta } from './backup-schema';
import { addTally, emptyTally, type Tally } from './classify';
import type { DryRun } from './dry-run';
import { type Progress, sendBatches, stopIf } from './restore-batches';

export { checkBackup, type DryRun, type RegisterLookup, type RestoreChecker, tallyOf, verdictText } from './dry-run';
export { type Progress, RestoreCancelled } from './restore-batches';

export interface FinishOutcome {
  quarantine: number;
  settings: boolean;
  templates: number;
  templatesRefused: string[];
}

/** Where the restore writes: the background, through the message protocol (tests and the bench swap it). */
export interface RestoreWriter {
  /** Starts a restore (rolling back one left unfinished) and names it; `checkId`: the dry run of the file. */
  begin(checkId?: string): Promise<string>;
  /** Complaint lines of the file (JSON text), batch `index` from 0, written in one transaction with their undo journal. */
  batch(restoreId: string, lines: readonly string[], index?: number): Promise<Tally>;
  /** Settings, letters, counters and records set aside; from its answer on, the restore is whole. */
  finish(restoreId: string, meta: RestoreMeta): Promise<FinishOutcome>;
  /** Rolls the restore back: the register is again what it was before `begin`. */
  cancel(restoreId: string): Promise<void>;
  /** Runs the whole write pass while holding what tells the writer the page is alive (a Web Lock). */
  exclusive?<T>(work: () => Promise<T>): Promise<T>;
}

export interface RestoreReport extends Tally {
  finish: FinishOutcome;
}

/**
 * Writes a checked file: reads it again and sends its complaint lines batch by batch, reading ahead while
 * the background writes. `dryRun` is the check of this same file; settings and edited letters go only if
 * `withSettings`. On any failure, or when `signal` aborts, the restore is rolled back before this throws.
 */
export async function restoreBackup(
  file: Blob,
  dryRun: DryRun,
  writer: RestoreWriter,
  options: { withSettings: boolean; onProgress?: Progress; batchSize?: number; signal?: AbortSignal },
): Promise<RestoreReport> {
  const run = async (): Promise<RestoreReport> => {
    stopIf(options.signal);
    const restoreId = await writer.begin(dryRun.checkId);
    try {
      const tally = emptyTally();
      let done = 0;
      const head = await sendBatches(
        file,
        (h) => {
          if (h.exportedAt !== dryRun.head.exportedAt) throw new BackupFileError('data.restore.error.changed');
        },
        (lines, index) => writer.batch(restoreId, lines, index),
        (result, size) => {
          addTally(tally, result);
          done += size;
          options.onProgress?.(done, dryRun.total);
        },
        options,
      );
      if (head.counts.complaints !== dryRun.total) throw new BackupFileError('data.restore.error.changed');
      stopIf(options.signal);
      const meta: RestoreMeta = { referenceCounters: head.referenceCounters, quarantine: head.quarantine };
      if (options.withSettings) {
        if (head.settings) meta.settings = head.settings;
        if (head.templateOverrides) meta.templateOverrides = head.templateOverrides;
      }
      return { ...tally, finish: await writer.finish(restoreId, meta) };
    } catch (error) {
      // The batches on their way have landed (or failed) by now: the rollback undoes them too.
      await writer.cancel(restoreId);
      throw error;
    }
  };
  return writer.exclusive ? writer.exclusive(run) : run();
}
