// The register's IndexedDB layout and its migrations. Each version's upgrade runs in order, so a profile
// that still holds an older layout (with data) is brought forward without losing a record.
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import { nextDueAt } from './phases';
import type { Complaint } from './schema';

export const DB_NAME = 'complaint-register';
export const DB_VERSION = 2;

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
];

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
