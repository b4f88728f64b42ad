// Opens the register's database as configured: DATABASE_URL for a real PostgreSQL, otherwise the embedded
// engine in a locked data folder. Refuses a role that could bypass row-level security, then migrates.
import { assertConfinedRole, type Db } from './db/db';
import { migrate, migrations } from './db/migrate';
import { pgDb } from './db/pg';
import { pgliteDb } from './db/pglite';
import { lockFolder } from './lock';

export interface Opened {
  db: Db;
  schemaVersion: number;
  /** Closes the database and releases the folder's lock. */
  close(): Promise<void>;
}

export const DEFAULT_DATA_DIR = '.server-data';

export async function openRegister(env: NodeJS.ProcessEnv = process.env): Promise<Opened> {
  const url = env.DATABASE_URL;
  let release: () => void = () => {};
  let db: Db;
  if (url) {
    db = pgDb({ url, max: Number(env.DATABASE_POOL ?? 10) });
  } else {
    const dir = env.SERVER_DATA_DIR ?? DEFAULT_DATA_DIR;
    release = lockFolder(dir);
    try {
      db = await pgliteDb({ dataDir: dir });
    } catch (error) {
      release();
      throw error;
    }
  }
  try {
    await assertConfinedRole(db);
    await migrate(db);
  } catch (error) {
    await db.close();
    release();
    throw error;
  }
  const schemaVersion = Math.max(...migrations().map((m) => m.version));
  return {
    db,
    schemaVersion,
    close: async () => {
      await db.close();
      release();
    },
  };
}
