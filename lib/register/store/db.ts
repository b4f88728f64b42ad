// The register's IndexedDB layout and its migrations. Each version's upgrade runs in order, so a profile
// that still holds an older layout (with data) is brought forward without losing a record.
import { type DBSchema, deleteDB, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import { nextDueAt } from '../phases';
import { type RegisterRow, rowOf } from '../rows';
import { type Complaint, ComplaintSchema } from '../schema';

export const DB_NAME = 'complaint-register';
/** The version every migration below brings a database to (MIGRATIONS.length). */
export const DB_VERSION = 7;

export interface QuarantinedRecord {
  key: string;
  store: 'complaints' | 'history' | 'meta';
  raw: unknown;
  issues: string;
  at: string;
}

/** A record a read met that does not parse: it is reported, never dropped silently. */
export interface InvalidRecord {
  store: 'complaints' | 'history' | 'meta';
  key: string;
  issues: string;
}

export type InvalidRecordListener = (record: InvalidRecord) => void;

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
  /** The undo journal of a restore under way (restore-journal.ts): empty when none is. */
  restoreJournal: { key: string; value: unknown };
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
  // v4: the restore's undo journal, written in the same transaction as each batch a restore writes.
  (db) => {
    db.createObjectStore('restoreJournal');
  },
  // v5: RESERVED (work in progress, issue 11): history stored per complaint, compact hashes.
  () => {},
  // v6: RESERVED (work in progress, issue 11): dashboard aggregates maintained with each write.
  () => {},
  // v7: RESERVED (work in progress, issue 13): the sync outbox and sync state.
  () => {},
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

/**
 * One register database, opened on first use and shared by every store module bound to it. The product has
 * one (`DB_NAME`); a test opens others by name so that two simulated agents live in one process.
 */
export interface RegisterConnection {
  readonly name: string;
  db(): Promise<IDBPDatabase<RegisterDB>>;
  /**
   * The same, reopened if it was closed under us: deleting the database (a wipe before a restore, another
   * tab's reset) closes every open connection, and a restore must still find a database.
   */
  liveDb(): Promise<IDBPDatabase<RegisterDB>>;
  close(): Promise<void>;
  /** Closes, then deletes the database (other contexts' connections close on versionchange, see above). */
  deleteDatabase(): Promise<void>;
  /** Told of every unreadable record a read on this register meets (the background quarantines them). */
  readonly invalidListeners: Set<InvalidRecordListener>;
}

export function registerConnection(name: string = DB_NAME): RegisterConnection {
  let cached: Promise<IDBPDatabase<RegisterDB>> | null = null;
  const connection: RegisterConnection = {
    name,
    invalidListeners: new Set(),
    db() {
      cached ??= openRegisterDb(name).catch((error) => {
        cached = null;
        throw error;
      });
      return cached;
    },
    async liveDb() {
      const db = await connection.db();
      try {
        // Throws at once on a closed connection; an open one just commits this empty transaction.
        db.transaction('meta');
        return db;
      } catch {
        await connection.close();
        return connection.db();
      }
    },
    async close() {
      const db = cached;
      cached = null;
      if (db) (await db).close();
    },
    async deleteDatabase() {
      await connection.close();
      await deleteDB(name);
    },
  };
  return connection;
}

/** The product's register: every module-level store function reads and writes this one. */
export const defaultConnection = registerConnection();

/** The product's database, raw: for the store's modules, and for tests that plant what the store would refuse. */
export function registerDb(): Promise<IDBPDatabase<RegisterDB>> {
  return defaultConnection.db();
}

/** Tests and the restore path start from a fresh handle. */
export function closeRegisterDb(): Promise<void> {
  return defaultConnection.close();
}
