// Writes an anonymisation: the anonymised record, every past history event of the complaint with its
// personal and dated changes redacted and its time reduced to the month, and the `anonymized` event
// appended to the chain (with the seals of the format-1 events it coarsened), all in ONE transaction,
// after checking that nobody changed the record since it was read (as store.ts does for other changes).
// Only the background calls these.
import type { StoreNames } from 'idb';
import { UserError } from '../../i18n';
import { localOperation } from '../../sync/operations';
import { type AnonymisationReason, anonymizeRecord, erasedHistory, erasedPast } from '../anonymize';
import { type HistoryEvent, LEGACY_SEALS_PATH, sealEvent } from '../history';
import { dueForAnonymisation, type RetentionPeriods } from '../retention';
import type { Complaint } from '../schema';
import type { WriteContext } from './complaints';
import { COMPLAINT_STORES, defaultConnection, putComplaint, type RegisterConnection, type RegisterDB } from './db';
import { putEvents, storedEvents } from './history-record';
import { queriesOn } from './queries';
import type { AnyTx } from './sync-identity';
import { dropConflictsOf, OUTBOX_STORES, recordOperation, syncOn } from './sync-state';

const MAX_RETRIES = 5;

export interface AnonymisationResult {
  complaint: Complaint;
  erased: string[];
  /** How many past changes were redacted in the history. */
  redacted: number;
}

export interface RetentionReport {
  anonymized: { id: string; reference: string }[];
  skipped: { id: string; message: string }[];
}

/** The anonymisation of one register (see register.ts); the module-level functions below use the product's. */
export function anonymisationOn(connection: RegisterConnection) {
  const { getComplaint } = queriesOn(connection);
  const { assertWritable } = syncOn(connection);

  /** The complaint's stored events, raw: one that no longer parses may still hold personal data. */
  async function storedHistory(id: string): Promise<HistoryEvent[]> {
    const raws = await storedEvents((await connection.db()).transaction('histories').store, id);
    return raws.filter((raw): raw is HistoryEvent => Array.isArray((raw as { changes?: unknown } | null)?.changes));
  }

  /**
   * Writes `current`'s anonymisation in ONE transaction over `stores`, after checking that nobody changed the
   * record since it was read (as store.ts does for other changes); 'conflict', with nothing written, if so.
   */
  async function writeUnchanged(
    current: Complaint,
    stores: StoreNames<RegisterDB>[],
    write: (tx: AnyTx) => Promise<unknown>[],
  ): Promise<'written' | 'conflict'> {
    const tx: AnyTx = (await connection.db()).transaction(stores, 'readwrite');
    const stored = (await tx.objectStore('complaints').get(current.id)) as Complaint | undefined;
    if (stored?.rev !== current.rev || stored.historyHead !== current.historyHead) {
      tx.abort();
      await tx.done.catch(() => undefined);
      return 'conflict';
    }
    await Promise.all(write(tx));
    await tx.done;
    return 'written';
  }

  /**
   * In a team register the anonymisation is the protocol's `anonymize` operation, recorded in the outbox in
   * the same transaction: the server replays it to the very same event and erases its own copy of the past
   * (server/store/push.ts), so every agent's next pull brings the anonymised version, not the erased values.
   * The past is erased here as the server erases it (`erasedPast`: changes redacted, times to the month), so
   * both copies hold the same chain.
   */
  async function attemptInTeam(current: Complaint, reason: AnonymisationReason, w: WriteContext) {
    const { op, complaint, event } = await localOperation(current, { kind: 'anonymize', reason }, w);
    const past = await storedHistory(current.id);
    const erased = erasedPast(past);
    const written = await writeUnchanged(current, [...COMPLAINT_STORES, 'histories', ...OUTBOX_STORES], (tx) => [
      putComplaint(tx, complaint),
      putEvents(tx.objectStore('histories'), current.id, [...erased, event]),
      recordOperation(tx, op),
      dropConflictsOf(tx, current.id),
    ]);
    if (written === 'conflict') return written;
    const paths = event.changes.find((c) => c.path === 'anonymization.erased')?.to;
    const redactedIn = (e: HistoryEvent) => e.changes.filter((c) => c.redacted).length;
    const bySeq = new Map(past.map((e) => [e.seq, e]));
    const redacted = erased.reduce((n, e) => n + redactedIn(e) - redactedIn(bySeq.get(e.seq) ?? e), 0);
    return { complaint, erased: Array.isArray(paths) ? (paths as string[]) : [], redacted };
  }

  async function attempt(current: Complaint, reason: AnonymisationReason, w: WriteContext) {
    const outcome = anonymizeRecord(current, reason, { ...w, newId: () => crypto.randomUUID() });
    const past = await storedHistory(current.id);
    const { events: redactions, seals } = await erasedHistory(past);
    const changes = seals.length ? [...outcome.event.changes, { path: LEGACY_SEALS_PATH, from: null, to: seals }] : [];
    // Sealed before the transaction opens: a transaction left waiting on anything but IndexedDB commits early.
    const event = await sealEvent(
      changes.length ? { ...outcome.event, changes } : outcome.event,
      current.historyHead,
      current.rev,
    );
    const complaint: Complaint = { ...outcome.complaint, historyHead: event.hash };
    const written = await writeUnchanged(current, [...COMPLAINT_STORES, 'histories'], (tx) => [
      putComplaint(tx, complaint),
      putEvents(tx.objectStore('histories'), current.id, [...redactions, event]),
    ]);
    if (written === 'conflict') return written;
    const before = past.reduce((n, e) => n + e.changes.filter((c) => c.redacted).length, 0);
    const redacted = redactions.reduce((n, e) => n + e.changes.filter((c) => c.redacted).length, 0) - before;
    return { complaint, erased: outcome.erased, redacted };
  }

  /**
   * Anonymises complaint `id`. Refused when it is already anonymised, and, for the retention reason, when
   * its retention period has not ended (retention.ts: after closure or the last event).
   */
  async function anonymizeComplaint(
    id: string,
    reason: AnonymisationReason,
    w: WriteContext,
    periods?: RetentionPeriods,
  ): Promise<AnonymisationResult> {
    const team = await assertWritable();
    for (let i = 0; i < MAX_RETRIES; i++) {
      const current = await getComplaint(id);
      if (!current) throw new UserError('register.notFound', { id });
      if (current.anonymizedAt) throw new UserError('privacy.alreadyAnonymized', { reference: current.reference });
      // The server refuses it from anyone else: said here rather than after a round trip.
      if (team && reason === 'retention' && team.agent.role !== 'manager') {
        throw new UserError('team.error.retention', { reference: current.reference });
      }
      if (reason === 'retention' && (periods === undefined || !dueForAnonymisation(current, w.now, periods))) {
        throw new UserError('privacy.notDue', { reference: current.reference });
      }
      const result = team ? await attemptInTeam(current, reason, w) : await attempt(current, reason, w);
      if (result !== 'conflict') return result;
    }
    throw new UserError('register.conflict');
  }

  /** Anonymises each complaint whose retention period has ended, one transaction each; reports the others. */
  async function applyRetention(
    ids: readonly string[],
    periods: RetentionPeriods,
    w: WriteContext,
  ): Promise<RetentionReport> {
    const report: RetentionReport = { anonymized: [], skipped: [] };
    for (const id of new Set(ids)) {
      try {
        const { complaint } = await anonymizeComplaint(id, 'retention', w, periods);
        report.anonymized.push({ id, reference: complaint.reference });
      } catch (error) {
        report.skipped.push({ id, message: error instanceof Error ? error.message : String(error) });
      }
    }
    return report;
  }

  return { anonymizeComplaint, applyRetention };
}

export const { anonymizeComplaint, applyRetention } = anonymisationOn(defaultConnection);
