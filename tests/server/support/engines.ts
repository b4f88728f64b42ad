// A fresh team register per test, on either engine: embedded (one PGlite per test file, one schema per
// test) or real PostgreSQL (one database per test). Tests never share state.
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/app';
import { assertConfinedRole, type Db } from '../../../server/db/db';
import { migrate, migrations } from '../../../server/db/migrate';
import { pgDb } from '../../../server/db/pg';
import { pgliteDb } from '../../../server/db/pglite';
import { freshDatabase } from './pg-admin';

export type Engine = 'embedded' | 'pg';
export const ENGINES: readonly Engine[] = ['embedded', 'pg'];

let shared: Promise<PGlite> | undefined;
/** The test file's PGlite instance (starting one costs seconds of CPU). */
export const sharedPglite = (): Promise<PGlite> => {
  shared ??= PGlite.create();
  return shared;
};
export async function closeSharedPglite(): Promise<void> {
  if (shared) await (await shared).close();
  shared = undefined;
}

export interface TestRegister {
  engine: Engine;
  db: Db;
  app: FastifyInstance;
  /** pg: the confined role's URL to this test's database; embedded: undefined. */
  url?: string;
  /** pg: the database's name; embedded: the schema's. */
  name: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Migrate only up to this version (the migration test fills version 1 first). */
  upTo?: number;
  app?: boolean;
}

export async function openDb(
  engine: Engine,
): Promise<{ db: Db; url?: string; name: string; drop: () => Promise<void> }> {
  if (engine === 'embedded') {
    const name = `t_${randomBytes(6).toString('hex')}`;
    const db = await pgliteDb({ instance: await sharedPglite(), schema: name });
    return { db, name, drop: async () => undefined };
  }
  const fresh = await freshDatabase();
  return { db: pgDb({ url: fresh.url, max: 5 }), url: fresh.url, name: fresh.name, drop: fresh.drop };
}

export async function openTestRegister(engine: Engine, opts: OpenOptions = {}): Promise<TestRegister> {
  const { db, url, name, drop } = await openDb(engine);
  await assertConfinedRole(db);
  await migrate(db, opts.upTo);
  // The version /health reports, as server/start.ts computes it: the newest migration applied.
  const schemaVersion = Math.max(
    ...migrations()
      .map((m) => m.version)
      .filter((v) => v <= (opts.upTo ?? v)),
  );
  const app = await buildApp({ db, schemaVersion, rateLimit: 1_000_000 });
  return {
    engine,
    db,
    app,
    url,
    name,
    close: async () => {
      await app.close();
      await db.close();
      await drop();
    },
  };
}
