// The dashboard's figures read from the aggregates that every write keeps (stats.ts), and their repair,
// run after an install or an update beside the rows' one (rows-repair.ts).

import { statsFromAggregates } from '../../stats/aggregate-figures';
import {
  canonicalMonths,
  foldContributions,
  type MonthAggregate,
  MonthAggregateSchema,
  STATS_VERSION,
  StatsContributionSchema,
} from '../../stats/aggregates';
import type { StatsOptions } from '../../stats/compute';
import { ComplaintSchema } from '../schema';
import { defaultConnection, type RegisterConnection } from './db';
import { recount, STATS_STORES, splitMonths, VERSION_RECORD } from './stats';

const parsedContribution = (raw: unknown) => {
  const parsed = StatsContributionSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
};

export interface StatsRepair {
  /** Complaints whose contribution was missing, stale or orphaned, counted again. */
  recounted: number;
  /** Whether the months no longer matched their contributions and were rebuilt from them. */
  rebuilt: boolean;
}

const REPAIR_CHUNK = 500;

/** The aggregates of one register: the dashboard's read and the repair (see register.ts). */
export function statsOn(connection: RegisterConnection) {
  /**
   * The dashboard's figures at `now` from the aggregates; null when they cannot be trusted (built by another
   * version of the figures, or a record unreadable): the caller then passes over the complaints.
   */
  async function readAggregatedStats(now: Date, opts?: StatsOptions) {
    const db = await connection.db();
    const { version, months: raws } = splitMonths(await db.getAll('statsMonths'));
    if (version !== STATS_VERSION) return null;
    const months: MonthAggregate[] = [];
    for (const raw of raws) {
      const parsed = MonthAggregateSchema.safeParse(raw);
      if (!parsed.success) return null;
      months.push(parsed.data);
    }
    return statsFromAggregates(months, now, opts);
  }

  /** Counts complaints `ids` again, each from its stored version (gone or unreadable: no contribution). */
  async function recountIds(ids: readonly string[]): Promise<void> {
    const db = await connection.db();
    for (let i = 0; i < ids.length; i += REPAIR_CHUNK) {
      const tx = db.transaction(['complaints', ...STATS_STORES], 'readwrite');
      const part = ids.slice(i, i + REPAIR_CHUNK);
      const raws = await Promise.all(part.map((id) => tx.objectStore('complaints').get(id)));
      await Promise.all([
        ...part.map((id, j) => {
          const parsed = raws[j] === undefined ? null : ComplaintSchema.safeParse(raws[j]);
          return recount(tx, id, parsed?.success ? parsed.data : null);
        }),
        tx.done,
      ]);
    }
  }

  /**
   * The safety net run after an install or an update, beside the rows' repair: complaints without a
   * contribution (or with one from another version of the figures) are counted again, contributions without
   * a complaint taken off, then the months checked against the sum of the contributions and rebuilt if off.
   */
  async function repairStats(): Promise<StatsRepair> {
    const db = await connection.db();
    const read = db.transaction(['complaints', ...STATS_STORES] as const);
    const contributions = read.objectStore('statsContributions');
    const [complaintIds, contributionIds, raws, storedMonths] = await Promise.all([
      read.objectStore('complaints').getAllKeys(),
      contributions.getAllKeys(),
      contributions.getAll(),
      read.objectStore('statsMonths').getAll(),
    ]);
    await read.done;
    const { version, months: stored } = splitMonths(storedMonths);
    const present = new Set(complaintIds);
    const readable = new Set(contributionIds.filter((_, i) => parsedContribution(raws[i]) !== null));
    const ids =
      version === STATS_VERSION
        ? [...complaintIds.filter((id) => !readable.has(id)), ...contributionIds.filter((id) => !present.has(id))]
        : [...new Set([...complaintIds, ...contributionIds])];
    const off = (contributions: unknown[], months: unknown[]) => {
      const expected = foldContributions(contributions.map(parsedContribution).filter((c) => c !== null));
      return canonicalMonths(months as MonthAggregate[]) === canonicalMonths(expected.values()) ? null : expected;
    };
    if (ids.length === 0 && off(raws, stored) === null) return { recounted: 0, rebuilt: false };
    await recountIds(ids);

    // The months against their contributions, in one transaction so that no write slips in between.
    const tx = db.transaction(STATS_STORES, 'readwrite');
    const [now, months] = await Promise.all([
      tx.objectStore('statsContributions').getAll(),
      tx.objectStore('statsMonths').getAll(),
    ]);
    const expected = off(now, splitMonths(months).months);
    const store = tx.objectStore('statsMonths');
    const writes: Promise<unknown>[] = [];
    if (expected) writes.push(store.clear().then(() => Promise.all([...expected.values()].map((m) => store.put(m)))));
    // After the clear: the aggregates now hold this version's figures.
    writes.push(Promise.all(writes).then(() => store.put(VERSION_RECORD)));
    await Promise.all([...writes, tx.done]);
    return { recounted: ids.length, rebuilt: expected !== null };
  }

  return { readAggregatedStats, repairStats };
}

export const { readAggregatedStats, repairStats } = statsOn(defaultConnection);
