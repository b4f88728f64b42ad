// The register's IndexedDB layout and its migrations. Each version's upgrade runs in order, so a profile
// that still holds an older layout (with data) is brought forward without losing a record.
import { type DBSchema, deleteDB, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import { nextDueAt } from '../phases';
import { type RegisterRow, rowOf } from '../rows';
import { type Complaint, ComplaintSchema } from '../schema';
import { recordOf } from './history-record';
import { buildStats, recount, STATS_STORES } from './stats';

export const DB_NAME = 'complaint-register';
/** The version every migration below brings a database to (MIGRATIONS.length). */
export const DB_VERSION = 8;

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
      /** A team register's complaints by holder, then due date (the badge's own count); unassigned ones absent. */
      assigneeDue: [string, string];
    };
  };
  /** Versions 1–4 only: one record per history event. The v5 migration moves them to `histories`. */
  history: { key: [string, number]; value: unknown };
  /** Each complaint's history in one compact record (history-record.ts); raw until decoded and parsed. */
  histories: { key: string; value: unknown; indexes: { eventCount: number } };
  /** The read model of rows.ts: one row per complaint, only ever written beside it (`putComplaint`). */
  rows: { key: string; value: RegisterRow };
  /** The dashboard's aggregates, one per Paris month (stats.ts); raw until parsed. */
  statsMonths: { key: string; value: unknown };
  /** Each complaint's contribution to them, by complaint id: what a write takes off before adding anew. */
  statsContributions: { key: string; value: unknown };
  meta: { key: string; value: unknown };
  quarantine: { key: string; value: QuarantinedRecord };
  /** The undo journal of a restore under way (restore-journal.ts): empty when none is. */
  restoreJournal: { key: string; value: unknown };
  /** Operations not yet acknowledged by the team server, in the order they were made (sync-state.ts). */
  outbox: { key: number; value: { seq?: number; op: unknown }; indexes: { complaintId: string } };
  /** The team connection (server, token, agent), feed cursor, reference blocks, conflicts: never backed up. */
  sync: { key: string; value: unknown };
}

type UpgradeTx = IDBPTransaction<RegisterDB, StoreNames<RegisterDB>[], 'versionchange'>;
type Migration = (db: IDBPDatabase<RegisterDB>, tx: UpgradeTx) => void;

const MOVE_CHUNK = 2_000;

/** v5's move: the old store read in key order ([complaintId, seq]) by chunks, one record per complaint. */
async function moveHistories(db: IDBPDatabase<RegisterDB>, tx: UpgradeTx): Promise<void> {
  const old = tx.objectStore('history');
  const histories = tx.objectStore('histories');
  const puts: Promise<unknown>[] = [];
  let after: [string, number] | undefined;
  let id: string | undefined;
  let events: unknown[] = [];
  for (;;) {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const [keys, values] = await Promise.all([old.getAllKeys(range, MOVE_CHUNK), old.getAll(range, MOVE_CHUNK)]);
    keys.forEach((key, i) => {
      const complaintId = String(key[0]);
      if (complaintId !== id) {
        if (id !== undefined) puts.push(histories.put(recordOf(id, events)));
        id = complaintId;
        events = [];
      }
      events.push(values[i]);
    });
    if (keys.length < MOVE_CHUNK) break;
    after = keys[keys.length - 1];
  }
  if (id !== undefined) puts.push(histories.put(recordOf(id, events)));
  await Promise.all(puts);
  db.deleteObjectStore('history');
}

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
  // v5 (issue 11): each complaint's history in ONE record, hashes and salts compact (history-record.ts),
  // moved from the one-record-per-event store, which then goes. Events move as stored, unparsed: one that
  // does not parse still does not, and is still reported. `eventCount` lets a backup count events cheaply.
  (db, tx) => {
    db.createObjectStore('histories', { keyPath: 'complaintId' }).createIndex('eventCount', 'events.length');
    void moveHistories(db, tx);
  },
  // v6 (issue 11): the dashboard's aggregates (lib/stats/aggregates.ts), one record per Paris month, and
  // each complaint's contribution to them, built from every complaint that parses; from then on kept by
  // `putComplaint` and `deleteComplaint` in the transaction of every write.
  (db, tx) => {
    db.createObjectStore('statsMonths', { keyPath: 'month' });
    db.createObjectStore('statsContributions');
    void buildStats(tx);
  },
  // v7 (issue 13, team register): the outbox of operations waiting for the server, written in the same
  // transaction as the complaint they changed, in order (auto-increment key); and the sync state (the
  // connection with its token, the feed cursor, reference blocks, conflicts), kept apart from the settings
  // so that no backup or export ever carries the token.
  (db) => {
    const outbox = db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
    outbox.createIndex('complaintId', 'op.complaintId');
    db.createObjectStore('sync');
  },
  // v8 (issue 13, assignment): the complaints by holder and due date, so that the badge counts an agent's own
  // overdue and due-soon complaints with two index counts instead of reading the whole team's. IndexedDB
  // indexes the complaints already stored when the index is made; one without a holder or a running clock
  // is simply not in it.
  (_db, tx) => {
    tx.objectStore('complaints').createIndex('assigneeDue', ['assignee.id', 'nextDueAt']);
  },
];

/** A read-write transaction over (at least) COMPLAINT_STORES. */
type ComplaintsTx = IDBPTransaction<RegisterDB, ArrayLike<StoreNames<RegisterDB>>, 'readwrite'>;

/** The stores `putComplaint` and `deleteComplaint` write: every transaction that writes a complaint holds them. */
export const COMPLAINT_STORES = ['complaints', 'rows', ...STATS_STORES] as const;

/**
 * Writes a complaint with its row and its share of the dashboard's aggregates: the only way complaints are
 * written, so that the read models never drift from the register. `add` refuses an existing id (a new
 * complaint); `put` replaces.
 */
export function putComplaint(tx: ComplaintsTx, complaint: Complaint, mode: 'add' | 'put' = 'put'): Promise<unknown> {
  const store = tx.objectStore('complaints');
  return Promise.all([
    mode === 'add' ? store.add(complaint) : store.put(complaint),
    tx.objectStore('rows').put(rowOf(complaint)),
    recount(tx, complaint.id, complaint),
  ]);
}

/** Removes a complaint, its row and its share of the aggregates (the quarantine moves unreadable ones aside). */
export function deleteComplaint(tx: ComplaintsTx, id: string): Promise<unknown> {
  return Promise.all([
    tx.objectStore('complaints').delete(id),
    tx.objectStore('rows').delete(id),
    recount(tx, id, null),
  ]);
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
