// The restore's dry run, background side: the page reads the file and hands its complaint lines over batch
// by batch; each is parsed and checked here (restore-lines.ts: schema, duplicates across the whole file,
// every chain), classified against the register, and its fingerprint kept in memory. The write pass that
// follows sends the same batches again: one with the fingerprint recorded at its place is the very text
// checked here, and is written without its chains being verified a second time (restore-writer.ts). A
// service worker restarted in between has forgotten the check: the write pass then checks everything again.
import { t, UserError } from '../../i18n';
import { classify, emptyTally, MAX_REASONS, type Stored, type Tally } from '../../transfer/classify';
import { dueForAnonymisation, type RetentionPeriods } from '../retention';
import { checkEntries, fingerprint, parseLines } from './restore-lines';
import { lookupRegister } from './restore-lookup';

export interface CheckTally extends Tally {
  /** Complaints that would be added or updated while past the retention period (see DryRun). */
  pastRetention: number;
  events: number;
}

interface CheckSession {
  id: string;
  ids: Set<string>;
  references: Set<string>;
  /** Fingerprint of each batch checked, by its place in the file (null: not to be trusted). */
  fingerprints: (string | null)[];
  retention: { periods: RetentionPeriods; now: Date } | null;
}

let current: CheckSession | null = null;

/** A new dry run (forgetting any earlier one); `retention` counts what the file brings back past it. */
export function beginCheck(retention: { periods: RetentionPeriods; now: Date } | null): string {
  current = { id: crypto.randomUUID(), ids: new Set(), references: new Set(), fingerprints: [], retention };
  return current.id;
}

function sessionOf(checkId: string): CheckSession {
  if (current?.id !== checkId) throw new UserError('data.restore.error.abandoned');
  return current;
}

/** Checks batch number `index` of dry run `checkId`; says what restoring it would do. Throws on any fault. */
export async function checkBatch(checkId: string, index: number, lines: readonly string[]): Promise<CheckTally> {
  const session = sessionOf(checkId);
  const [entries, print] = [parseLines(lines), fingerprint(lines)];
  try {
    checkEntries(entries, session);
  } catch (error) {
    current = null;
    throw error;
  }
  const stored = await lookupRegister(entries);
  const tally: CheckTally = { ...emptyTally(), pastRetention: 0, events: 0 };
  entries.forEach((e, i) => {
    const verdict = classify(e, stored[i] as Stored);
    tally[verdict.kind]++;
    tally.events += e.history.length;
    if (verdict.kind === 'refused' && tally.reasons.length < MAX_REASONS) {
      tally.reasons.push(t(verdict.reason, verdict.params));
    }
    const { retention } = session;
    if (retention && (verdict.kind === 'added' || verdict.kind === 'updated')) {
      if (dueForAnonymisation(e.complaint, retention.now, retention.periods)) tally.pastRetention++;
    }
  });
  session.fingerprints[index] = await print;
  return tally;
}

/** The fingerprint batch `index` of dry run `checkId` had, if that dry run is the last one and got that far. */
export function checkedFingerprint(checkId: string, index: number): string | null {
  return current?.id === checkId ? (current.fingerprints[index] ?? null) : null;
}
