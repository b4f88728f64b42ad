// The rows read model (rows.ts) made to match the complaints one for one. Every write keeps them together
// (`putComplaint`, `deleteComplaint`), so this finds nothing in normal use; it is the safety net the
// background runs after an install or an update, after the quarantine sweep, instead of every bulk reader
// counting both stores (counting 100,000 records costs most of a second).

import { rowOf } from '../rows';
import { ComplaintSchema } from '../schema';
import { defaultConnection, type RegisterConnection } from './db';

export interface RowsRepair {
  /** Complaints that had no row and got one. */
  added: number;
  /** Rows whose complaint no longer exists, removed. */
  removed: number;
}

/** The repair of one register (see register.ts); `repairRows` below repairs the product's. */
export function rowsRepairOn(connection: RegisterConnection) {
  return {
    async repairRows(): Promise<RowsRepair> {
      const db = await connection.db();
      const read = db.transaction(['complaints', 'rows']);
      const [complaintIds, rowIds] = await Promise.all([
        read.objectStore('complaints').getAllKeys(),
        read.objectStore('rows').getAllKeys(),
      ]);
      await read.done;
      const haveRow = new Set(rowIds);
      const haveComplaint = new Set(complaintIds);
      const missing = complaintIds.filter((id) => !haveRow.has(id));
      const orphans = rowIds.filter((id) => !haveComplaint.has(id));
      if (missing.length === 0 && orphans.length === 0) return { added: 0, removed: 0 };
      const tx = db.transaction(['complaints', 'rows'], 'readwrite');
      const rows = tx.objectStore('rows');
      let added = 0;
      for (const id of missing) {
        // One that does not parse gets no row: bulk readers skip it as the complaint readers do, and the
        // quarantine sweep moves it aside.
        const parsed = ComplaintSchema.safeParse(await tx.objectStore('complaints').get(id));
        if (parsed.success) {
          await rows.put(rowOf(parsed.data));
          added++;
        }
      }
      for (const id of orphans) await rows.delete(id);
      await tx.done;
      return { added, removed: orphans.length };
    },
  };
}

export const { repairRows } = rowsRepairOn(defaultConnection);
