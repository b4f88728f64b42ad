// Connections to the test PostgreSQL. The admin URL (a superuser, by default the current OS user over the
// Unix socket, as .ci/run sets up) creates one database per test, owned by a confined login role: the
// server under test connects as that role, never as a superuser.
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import pg from 'pg';

export const SERVICE_ROLE = 'registre_test_service';
const SERVICE_PASSWORD = 'registre-test-only';

export const adminUrl = () =>
  process.env.PG_ADMIN_URL ?? `postgresql://${userInfo().username}@/postgres?host=/var/run/postgresql`;

/** Whether the test PostgreSQL answers at the admin URL. */
export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database owned by the confined role; returns the role's URL to it and a function dropping it. */
export async function freshDatabase(): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `registre_t_${randomBytes(6).toString('hex')}`;
  await admin(async (client) => {
    const { rows } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [SERVICE_ROLE]);
    if (!rows.length) {
      await client
        .query(`CREATE ROLE ${SERVICE_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB PASSWORD '${SERVICE_PASSWORD}'`)
        .catch((error: { code?: string }) => {
          if (error.code !== '23505' && error.code !== '42710') throw error; // created meanwhile by another file
        });
    }
    await client.query(`CREATE DATABASE ${name} OWNER ${SERVICE_ROLE}`);
  });
  const host = process.env.PG_TEST_HOST ?? '127.0.0.1';
  const port = process.env.PG_TEST_PORT ?? '5432';
  return {
    name,
    url: `postgresql://${SERVICE_ROLE}:${SERVICE_PASSWORD}@${host}:${port}/${name}`,
    drop: () => admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
