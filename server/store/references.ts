// Official references: a counter per organisation and Paris year that only grows (a reference is never
// reused), handed out one by one (provisional references replaced) or in blocks logged per agent.
import { parisDay } from '../../lib/deadlines/paris-time';
import { formatReference } from '../../lib/sync/references';
import { type Db, type Queryable, retrying } from '../db/db';

export const parisYear = (at: Date | string): number => Number(parisDay(at).slice(0, 4));

/** Takes `count` numbers from the year's counter; the row lock holds concurrent takers until commit. */
export async function allocate(
  tx: Queryable,
  org: string,
  year: number,
  count: number,
): Promise<{ first: number; last: number }> {
  const { rows } = await tx.query<{ last: number }>(
    `INSERT INTO reference_counters (org_id, year, last) VALUES ($1, $2, $3)
     ON CONFLICT (org_id, year) DO UPDATE SET last = reference_counters.last + $3
     RETURNING last`,
    [org, year, count],
  );
  const last = Number(rows[0]?.last);
  return { first: last - count + 1, last };
}

export async function nextReference(tx: Queryable, org: string, year: number): Promise<string> {
  const { first } = await allocate(tx, org, year, 1);
  return formatReference(year, first);
}

/**
 * Onboarding: takes number `n` of `year` for a complaint that already holds it, when the counter has not
 * reached it (no block or complaint of the team can hold it); the counter moves to it. False otherwise.
 */
export async function claimNumber(tx: Queryable, org: string, year: number, n: number): Promise<boolean> {
  const { rows } = await tx.query<{ last: number }>(
    `INSERT INTO reference_counters (org_id, year, last) VALUES ($1, $2, $3)
     ON CONFLICT (org_id, year) DO UPDATE SET last = $3 WHERE reference_counters.last < $3
     RETURNING last`,
    [org, year, n],
  );
  return rows.length > 0;
}

export interface Block {
  year: number;
  first: number;
  last: number;
}

/** Hands a block of `size` references of `year` to an agent, logged in reference_blocks. */
export function handBlock(db: Db, org: string, agentId: string, year: number, size: number): Promise<Block> {
  return retrying(() =>
    db.transaction({ org }, async (tx) => {
      const { first, last } = await allocate(tx, org, year, size);
      await tx.query('INSERT INTO reference_blocks (org_id, year, first, last, agent_id) VALUES ($1, $2, $3, $4, $5)', [
        org,
        year,
        first,
        last,
        agentId,
      ]);
      return { year, first, last };
    }),
  );
}

/** The blocks handed to this agent (a push checks its creations' references against them in memory). */
export async function agentBlocks(tx: Queryable, org: string, agentId: string): Promise<Block[]> {
  const { rows } = await tx.query<Block>(
    'SELECT year, first, last FROM reference_blocks WHERE org_id = $1 AND agent_id = $2',
    [org, agentId],
  );
  return rows;
}

export const inBlocks = (blocks: readonly Block[], year: number, n: number): boolean =>
  blocks.some((b) => b.year === year && b.first <= n && n <= b.last);
