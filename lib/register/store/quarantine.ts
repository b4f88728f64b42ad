// Records that no longer parse are moved aside, raw and whole, with what was wrong: nothing is lost,
// the register keeps working, and the options page can show and export them.

import { ComplaintSchema } from '../schema';
import {
  COMPLAINT_STORES,
  defaultConnection,
  deleteComplaint,
  type QuarantinedRecord,
  type RegisterConnection,
} from './db';
import { describeIssues } from './queries';

/** The quarantine of one register (see register.ts); the module-level functions below use the product's. */
export function quarantineOn(connection: RegisterConnection) {
  /** Moves the complaints with these ids to the quarantine store if they still do not parse. */
  async function quarantineComplaints(ids: readonly string[], now: Date): Promise<QuarantinedRecord[]> {
    const db = await connection.db();
    const tx = db.transaction([...COMPLAINT_STORES, 'quarantine'], 'readwrite');
    const moved: QuarantinedRecord[] = [];
    for (const id of new Set(ids)) {
      const raw = await tx.objectStore('complaints').get(id);
      if (raw === undefined) continue;
      const result = ComplaintSchema.safeParse(raw);
      if (result.success) continue;
      const record: QuarantinedRecord = {
        key: `complaints:${id}`,
        store: 'complaints',
        raw,
        issues: describeIssues(result.error),
        at: now.toISOString(),
      };
      await tx.objectStore('quarantine').put(record);
      await deleteComplaint(tx, id);
      moved.push(record);
    }
    await tx.done;
    return moved;
  }

  /**
   * Moves every unreadable complaint to the quarantine store; returns what was moved. The register is read in
   * read-only batches, so pages keep reading meanwhile; only the bad records are then moved, in one write.
   */
  async function quarantineInvalid(now: Date): Promise<QuarantinedRecord[]> {
    const bad: string[] = [];
    const db = await connection.db();
    let after: string | undefined;
    for (;;) {
      const raws = await db.getAll(
        'complaints',
        after === undefined ? undefined : IDBKeyRange.lowerBound(after, true),
        1000,
      );
      for (const raw of raws)
        if (!ComplaintSchema.safeParse(raw).success) bad.push(String((raw as { id?: unknown }).id));
      if (raws.length < 1000) break;
      after = String((raws[raws.length - 1] as { id?: unknown }).id);
    }
    return bad.length ? quarantineComplaints(bad, now) : [];
  }

  async function listQuarantine(): Promise<QuarantinedRecord[]> {
    return (await connection.db()).getAll('quarantine');
  }

  return { quarantineComplaints, quarantineInvalid, listQuarantine };
}

export const { quarantineComplaints, quarantineInvalid, listQuarantine } = quarantineOn(defaultConnection);

/** A quarantined record as the retention section lists it: it still holds personal data that retention
 *  cannot anonymise (it does not parse), so the manager sees how old it is and can export or repair it. */
export interface QuarantineAge {
  key: string;
  store: QuarantinedRecord['store'];
  /** The complaint's reference when the raw record still has one. */
  reference: string | null;
  quarantinedAt: string;
  /** The record's own last change (`updatedAt`) when readable, else null. */
  lastChangeAt: string | null;
  /** Whole days from the last change (else the quarantine) to `now`. */
  ageDays: number;
}

const DAY_MS = 86_400_000;
const instantOrNull = (v: unknown) => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? v : null);

/** The quarantined records with their age at `now`, oldest first. Pure. */
export function quarantineAges(records: readonly QuarantinedRecord[], now: Date): QuarantineAge[] {
  return records
    .map((r) => {
      const raw = (typeof r.raw === 'object' && r.raw !== null ? r.raw : {}) as Record<string, unknown>;
      const lastChangeAt = instantOrNull(raw.updatedAt);
      const reference = typeof raw.reference === 'string' ? raw.reference.slice(0, 40) : null;
      const from = Date.parse(lastChangeAt ?? r.at);
      return {
        key: r.key,
        store: r.store,
        reference,
        quarantinedAt: r.at,
        lastChangeAt,
        ageDays: Math.max(0, Math.floor((now.getTime() - from) / DAY_MS)),
      };
    })
    .sort((a, b) => b.ageDays - a.ageDays);
}
