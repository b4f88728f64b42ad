// Real PostgreSQL through a `pg` pool. The connection's own role is the service role: it must be neither
// superuser nor BYPASSRLS (checked at start, db.ts). `schema` (tests) puts every table in a private schema.
import pg from 'pg';
import { applyScope, type Db, type Queryable } from './db';

export interface PgOptions {
  url: string;
  schema?: string;
  max?: number;
}

export function pgDb({ url, schema, max = 10 }: PgOptions): Db {
  const pool = new pg.Pool({ connectionString: url, max });
  // A dropped idle connection must not crash the process; the next query opens a new one.
  pool.on('error', () => undefined);
  async function run<T>(work: (tx: Queryable) => Promise<T>, scope?: Parameters<typeof applyScope>[1]) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      if (schema) await client.query(`SELECT set_config('search_path', $1, true)`, [schema]);
      if (scope) await applyScope(client, scope);
      const result = await work(client as unknown as Queryable);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
  return {
    engine: 'pg',
    transaction: (scope, work) => run(work, scope),
    unscoped: (work) => run(work),
    close: () => pool.end(),
  };
}
