// Records that no longer parse are moved aside, raw and whole, with what was wrong: nothing is lost,
// the register keeps working, and the options page can show and export them.
import { deleteComplaint, type QuarantinedRecord, registerDb } from './db';
import { describeIssues } from './queries';
import { ComplaintSchema } from './schema';

/** Moves the complaints with these ids to the quarantine store if they still do not parse. */
export async function quarantineComplaints(ids: readonly string[], now: Date): Promise<QuarantinedRecord[]> {
  const db = await registerDb();
  const tx = db.transaction(['complaints', 'rows', 'quarantine'], 'readwrite');
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
export async function quarantineInvalid(now: Date): Promise<QuarantinedRecord[]> {
  const bad: string[] = [];
  const db = await registerDb();
  let after: string | undefined;
  for (;;) {
    const raws = await db.getAll(
      'complaints',
      after === undefined ? undefined : IDBKeyRange.lowerBound(after, true),
      1000,
    );
    for (const raw of raws) if (!ComplaintSchema.safeParse(raw).success) bad.push(String((raw as { id?: unknown }).id));
    if (raws.length < 1000) break;
    after = String((raws[raws.length - 1] as { id?: unknown }).id);
  }
  return bad.length ? quarantineComplaints(bad, now) : [];
}

export async function listQuarantine(): Promise<QuarantinedRecord[]> {
  return (await registerDb()).getAll('quarantine');
}
