// What the register holds for the complaints of a backup, read for the restore's dry run and classification.
import type { BackupEntry } from '../../transfer/backup-schema';
import type { Stored } from '../../transfer/classify';
import { defaultConnection } from './db';

/**
 * Reads the register in one transaction per batch: the record with the same id and the reference's owner.
 * An empty register (a restore onto a new machine) is counted once per batch instead of read per complaint.
 */
export const lookupRegister: (entries: readonly BackupEntry[]) => Promise<Stored[]> = async (entries) => {
  const db = await defaultConnection.liveDb();
  const tx = db.transaction('complaints');
  if ((await tx.store.count()) === 0) {
    await tx.done;
    return entries.map(() => ({ raw: undefined, referenceOwner: null }));
  }
  const found = await Promise.all(
    entries.map(async (e) => {
      const [raw, owner] = await Promise.all([
        tx.store.get(e.complaint.id),
        tx.store.index('reference').getKey(e.complaint.reference),
      ]);
      return { raw, referenceOwner: owner ?? null };
    }),
  );
  await tx.done;
  return found;
};
