// Restoring a backup, page side (the writer that hands batches to the background is
// lib/extension/pages/restore.ts). First a dry run reads the whole file, checks it (format, every complaint
// against the register schema, unique ids and references, every history chain) and says what the restore
// would do; a file with any fault is refused whole, before anything is written. In the product the page
// only reads the file and the background checks each batch (a `checker`): it checks once, where it writes,
// and recognises in the write pass the batches it has checked. Then the restore reads the file again and
// hands it to the background batch by batch (the background owns writes, and checks what it has not).
// Neither pass holds more than a batch or two of the file: a register of 100,000 complaints with their
// history is hundreds of megabytes, more than one page can hold, so reading twice is the price of that.
// The write pass is one restore for the background: begun, batches, finish; any failure or a cancel rolls
// it back to the register as it was (lib/register/store/restore-journal.ts).
import { t, UserError } from '../i18n';
import { issuesText } from '../i18n/zod-issues';
import { dueForAnonymisation, type RetentionPeriods } from '../register/retention';
import type { CheckTally } from '../register/store/restore-check';
import { lookupRegister } from '../register/store/restore-lookup';
import { DEFAULT_SETTINGS } from '../settings/schema';
import { BackupFileError, type FileHead, type RawEntry, readBackupFile } from '../transfer/backup-reader';
import { type BackupEntry, BackupEntrySchema, RESTORE_BATCH, type RestoreMeta } from '../transfer/backup-schema';
import { verifyChainSync } from '../transfer/chain';
import {
  addTally,
  classify,
  emptyTally,
  MAX_REASONS,
  type Stored,
  type Tally,
  type Verdict,
} from '../transfer/classify';

export interface DryRun extends Tally {
  /** The file's head, with the counts it ends on and every record it sets aside. */
  head: FileHead;
  /** The background's name for this dry run, when it checked the file (a `checker`). */
  checkId?: string;
  total: number;
  /** Complaints the restore would add or update that are past the retention period and not anonymised:
   *  the restore brings their personal data back, and the retention section will offer them again. */
  pastRetention: number;
}

export type Progress = (done: number, total: number) => void;

/** The agent stopped the check or the restore; a restore stopped this way has been rolled back. */
export class RestoreCancelled extends UserError {
  override name = 'RestoreCancelled';
  constructor() {
    super('data.restore.cancelled');
  }
}

const stopIf = (signal?: AbortSignal) => {
  if (signal?.aborted) throw new RestoreCancelled();
};
/** What the register holds for each entry (same id, owner of the same reference). */
export type RegisterLookup = (entries: readonly BackupEntry[]) => Promise<Stored[]>;

export function verdictText(verdict: Verdict): string | null {
  return verdict.kind === 'refused' ? t(verdict.reason, verdict.params) : null;
}

export function tallyOf(verdicts: readonly Verdict[]): Tally {
  const tally = emptyTally();
  for (const v of verdicts) {
    tally[v.kind]++;
    const text = verdictText(v);
    if (text && tally.reasons.length < MAX_REASONS) tally.reasons.push(text);
  }
  return tally;
}

const referenceOf = (raw: unknown, n: number) => {
  const ref = (raw as { complaint?: { reference?: unknown } } | null)?.complaint?.reference;
  return typeof ref === 'string' ? ref.slice(0, 40) : t('data.restore.position', { n });
};

function parseEntry({ n, raw }: RawEntry): BackupEntry {
  const parsed = BackupEntrySchema.safeParse(raw);
  if (!parsed.success) {
    throw new BackupFileError('data.restore.error.complaint', {
      reference: referenceOf(raw, n),
      issues: issuesText(parsed.error),
    });
  }
  return parsed.data;
}

/** Checks the complaint lines of a file where they will be written (the background), batch by batch. */
export interface RestoreChecker {
  begin(retention: { periods: RetentionPeriods; now: string } | null): Promise<string>;
  /** Batch number `index` (from 0): checked, classified, its fingerprint kept for the write pass. */
  batch(checkId: string, index: number, lines: readonly string[]): Promise<CheckTally>;
}

/** Batches sent before the first answer: the page reads the next while the background works. */
const IN_FLIGHT = 2;

/** The dry run: checks the whole file and says what a restore would change. Throws a BackupFileError. */
export async function checkBackup(
  file: Blob,
  options: {
    /** Where the complaints are checked; without it, here, with `lookup` (tests, tools). */
    checker?: RestoreChecker;
    lookup?: RegisterLookup;
    onProgress?: Progress;
    batchSize?: number;
    /** The register's retention periods (settings), to count what the file brings back past them; without
     *  `notComplaintYears`, the settings' default. */
    retention?: { years: number; notComplaintYears?: number; now: Date };
    signal?: AbortSignal;
  } = {},
): Promise<DryRun> {
  if (options.checker) return checkElsewhere(file, options.checker, options);
  const lookup = options.lookup ?? lookupRegister;
  const ids = new Set<string>();
  const references = new Set<string>();
  const tally = emptyTally();
  let total = 0;
  let events = 0;
  let done = 0;
  let pastRetention = 0;
  const head = await readBackupFile(
    file,
    (h) => {
      total = h.counts.complaints;
    },
    async (batch) => {
      stopIf(options.signal);
      const entries = batch.map(parseEntry);
      for (const e of entries) {
        const { id, reference } = e.complaint;
        if (ids.has(id)) throw new BackupFileError('data.restore.error.duplicateId', { id, reference });
        if (references.has(reference))
          throw new BackupFileError('data.restore.error.duplicateReference', { reference });
        ids.add(id);
        references.add(reference);
        const chain = verifyChainSync(e.history, e.complaint.historyHead);
        if (!chain.ok) {
          throw new BackupFileError('data.restore.error.chain', {
            reference,
            seq: chain.brokenAt,
            reason: t(`data.chain.${chain.reason}`),
          });
        }
        events += e.history.length;
      }
      const stored = await lookup(entries);
      const verdicts = entries.map((e, i) => classify(e, stored[i] as Stored));
      addTally(tally, tallyOf(verdicts));
      const { retention } = options;
      if (retention) {
        verdicts.forEach((v, i) => {
          const c = (entries[i] as BackupEntry).complaint;
          const periods = {
            years: retention.years,
            notComplaintYears: retention.notComplaintYears ?? DEFAULT_SETTINGS.retentionNotComplaintYears,
          };
          if ((v.kind === 'added' || v.kind === 'updated') && dueForAnonymisation(c, retention.now, periods))
            pastRetention++;
        });
      }
      done += entries.length;
      options.onProgress?.(done, Math.max(total, done));
    },
    { batchSize: options.batchSize ?? RESTORE_BATCH },
  );
  checkCounts(head, done, events);
  return { ...tally, head, total, pastRetention };
}

/** The file ends on the counts it was written with: nothing missing, nothing more. */
function checkCounts(head: FileHead, done: number, events: number): void {
  if (done !== head.counts.complaints || events !== head.counts.historyEvents) {
    throw new BackupFileError('data.restore.error.counts', {
      complaints: done,
      expected: head.counts.complaints,
      events,
      expectedEvents: head.counts.historyEvents,
    });
  }
  if (head.quarantine.length !== head.counts.quarantine) throw new BackupFileError('data.restore.error.truncated');
}

/** The dry run with the complaints checked by `checker`: this page reads the file and adds up the answers. */
async function checkElsewhere(
  file: Blob,
  checker: RestoreChecker,
  options: Parameters<typeof checkBackup>[1] & object,
): Promise<DryRun> {
  const { retention } = options;
  const checkId = await checker.begin(
    retention
      ? {
          periods: {
            years: retention.years,
            notComplaintYears: retention.notComplaintYears ?? DEFAULT_SETTINGS.retentionNotComplaintYears,
          },
          now: retention.now.toISOString(),
        }
      : null,
  );
  const tally = emptyTally();
  let total = 0;
  let events = 0;
  let done = 0;
  let pastRetention = 0;
  let index = 0;
  const sent: Promise<void>[] = [];
  try {
    const head = await readBackupFile(
      file,
      (h) => {
        total = h.counts.complaints;
      },
      async (batch) => {
        stopIf(options.signal);
        if (sent.length === IN_FLIGHT) await sent.shift();
        const checking = checker
          .batch(
            checkId,
            index++,
            batch.map((b) => b.text),
          )
          .then((answer) => {
            addTally(tally, answer);
            events += answer.events;
            pastRetention += answer.pastRetention;
            done += batch.length;
            options.onProgress?.(done, Math.max(total, done));
          });
        checking.catch(() => undefined);
        sent.push(checking);
      },
      { batchSize: options.batchSize ?? RESTORE_BATCH, parse: false },
    );
    while (sent.length) await sent.shift();
    checkCounts(head, done, events);
    return { ...tally, head, total, pastRetention, checkId };
  } finally {
    await Promise.allSettled(sent);
  }
}

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
    let index = 0;
    const sent: Promise<void>[] = [];
    try {
      const tally = emptyTally();
      let done = 0;
      const head = await readBackupFile(
        file,
        (h) => {
          if (h.exportedAt !== dryRun.head.exportedAt) throw new BackupFileError('data.restore.error.changed');
        },
        async (batch) => {
          stopIf(options.signal);
          if (sent.length === IN_FLIGHT) await sent.shift();
          const lines = batch.map((b) => b.text);
          const writing = writer.batch(restoreId, lines, index++).then((result) => {
            addTally(tally, result);
            done += lines.length;
            options.onProgress?.(done, dryRun.total);
          });
          // Awaited in turn (or at the end); marked handled so that a failure is not reported twice.
          writing.catch(() => undefined);
          sent.push(writing);
        },
        { batchSize: options.batchSize ?? RESTORE_BATCH, parse: false },
      );
      while (sent.length) await sent.shift();
      if (head.counts.complaints !== dryRun.total) throw new BackupFileError('data.restore.error.changed');
      stopIf(options.signal);
      const meta: RestoreMeta = { referenceCounters: head.referenceCounters, quarantine: head.quarantine };
      if (options.withSettings) {
        if (head.settings) meta.settings = head.settings;
        if (head.templateOverrides) meta.templateOverrides = head.templateOverrides;
      }
      return { ...tally, finish: await writer.finish(restoreId, meta) };
    } catch (error) {
      // Let the batches on their way land (or fail) first: the rollback then undoes them too.
      await Promise.allSettled(sent);
      await writer.cancel(restoreId);
      throw error;
    }
  };
  return writer.exclusive ? writer.exclusive(run) : run();
}
