// Embedded PostgreSQL (PGlite, WebAssembly) for a team server with nothing installed. PGlite's only user is
// a superuser, so each transaction first switches to the confined service role (SET LOCAL ROLE): the RLS
// policies then bind exactly as on a real server. PGlite runs one transaction at a time.
import { PGlite } from '@electric-sql/pglite';
import { applyScope, type Db, type Queryable } from './db';

export const SERVICE_ROLE = 'registre_service';

export interface PgliteOptions {
  /** A folder (kept between starts) or undefined for memory. */
  dataDir?: string;
  /** Reuse an open instance (tests: one instance, one schema per test). */
  instance?: PGlite;
  schema?: string;
}

/** Creates the service role once: NOLOGIN (only reachable by SET ROLE), never superuser nor BYPASSRLS. */
async function ensureServiceRole(pglite: PGlite, schema: string | undefined): Promise<void> {
  await pglite.exec(`
    DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${SERVICE_ROLE}') THEN
        CREATE ROLE ${SERVICE_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS;
      END IF;
    END $$;
    GRANT CREATE, USAGE ON SCHEMA public TO ${SERVICE_ROLE};`);
  if (schema) {
    // Identifier checked by the caller's regex: schemas are test names, never user input.
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`schéma invalide : ${schema}`);
    await pglite.exec(`CREATE SCHEMA IF NOT EXISTS ${schema} AUTHORIZATION ${SERVICE_ROLE}`);
  }
}

export async function pgliteDb({ dataDir, instance, schema }: PgliteOptions): Promise<Db> {
  const pglite = instance ?? (await PGlite.create(dataDir));
  await ensureServiceRole(pglite, schema);
  const run = <T>(work: (tx: Queryable) => Promise<T>, scope?: Parameters<typeof applyScope>[1]) =>
    pglite.transaction(async (tx) => {
      await tx.query(`SET LOCAL ROLE ${SERVICE_ROLE}`);
      if (schema) await tx.query(`SELECT set_config('search_path', $1, true)`, [schema]);
      const q: Queryable = { query: (sql, params) => tx.query(sql, params as unknown[]) as never };
      if (scope) await applyScope(q, scope);
      return work(q);
    });
  return {
    engine: 'embedded',
    transaction: (scope, work) => run(work, scope),
    unscoped: (work) => run(work),
    // A shared test instance is closed by its owner.
    close: async () => {
      if (!instance) await pglite.close();
    },
  };
}
