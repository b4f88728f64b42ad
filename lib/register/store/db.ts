// The register's IndexedDB layout and its migrations. Each version's upgrade runs in order, so a profile
// that still holds an older layout (with data) is brought forward without losing a record.
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import { nextDueAt } from '../phases';
import { type RegisterRow, rowOf } from '../rows';
import { type Complaint, ComplaintSchema } from '../schema';

export const DB_NAME = 'complaint-register';
export const DB_VERSION = 3;

export interface QuarantinedRecord {
  key: string;
  store: 'complaints' | 'history' | 'meta';
  raw: unknown;
  issues: string;
  at: string;
}

export interface RegisterDB extends DBSchema {
  complaints: {
    key: string;
    // Stored values are only trusted after zod parsing (see store.ts).
    value: Complaint;
    indexes: {
      reference: string;
      nextDueAt: string;
      threadId: string;
      messageId: string;
      customerEmail: string;
      phase: string;
      receivedAt: string;
    };
  };
  history: { key: [string, number]; value: unknown };
  /** The read model of rows.ts: one row per complaint, only ever written beside it (`putComplaint`). */
  rows: { key: string; value: RegisterRow };
  meta: { key: string; value: unknown };
  quarantine: { key: string; value: QuarantinedRecord };
}

type UpgradeTx = IDBPTransaction<RegisterDB, StoreNames<RegisterDB>[], 'versionchange'>;
type Migration = (db: IDBPDatabase<RegisterDB>, tx: UpgradeTx) => void;

/** Index i upgrades a database from version i to version i + 1. Never edit a released step: add one. */
export const MIGRATIONS: Migration[] = [
  // v1: complaints by id with their unique human reference, the history chain, counters and settings.
  (db) => {
    const complaints = db.createObjectStore('complaints', { keyPath: 'id' });
    complaints.createIndex('reference', 'reference', { unique: true });
    db.createObjectStore('history', { keyPath: ['complaintId', 'seq'] });
    db.createObjectStore('meta');
  },
  // v2: indexes for the badge, the urgency list and the webmail look-ups; quarantine for unreadable records;
  // backfill of the urgency key for records written by v1.
  (db, tx) => {
    const complaints = tx.objectStore('complaints');
    complaints.createIndex('nextDueAt', 'nextDueAt');
    complaints.createIndex('threadId', 'source.threadId');
    complaints.createIndex('messageId', 'source.messageId');
    complaints.createIndex('customerEmail', 'customer.email');
    complaints.createIndex('phase', 'phase');
    complaints.createIndex('receivedAt', 'receivedAt');
    db.createObjectStore('quarantine', { keyPath: 'key' });
    void complaints.openCursor().then(async function backfill(cursor): Promise<void> {
      if (!cursor) return;
      const record = cursor.value as Partial<Complaint>;
      if (record.nextDueAt === undefined && record.clocks && record.phase) {
        const due = nextDueAt(record as Complaint);
        if (due) await cursor.update({ ...record, nextDueAt: due } as Complaint);
      }
      return backfill(await cursor.continue());
    });
  },
  // v3: the rows read model, built from every complaint that parses (one that does not is left to the
  // quarantine sweep, as before).
  (db, tx) => {
    db.createObjectStore('rows', { keyPath: 'id' });
    const rows = tx.objectStore('rows');
    void tx
      .objectStore('complaints')
      .openCursor()
      .then(async function build(cursor): Promise<void> {
        if (!cursor) return;
        const parsed = ComplaintSchema.safeParse(cursor.value);
        if (parsed.success) await rows.put(rowOf(parsed.data));
        return build(await cursor.continue());
      });
  },
];

/** A read-write transaction over (at least) the complaints and their rows. */
type ComplaintsTx = IDBPTransaction<RegisterDB, ArrayLike<StoreNames<RegisterDB>>, 'readwrite'>;

/**
 * Writes a complaint and its row together: the only way complaints are written, so that the read model
 * never drifts from the register. `add` refuses an existing id (a new complaint); `put` replaces.
 */
export function putComplaint(tx: ComplaintsTx, complaint: Complaint, mode: 'add' | 'put' = 'put'): Promise<unknown> {
  const store = tx.objectStore('complaints');
  return Promise.all([
    mode === 'add' ? store.add(complaint) : store.put(complaint),
    tx.objectStore('rows').put(rowOf(complaint)),
  ]);
}

/** Removes a complaint and its row together (the quarantine moves unreadable ones aside this way). */
export function deleteComplaint(tx: ComplaintsTx, id: string): Promise<unknown> {
  return Promise.all([tx.objectStore('complaints').delete(id), tx.objectStore('rows').delete(id)]);
}

export function openRegisterDb(name = DB_NAME, version = DB_VERSION): Promise<IDBPDatabase<RegisterDB>> {
  return openDB<RegisterDB>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      for (let v = oldVersion; v < (newVersion ?? version); v++) MIGRATIONS[v]?.(db, tx);
    },
    blocking(_current, _blocked, event) {
      // A newer version is waiting (extension update): let it through.
      (event.target as IDBDatabase).close();
    },
  });
}

let cached: Promise<IDBPDatabase<RegisterDB>> | null = null;

export function registerDb(): Promise<IDBPDatabase<RegisterDB>> {
  cached ??= openRegisterDb().catch((error) => {
    cached = null;
    throw error;
  });
  return cached;
}

/** Tests and the restore path start from a fresh handle. */
export async function closeRegisterDb(): Promise<void> {
  const db = cached;
  cached = null;
  if (db) (await db).close();
}
