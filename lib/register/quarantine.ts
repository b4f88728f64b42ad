// Records that no longer parse are moved aside, raw and whole, with what was wrong: nothing is lost,
// the register keeps working, and the options page can show and export them.
import { type QuarantinedRecord, registerDb } from './db';
import { describeIssues } from './queries';
import { ComplaintSchema } from './schema';

/** Moves every unreadable complaint to the quarantine store; returns what was moved. */
export async function quarantineInvalid(now: Date): Promise<QuarantinedRecord[]> {
  const db = await registerDb();
  const tx = db.transaction(['complaints', 'quarantine'], 'readwrite');
  const moved: QuarantinedRecord[] = [];
  let cursor = await tx.objectStore('complaints').openCursor();
  while (cursor) {
    const result = ComplaintSchema.safeParse(cursor.value);
    if (!result.success) {
      const record: QuarantinedRecord = {
        key: `complaints:${String(cursor.key)}`,
        store: 'complaints',
        raw: cursor.value,
        issues: describeIssues(result.error),
        at: now.toISOString(),
      };
      await tx.objectStore('quarantine').put(record);
      await cursor.delete();
      moved.push(record);
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  return moved;
}

export async function listQuarantine(): Promise<QuarantinedRecord[]> {
  return (await registerDb()).getAll('quarantine');
}
