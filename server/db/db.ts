// The one door to the database: a small interface over `pg` (real PostgreSQL) and PGlite (embedded), so the
// same SQL and the same row-level security run on both. Every transaction says which organisation it acts
// for: `app.org` is what the RLS policies of migrations/001 compare each row's key with.

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<{ rows: T[] }>;
}

/** Who a transaction acts for. `org` scopes every row; `tokenHash` lets the auth lookup see one agent row. */
export interface Scope {
  org?: string;
  tokenHash?: string;
}

export interface Db {
  readonly engine: 'pg' | 'embedded';
  /** Runs `work` in one transaction (as the service role, with the scope's settings); rolls back on error. */
  transaction<T>(scope: Scope, work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** The same without RLS scope: catalog checks, migrations. Still as the service role. */
  unscoped<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Statements every transaction starts with; `set_config(…, true)` lasts until the transaction ends. */
export async function applyScope(tx: Queryable, scope: Scope): Promise<void> {
  await tx.query("SELECT set_config('app.org', $1, true), set_config('app.token', $2, true)", [
    scope.org ?? '',
    scope.tokenHash ?? '',
  ]);
}

/** SQLSTATEs worth retrying the whole transaction for: serialisation failure, deadlock, unique violation. */
export const RETRYABLE = new Set(['40001', '40P01', '23505']);

/** Runs a whole transaction again when PostgreSQL asks for it (bounded: a persistent error surfaces). */
export async function retrying<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !RETRYABLE.has(sqlState(error) ?? '')) throw error;
    }
  }
}

export const sqlState = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;

/** The service must not be able to step over row-level security (issue 12, "Access"). */
export async function assertConfinedRole(db: Db): Promise<string> {
  const { rows } = await db.unscoped((tx) =>
    tx.query<{ name: string; rolsuper: boolean; rolbypassrls: boolean }>(
      'SELECT current_user AS name, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user',
    ),
  );
  const role = rows[0];
  if (!role) throw new Error('Rôle de connexion introuvable dans pg_roles.');
  if (role.rolsuper || role.rolbypassrls) {
    throw new Error(
      `Refus de démarrer : le rôle « ${role.name} » est superutilisateur ou BYPASSRLS ; ` +
        'connectez le serveur avec un rôle ordinaire (NOSUPERUSER NOBYPASSRLS) pour que la sécurité par ligne s’applique.',
    );
  }
  return role.name;
}
