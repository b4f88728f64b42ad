// Restoring a backup, page side (the writer that hands batches to the background is lib/extension/pages/restore.ts). First a dry run reads the whole file, checks it (format, every complaint
// against the register schema, unique ids and references, every history chain) and says what the restore
// would do; a file with any fault is refused whole, before anything is written. Then the restore reads the
// file again and hands it to the background batch by batch (the background owns writes and checks again).
// Neither pass holds more than a batch or two of the file: a register of 100,000 complaints with their
// history is over a gigabyte of JSON, more than one page can hold, so reading twice is the price of that.
import { t } from '../i18n';
import { issuesText } from '../i18n/zod-issues';
import { dueForAnonymisation } from '../register/retention';
import { lookupRegister } from '../register/store/restore-lookup';
import { DEFAULT_SETTINGS } from '../settings/schema';
import { BackupFileError, type RawEntry, readBackupFile } from '../transfer/backup-reader';
import {
  type BackupEntry,
  BackupEntrySchema,
  type BackupHead,
  RESTORE_BATCH,
  type RestoreMeta,
} from '../transfer/backup-schema';
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
  head: BackupHead;
  total: number;
  /** Complaints the restore would add or update that are past the retention period and not anonymised:
   *  the restore brings their personal data back, and the retention section will offer them again. */
  pastRetention: number;
}

export type Progress = (done: number, total: number) => void;
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

/** The dry run: checks the whole file and says what a restore would change. Throws a BackupFileError. */
export async function checkBackup(
  file: Blob,
  options: {
    lookup?: RegisterLookup;
    onProgress?: Progress;
    batchSize?: number;
    /** The register's retention periods (settings), to count what the file brings back past them; without
     *  `notComplaintYears`, the settings' default. */
    retention?: { years: number; notComplaintYears?: number; now: Date };
  } = {},
): Promise<DryRun> {
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
      options.onProgress?.(done, total);
    },
    { batchSize: options.batchSize ?? RESTORE_BATCH },
  );
  if (done !== head.counts.complaints || events !== head.counts.historyEvents) {
    throw new BackupFileError('data.restore.error.counts', {
      complaints: done,
      expected: head.counts.complaints,
      events,
      expectedEvents: head.counts.historyEvents,
    });
  }
  if (head.quarantine.length !== head.counts.quarantine) throw new BackupFileError('data.restore.error.truncated');
  return { ...tally, head, total, pastRetention };
}

export interface FinishOutcome {
  quarantine: number;
  settings: boolean;
  templates: number;
  templatesRefused: string[];
}

/** Where the restore writes: the background, through the message protocol (tests and the bench swap it). */
export interface RestoreWriter {
  /** Complaint lines of the file (JSON text), written in one transaction. */
  batch(lines: readonly string[]): Promise<Tally>;
  finish(meta: RestoreMeta): Promise<FinishOutcome>;
}

export interface RestoreReport extends Tally {
  finish: FinishOutcome;
}

/** Batches sent before the first answer: the background checks the next while the previous one commits. */
const IN_FLIGHT = 2;

/**
 * Writes a checked file: reads it again and sends its complaint lines batch by batch, reading ahead while
 * the background writes. `dryRun` is the check of this same file; settings and edited letters go only if
 * `withSettings`.
 */
export async function restoreBackup(
  file: Blob,
  dryRun: DryRun,
  writer: RestoreWriter,
  options: { withSettings: boolean; onProgress?: Progress; batchSize?: number },
): Promise<RestoreReport> {
  const tally = emptyTally();
  let done = 0;
  const sent: Promise<void>[] = [];
  const head = await readBackupFile(
    file,
    (h) => {
      if (h.exportedAt !== dryRun.head.exportedAt || h.counts.complaints !== dryRun.total) {
        throw new BackupFileError('data.restore.error.changed');
      }
    },
    async (batch) => {
      if (sent.length === IN_FLIGHT) await sent.shift();
      const lines = batch.map((b) => b.text);
      const writing = writer.batch(lines).then((result) => {
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
  for (const writing of sent) await writing;
  const meta: RestoreMeta = { referenceCounters: head.referenceCounters, quarantine: head.quarantine };
  if (options.withSettings) {
    if (head.settings) meta.settings = head.settings;
    if (head.templateOverrides) meta.templateOverrides = head.templateOverrides;
  }
  return { ...tally, finish: await writer.finish(meta) };
}
