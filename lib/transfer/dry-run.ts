// The restore's dry run (the write pass is restore.ts): reads the whole file, checks it (format, every
// complaint against the register schema, unique ids and references, every history chain) and says what the
// restore would do; a file with any fault is refused whole, before anything is written. In the product the
// page only reads the file and the background checks each batch (a `checker`): it checks once, where it
// writes, and recognises in the write pass the batches it has checked (lib/register/store/restore-check.ts).
// Without a checker (tests, tools) the check runs here, against `lookup`.
import { t } from '../i18n';
import { issuesText } from '../i18n/zod-issues';
import { fastParse } from '../register/fast-parse';
import { dueForAnonymisation, type RetentionPeriods } from '../register/retention';
import type { CheckTally } from '../register/store/restore-check';
import { lookupRegister } from '../register/store/restore-lookup';
import { DEFAULT_SETTINGS } from '../settings/schema';
import { BackupFileError, type FileHead, type RawEntry, readBackupFile } from './backup-reader';
import { type BackupEntry, BackupEntrySchema, RESTORE_BATCH } from './backup-schema';
import { verifyChainSync } from './chain';
import { addTally, classify, emptyTally, MAX_REASONS, type Stored, type Tally, type Verdict } from './classify';
import { type Progress, sendBatches, stopIf } from './restore-batches';

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
  const parsed = fastParse(BackupEntrySchema, raw);
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
  const count = new DryRunCount(options.onProgress);
  const { retention } = options;
  const periods = retention && periodsOf(retention);
  const head = await readBackupFile(
    file,
    (h) => count.expect(h),
    async (batch) => {
      stopIf(options.signal);
      const entries = batch.map(parseEntry);
      let events = 0;
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
      let pastRetention = 0;
      if (retention && periods) {
        verdicts.forEach((v, i) => {
          const c = (entries[i] as BackupEntry).complaint;
          if ((v.kind === 'added' || v.kind === 'updated') && dueForAnonymisation(c, retention.now, periods))
            pastRetention++;
        });
      }
      count.add({ ...tallyOf(verdicts), events, pastRetention }, entries.length);
    },
    { batchSize: options.batchSize ?? RESTORE_BATCH },
  );
  return count.finish(head);
}

const periodsOf = (retention: { years: number; notComplaintYears?: number }): RetentionPeriods => ({
  years: retention.years,
  notComplaintYears: retention.notComplaintYears ?? DEFAULT_SETTINGS.retentionNotComplaintYears,
});

/** What a dry run adds up as its batches are checked, here or by the background; its counts end it. */
class DryRunCount {
  private readonly tally = emptyTally();
  private total = 0;
  private events = 0;
  private done = 0;
  private pastRetention = 0;

  constructor(private readonly onProgress?: Progress) {}

  /** The head's count: what the progress is measured against. */
  expect(head: FileHead): void {
    this.total = head.counts.complaints;
  }

  add(answer: CheckTally, size: number): void {
    addTally(this.tally, answer);
    this.events += answer.events;
    this.pastRetention += answer.pastRetention;
    this.done += size;
    this.onProgress?.(this.done, Math.max(this.total, this.done));
  }

  finish(head: FileHead, checkId?: string): DryRun {
    checkCounts(head, this.done, this.events);
    const result: DryRun = { ...this.tally, head, total: this.total, pastRetention: this.pastRetention };
    return checkId === undefined ? result : { ...result, checkId };
  }
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
    retention ? { periods: periodsOf(retention), now: retention.now.toISOString() } : null,
  );
  const count = new DryRunCount(options.onProgress);
  const head = await sendBatches(
    file,
    (h) => count.expect(h),
    (lines, index) => checker.batch(checkId, index, lines),
    (answer, size) => count.add(answer, size),
    options,
  );
  return count.finish(head, checkId);
}
