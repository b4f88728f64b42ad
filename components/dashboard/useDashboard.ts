// The dashboard's reads. The page reads IndexedDB directly (extension pages share it) and never writes.
// First the aggregates the store keeps with every write (lib/stats/aggregates.ts): a few dozen small records
// give every figure and the chart at once, whatever the register's size. Then the recurring groups, from the
// complaints of their window only (read on the receivedAt index). Should the aggregates not be trusted (an
// update is still rebuilding them), the page falls back to the pass over the whole register: counts from the
// indexes first, then ONE streaming pass, with its progress shown. A register change announced by the
// background restarts the read; the figures already shown stay until the new ones are ready.
import { useState } from 'preact/hooks';
import { useLiveRead } from '@/components/hooks/useLiveRead';
import { PHASES, type Phase } from '@/lib/register/schema';
import { readAggregatedStats } from '@/lib/register/store/dashboard-stats';
import { countByPhase, countOverdue, forEachComplaint, listReceivedSince } from '@/lib/register/store/queries';
import { type DashboardStats, type StatsOptions, statsAccumulator } from '@/lib/stats/compute';
import { findRecurring, type RecurringGroup, type RecurringOptions, recurringAccumulator } from '@/lib/stats/recurring';

export interface NowCounts {
  /** Null until every phase is counted. */
  total: number | null;
  /** The phases counted so far. */
  byPhase: Partial<Record<Phase, number>>;
  overdue: number | null;
}

export interface DashboardData {
  counts: NowCounts | null;
  stats: DashboardStats | null;
  groups: RecurringGroup[] | null;
  /** Complaints read so far while a pass runs; null when no pass runs. */
  progress: { read: number; total: number } | null;
  invalid: number;
  error: string | null;
}

// Counting an index walks its entries (about 5 µs each): the few open complaints are counted first, so the
// figures an agent acts on show at once; the bulk of the register (answered, closed) follows.
const COUNT_ORDER: Phase[] = [
  'registered',
  'acknowledged',
  'investigating',
  'followingUp',
  'mediation',
  'unfounded',
  'notComplaint',
  'answered',
  'closed',
];

/** Counted on the nextDueAt and phase indexes, without reading a record; `show` gets each step. */
async function countNow(now: Date, show: (counts: NowCounts) => void): Promise<NowCounts> {
  let counts: NowCounts = { total: null, byPhase: {}, overdue: await countOverdue(now) };
  show(counts);
  await countByPhase(COUNT_ORDER, (phase, n) => {
    counts = { ...counts, byPhase: { ...counts.byPhase, [phase]: n } };
    show(counts);
  });
  counts = { ...counts, total: PHASES.reduce((sum, p) => sum + (counts.byPhase[p] ?? 0), 0) };
  show(counts);
  return counts;
}

const PROGRESS_EVERY = 5_000;
const CANCELLED = Symbol('a newer pass started');

/** The full pass: the baseline the aggregates replace, kept for a register whose aggregates are being rebuilt. */
async function passOverRegister(
  now: Date,
  opts: StatsOptions & RecurringOptions,
  signal: AbortSignal,
  show: { counts: (c: NowCounts) => void; progress: (p: DashboardData['progress']) => void },
) {
  let invalid = 0;
  const counts = await countNow(now, (c) => !signal.aborted && show.counts(c));
  if (signal.aborted) throw CANCELLED;
  show.progress({ read: 0, total: counts.total ?? 0 });
  const stats = statsAccumulator(now, opts);
  const recurring = recurringAccumulator(now, opts);
  let read = 0;
  await forEachComplaint(
    (c) => {
      // forEachComplaint cannot be stopped from outside: a stale pass throws out of it.
      if (signal.aborted) throw CANCELLED;
      stats.add(c);
      recurring.add(c);
      if (++read % PROGRESS_EVERY === 0) show.progress({ read, total: counts.total ?? 0 });
    },
    { onInvalid: () => invalid++ },
  );
  return { stats: stats.finish(), groups: recurring.finish(), invalid };
}

/**
 * Team register, one agent's figures (issue 13): the aggregates are the whole team's, so this is a pass
 * over the register keeping the complaints `agent` holds (the full pass's cost, shown with its progress).
 */
async function passOverAgent(
  agent: string,
  now: Date,
  opts: StatsOptions & RecurringOptions,
  signal: AbortSignal,
  progress: (p: DashboardData['progress']) => void,
) {
  let invalid = 0;
  let read = 0;
  const total = (await countByPhaseTotal()) ?? 0;
  progress({ read: 0, total });
  const stats = statsAccumulator(now, opts);
  const recurring = recurringAccumulator(now, opts);
  await forEachComplaint(
    (c) => {
      if (signal.aborted) throw CANCELLED;
      if (c.assignee?.id === agent) {
        stats.add(c);
        recurring.add(c);
      }
      if (++read % PROGRESS_EVERY === 0) progress({ read, total });
    },
    { onInvalid: () => invalid++ },
  );
  return { stats: stats.finish(), groups: recurring.finish(), invalid };
}

/** How many complaints the register holds, counted on the phase index (for the progress bar). */
async function countByPhaseTotal(): Promise<number> {
  let total = 0;
  await countByPhase(COUNT_ORDER, (_phase, n) => {
    total += n;
  });
  return total;
}

const DAY_MS = 86_400_000;

/** `agent`: a team agent's server id, for the figures of the complaints they hold; absent: the register's. */
export function useDashboard(opts: StatsOptions & RecurringOptions, agent?: string): DashboardData {
  // What the running read shows before it ends: its figures (before the groups), or the fallback's index
  // counts and progress.
  const [counts, setCounts] = useState<NowCounts | null>(null);
  const [early, setEarly] = useState<DashboardStats | null>(null);
  const [progress, setProgress] = useState<DashboardData['progress']>(null);
  const pass = useLiveRead(
    async (signal) => {
      const now = new Date();
      setProgress(null);
      if (agent) {
        setCounts(null);
        setEarly(null);
        const mine = await passOverAgent(agent, now, opts, signal, setProgress);
        setEarly(mine.stats);
        return mine;
      }
      const stats = await readAggregatedStats(now, opts);
      if (signal.aborted) throw CANCELLED;
      if (!stats) {
        const full = await passOverRegister(now, opts, signal, { counts: setCounts, progress: setProgress });
        setEarly(full.stats);
        return full;
      }
      setCounts({ total: stats.total, byPhase: stats.byPhase, overdue: stats.overdue });
      setEarly(stats);
      let invalid = 0;
      // A day's margin below the window: findRecurring keeps exactly the window's complaints.
      const since = new Date(now.getTime() - (opts.windowDays + 1) * DAY_MS).toISOString();
      const window = await listReceivedSince(since, { onInvalid: () => invalid++ });
      return { stats, groups: findRecurring(window, now, opts), invalid };
    },
    [opts.months, opts.windowDays, opts.minCustomers, agent],
  );

  return {
    counts,
    stats: early,
    groups: pass.value?.groups ?? null,
    progress: pass.loading ? progress : null,
    invalid: pass.value?.invalid ?? 0,
    error: pass.error?.message ?? null,
  };
}
