// The restore's undo journal. A restore is many transactions (one per batch of a thousand complaints); to
// leave the register exactly as it was should it stop half way (an error, a cancel, the page or the service
// worker killed), each batch writes, in its own transaction, what it is about to replace: the complaint as
// stored, its row and its history, and any counter it raises. A marker says a restore is under way. The
// last step (restore-writer.ts `restoreFinish`) empties the journal in the same transaction as its own
// writes, so a restore is either whole or, once `rollbackRestore` has run, undone record for record.
// While the register holds nothing but the restore's own additions (restore-session.ts), a batch journals
// the ids it adds in one entry instead; these entries sort last, so their deletes are undone after anything
// a later batch journaled about the same complaints.
import type { IDBPTransaction, StoreNames } from 'idb';
import { UserError } from '../../i18n';
import { ComplaintSchema } from '../schema';
import { COMPLAINT_STORES, defaultConnection, type RegisterDB } from './db';
import { recordOf } from './history-record';
import { ADDED_STORES, closeSession, openSession } from './restore-session';
import { recount } from './stats';
import { productSync } from './sync-state';

const MARKER = '@restore';
/** Journal keys sort after the marker: complaints `c:`, meta keys `m:`, complaints added to nothing `n:`. */
// A function, not a constant: the module loads where IndexedDB does not exist (the team server, plain Node).
const journalEntries = () => IDBKeyRange.bound('a', '\uffff');
const ROLLBACK_CHUNK = 500;

interface Marker {
  id: string;
  startedAt: string;
  state: 'writing' | 'rollingBack';
}
interface ComplaintUndo {
  kind: 'complaint';
  id: string;
  complaint: unknown;
  row: unknown;
  /** The complaint's history record as stored (history-record.ts), or null when it had none. */
  histories?: unknown;
  /** Journals written before v5 (one record per event): the events as they were stored. */
  history?: unknown[];
}
interface MetaUndo {
  kind: 'meta';
  key: string;
  present: boolean;
  value: unknown;
}
/** Complaints a batch added where the register held none: the undo deletes them. */
interface AddedUndo {
  kind: 'added';
  ids: string[];
}
type Undo = ComplaintUndo | MetaUndo | AddedUndo;
const ADDED_PREFIX = 'n:';

type JournalTx = IDBPTransaction<RegisterDB, ArrayLike<StoreNames<RegisterDB>>, 'readwrite'>;

/** The restore under way, if any (one the page or the worker did not finish, until it is rolled back). */
export async function unfinishedRestore(): Promise<Marker | null> {
  const db = await defaultConnection.liveDb();
  return ((await db.get('restoreJournal', MARKER)) as Marker | undefined) ?? null;
}

/**
 * Starts a restore: rolls back one left unfinished, then sets the marker. Returns the restore's id.
 * `checkId`: the dry run (restore-check.ts) of the file about to be written.
 */
export async function beginRestore(now: Date, checkId: string | null = null): Promise<string> {
  // A team register's copy follows the server, the register of record: a restore would replace it here
  // without reaching the team, so it is refused before anything is touched.
  if (await productSync.getIdentity()) throw new UserError('team.error.restore');
  await rollbackRestore();
  const db = await defaultConnection.liveDb();
  const marker: Marker = { id: crypto.randomUUID(), startedAt: now.toISOString(), state: 'writing' };
  const tx = db.transaction([...ADDED_STORES, 'restoreJournal'], 'readwrite', { durability: 'strict' });
  const [counts] = await Promise.all([
    Promise.all(ADDED_STORES.map((name) => tx.objectStore(name).count())),
    tx.objectStore('restoreJournal').put(marker, MARKER),
    tx.done,
  ]);
  openSession(
    marker.id,
    counts.reduce((a, b) => a + b, 0),
    checkId,
  );
  return marker.id;
}

/** In a batch's transaction: refuses unless restore `id` is the one under way (not rolled back since). */
export async function checkRestore(tx: JournalTx, id: string): Promise<void> {
  const marker = (await tx.objectStore('restoreJournal').get(MARKER)) as Marker | undefined;
  if (marker?.id !== id || marker.state !== 'writing') throw new UserError('data.restore.error.abandoned');
}

/** In a batch's transaction, before the complaint `id` is written: what the register held, once per restore. */
export async function journalComplaint(tx: JournalTx, id: string, stored: unknown): Promise<void> {
  const journal = tx.objectStore('restoreJournal');
  if ((await journal.getKey(`c:${id}`)) !== undefined) return;
  const [row, histories] = await Promise.all([tx.objectStore('rows').get(id), tx.objectStore('histories').get(id)]);
  const undo: ComplaintUndo = {
    kind: 'complaint',
    id,
    complaint: stored ?? null,
    row: row ?? null,
    histories: histories ?? null,
  };
  await journal.put(undo, `c:${id}`);
}

/** In a batch's transaction: the complaints `ids` are added where the register held none (restore-session.ts). */
export function journalAdded(tx: JournalTx, ids: readonly string[]): Promise<unknown> {
  const undo: AddedUndo = { kind: 'added', ids: [...ids] };
  return tx.objectStore('restoreJournal').put(undo, `${ADDED_PREFIX}${ids[0]}`);
}

/** In a transaction of the restore, before meta `key` is written: its value before the restore, once. */
export async function journalMeta(tx: JournalTx, key: string): Promise<void> {
  const journal = tx.objectStore('restoreJournal');
  if ((await journal.getKey(`m:${key}`)) !== undefined) return;
  const value = await tx.objectStore('meta').get(key);
  const undo: MetaUndo = { kind: 'meta', key, present: value !== undefined, value: value ?? null };
  await journal.put(undo, `m:${key}`);
}

/** In the finishing transaction: the restore is whole, the journal and its marker go. */
export function commitRestore(tx: JournalTx): Promise<void> {
  return tx.objectStore('restoreJournal').clear();
}

function undo(tx: JournalTx, entry: Undo): Promise<unknown>[] {
  if (entry.kind === 'meta') {
    const meta = tx.objectStore('meta');
    return [entry.present ? meta.put(entry.value, entry.key) : meta.delete(entry.key)];
  }
  const complaints = tx.objectStore('complaints');
  const rows = tx.objectStore('rows');
  const histories = tx.objectStore('histories');
  if (entry.kind === 'added') {
    return entry.ids.flatMap((id) => [
      complaints.delete(id),
      rows.delete(id),
      histories.delete(id),
      recount(tx, id, null),
    ]);
  }
  const record = entry.history ? (entry.history.length ? recordOf(entry.id, entry.history) : null) : entry.histories;
  // Raw, as they were: a record the schema refuses today goes back as it was, for the quarantine to see.
  return [
    entry.complaint === null ? complaints.delete(entry.id) : complaints.put(entry.complaint as never),
    entry.row === null ? rows.delete(entry.id) : rows.put(entry.row as never),
    record === null || record === undefined ? histories.delete(entry.id) : histories.put(record),
    // The dashboard's aggregates follow the complaint put back (one that no longer parses counts for none,
    // as every reader skips it).
    recount(tx, entry.id, entry.complaint === null ? null : (ComplaintSchema.safeParse(entry.complaint).data ?? null)),
  ];
}

/**
 * Undoes the restore under way (or left unfinished), `ROLLBACK_CHUNK` records per transaction; each chunk
 * removes its journal entries in the same transaction, so a rollback cut short carries on where it stopped.
 * With `id`, only that restore. Says whether there was one.
 */
export async function rollbackRestore(id?: string): Promise<boolean> {
  const db = await defaultConnection.liveDb();
  const stores = [...COMPLAINT_STORES, 'histories', 'meta', 'restoreJournal'] as const;
  let found = false;
  for (;;) {
    const tx = db.transaction(stores, 'readwrite');
    const journal = tx.objectStore('restoreJournal');
    const marker = (await journal.get(MARKER)) as Marker | undefined;
    if (!marker || (id !== undefined && marker.id !== id)) {
      await tx.done;
      return found;
    }
    found = true;
    const writes: Promise<unknown>[] = [];
    // From now on, a batch still on its way is refused (checkRestore).
    if (marker.state !== 'rollingBack') writes.push(journal.put({ ...marker, state: 'rollingBack' }, MARKER));
    // A chunk is up to ROLLBACK_CHUNK single undos, or one entry of added complaints (a whole batch).
    const pending = (await journal.getAllKeys(journalEntries(), ROLLBACK_CHUNK)) as string[];
    const added = pending.findIndex((key) => key.startsWith(ADDED_PREFIX));
    const keys = added === -1 ? pending : pending.slice(0, Math.max(added, 1));
    const entries = keys.length
      ? await journal.getAll(IDBKeyRange.bound(keys[0], keys[keys.length - 1]), keys.length)
      : [];
    entries.forEach((entry, i) => {
      writes.push(...undo(tx, entry as Undo), journal.delete(keys[i] as string));
    });
    const last = keys.length === pending.length && pending.length < ROLLBACK_CHUNK;
    if (last) writes.push(journal.delete(MARKER));
    await Promise.all([...writes, tx.done]);
    if (last) {
      closeSession(marker.id);
      return true;
    }
  }
}
