// The dashboard's reads. The page reads IndexedDB directly (extension pages share it) and never writes.
// First the counts the indexes answer without reading a record (overdue now, then every phase), so the
// page shows figures at once on a large register; then ONE streaming pass over the register feeds both
// accumulators (figures and recurring groups). A register change announced by the background restarts
// the pass; the figures already shown stay until the new ones are ready.
import { useState } from 'preact/hooks';
import { useLiveRead } from '@/components/hooks/useLiveRead';
import { PHASES, type Phase } from '@/lib/register/schema';
import { countByPhase, countOverdue, forEachComplaint } from '@/lib/register/store/queries';
import { type DashboardStats, type StatsOptions, statsAccumulator } from '@/lib/stats/compute';
import { type RecurringGroup, type RecurringOptions, recurringAccumulator } from '@/lib/stats/recurring';

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

export function useDashboard(opts: StatsOptions & RecurringOptions): DashboardData {
  // What the running pass shows before it ends: the index counts as they come, then how far it has read.
  const [counts, setCounts] = useState<NowCounts | null>(null);
  const [progress, setProgress] = useState<DashboardData['progress']>(null);
  const pass = useLiveRead(
    async (signal) => {
      const now = new Date();
      let invalid = 0;
      setProgress(null);
      const counts = await countNow(now, (c) => !signal.aborted && setCounts(c));
      if (signal.aborted) throw CANCELLED;
      setProgress({ read: 0, total: counts.total ?? 0 });
      const stats = statsAccumulator(now, opts);
      const recurring = recurringAccumulator(now, opts);
      let read = 0;
      await forEachComplaint(
        (c) => {
          // forEachComplaint cannot be stopped from outside: a stale pass throws out of it.
          if (signal.aborted) throw CANCELLED;
          stats.add(c);
          recurring.add(c);
          if (++read % PROGRESS_EVERY === 0) setProgress({ read, total: counts.total ?? 0 });
        },
        { onInvalid: () => invalid++ },
      );
      return { stats: stats.finish(), groups: recurring.finish(), invalid };
    },
    [opts.months, opts.windowDays, opts.minCustomers],
  );

  return {
    counts,
    stats: pass.value?.stats ?? null,
    groups: pass.value?.groups ?? null,
    progress: pass.loading ? progress : null,
    invalid: pass.value?.invalid ?? 0,
    error: pass.error?.message ?? null,
  };
}
