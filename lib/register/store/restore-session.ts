// What the background knows, in memory, of the restore under way: the ids and references it has added so
// far, and whether the register has held nothing else since the restore began. While that holds, a batch
// needs no look-up (nothing stored can clash with a complaint of the file but the restore's own, which are
// known here; a record written since, which the batch's `add`s meet, sends it the long way: restore-writer.ts)
// and its undo is one journal entry, "delete these" (restore-journal.ts). A service worker
// restarted in the middle has lost this: the restore's later batches then take the general path
// (look-ups, one undo per complaint), which is right whatever the register holds.

export interface RestoreSession {
  /** Complaints this restore has added while the register held nothing else. */
  written: number;
  ids: Set<string>;
  references: Set<string>;
  /** False once anything but the restore's own additions was seen in the register: for good. */
  fresh: boolean;
  /** The dry run this restore writes (restore-check.ts), if the page named one. */
  checkId: string | null;
}

/**
 * The stores a restore adds to for each complaint, counted when it begins (empty: the short path). Not the
 * dashboard's months (`statsMonths`): every register holds their version record from its creation, and a
 * month sums complaints without naming them, so it cannot clash with the file's (the undo takes back what
 * each added complaint put in).
 */
export const ADDED_STORES = ['complaints', 'rows', 'histories', 'statsContributions'] as const;

const sessions = new Map<string, RestoreSession>();

/** A restore begins on a register whose stores held `stored` records in all (0: empty). */
export function openSession(restoreId: string, stored: number, checkId: string | null): void {
  sessions.clear();
  sessions.set(restoreId, { written: 0, ids: new Set(), references: new Set(), fresh: stored === 0, checkId });
}

export const sessionOf = (restoreId: string): RestoreSession | undefined => sessions.get(restoreId);

/** The restore is whole or undone: nothing to remember. */
export function closeSession(restoreId?: string): void {
  if (restoreId === undefined) sessions.clear();
  else sessions.delete(restoreId);
}
