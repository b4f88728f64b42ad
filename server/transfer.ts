// Moves an embedded register to a real PostgreSQL: every table dumped as JSON rows from the embedded
// folder, loaded into the (migrated) target one organisation at a time, through the target's RLS.
// Re-running on a target that already holds an organisation stops at the first duplicate, changing nothing
// of that organisation (one transaction per organisation).
import type { PGlite } from '@electric-sql/pglite';
import type { Db } from './db/db';

/** Tables in load order (foreign keys first); each one's rows belong to an organisation. */
export const TABLES = [
  'agents',
  'complaints',
  'events',
  'op_outcomes',
  'reference_counters',
  'reference_blocks',
  'settings',
  'templates',
] as const;

const CHUNK = 2000;

/** The embedded engine's own superuser reads every organisation (the service role sees one at a time). */
async function dumpTable(source: PGlite, schema: string, table: string, org: string): Promise<unknown[]> {
  const { rows } = await source.query<{ row: unknown }>(
    `SELECT to_jsonb(t) AS row FROM ${schema}.${table} t WHERE org_id = $1`,
    [org],
  );
  return rows.map((r) => r.row);
}

export interface TransferReport {
  orgs: number;
  rows: Record<string, number>;
}

export async function transfer(source: PGlite, target: Db, schema = 'public'): Promise<TransferReport> {
  const orgs = (
    await source.query<{ row: { id: string } }>(`SELECT to_jsonb(o) AS row FROM ${schema}.orgs o ORDER BY name`)
  ).rows.map((r) => r.row);
  const report: TransferReport = { orgs: orgs.length, rows: {} };
  for (const org of orgs) {
    const dumps = new Map<string, unknown[]>();
    for (const table of TABLES) dumps.set(table, await dumpTable(source, schema, table, org.id));
    await target.transaction({ org: org.id }, async (tx) => {
      await tx.query('INSERT INTO orgs SELECT * FROM jsonb_populate_record(NULL::orgs, $1::jsonb)', [
        JSON.stringify(org),
      ]);
      for (const table of TABLES) {
        const rows = dumps.get(table) ?? [];
        for (let i = 0; i < rows.length; i += CHUNK) {
          // Table names come from the constant list above, never from input.
          await tx.query(`INSERT INTO ${table} SELECT * FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)`, [
            JSON.stringify(rows.slice(i, i + CHUNK)),
          ]);
        }
        report.rows[table] = (report.rows[table] ?? 0) + rows.length;
      }
    });
  }
  return report;
}
