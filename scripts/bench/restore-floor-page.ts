// The floor under the restore's write pass (BENCH_RESTORE_FLOOR=1, suites/restore.ts), run in the management page
// through data-entry.ts: a backup file's records written into an empty register with nothing else, RESTORE_BATCH
// complaints per transaction (the restore's own batches) with relaxed durability, as the restore writes. Each
// batch is read, parsed and made into its records first, untimed: only the writes count.
import type { HistoryEvent } from '@/lib/register/history';
import { rowOf } from '@/lib/register/rows';
import type { Complaint } from '@/lib/register/schema';
import { defaultConnection, registerDb } from '@/lib/register/store/db';
import { recordOf } from '@/lib/register/store/history-record';
import { RESTORE_BATCH } from '@/lib/transfer/backup-schema';
import { gunzipped, lines } from '@/lib/transfer/file-lines';

/**
 * `layout`: what the restore adds for a complaint (complaint, row, history record); `complaints`: the complaint
 * alone, in its store with the indexes the register's lists read.
 */
export type FloorVariant = 'layout' | 'complaints';

export async function restoreFloor(file: Blob, variant: FloorVariant): Promise<{ writeMs: number; written: number }> {
  await defaultConnection.deleteDatabase();
  const db = await registerDb();
  const stores = variant === 'layout' ? (['complaints', 'rows', 'histories'] as const) : (['complaints'] as const);
  let writeMs = 0;
  let written = 0;
  const write = async (batch: readonly string[]) => {
    const records = batch.map((text) => {
      const { complaint, history } = JSON.parse(text) as { complaint: Complaint; history: HistoryEvent[] };
      return { complaint, row: rowOf(complaint), history: recordOf(complaint.id, history) };
    });
    const started = performance.now();
    const tx = db.transaction(stores, 'readwrite', { durability: 'relaxed' });
    const writes: Promise<unknown>[] = [];
    for (const r of records) {
      writes.push(tx.objectStore('complaints').add(r.complaint));
      if (variant === 'layout')
        writes.push(tx.objectStore('rows').add(r.row), tx.objectStore('histories').add(r.history));
    }
    await Promise.all([...writes, tx.done]);
    writeMs += performance.now() - started;
    written += records.length;
  };
  let batch: string[] = [];
  for await (const text of lines(gunzipped(file))) {
    // Complaint lines only: not the head line (`{"format"…,"complaints":[`), the set-aside lines or the end.
    if (!text.startsWith('{"complaint":')) continue;
    batch.push(text);
    if (batch.length === RESTORE_BATCH) {
      await write(batch);
      batch = [];
    }
  }
  if (batch.length) await write(batch);
  return { writeMs, written };
}
