// The register's connection, reopened if it was closed under us: deleting the database (a wipe before a
// restore, another tab's reset) closes every open connection, and a restore must still find a database.
import type { IDBPDatabase } from 'idb';
import { closeRegisterDb, type RegisterDB, registerDb } from './db';

export async function liveRegisterDb(): Promise<IDBPDatabase<RegisterDB>> {
  const db = await registerDb();
  try {
    // Throws at once on a closed connection; an open one just commits this empty transaction.
    db.transaction('meta');
    return db;
  } catch {
    await closeRegisterDb();
    return registerDb();
  }
}
