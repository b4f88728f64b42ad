// The dashboard's reads. The page reads IndexedDB directly (extension pages share it) and never writes.
// First the counts the indexes answer at once (every phase, overdue now), so the page shows figures
// within milliseconds on a large register; then ONE streaming pass over the register feeds both
// accumulators (figures and recurring groups). A register change announced by the background restarts
// the pass; the figures already shown stay until the new ones are ready.
import { useEffect, useState } from 'preact/hooks';
import { onRegisterChange } from '@/lib/messages';
import { registerDb } from '@/lib/register/db';
import { countOverdue, forEachComplaint, onInvalidRecord } from '@/lib/register/queries';
import { PHASES, type Phase } from '@/lib/register/schema';
import { type DashboardStats, type StatsOptions, statsAccumulator } from '@/lib/stats/compute';
import { type RecurringGroup, type RecurringOptions, recurringAccumulator } from '@/lib/stats/recurring';

export interface NowCounts {
  total: number;
  byPhase: Record<Phase, number>;
  overdue: number;
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

/** Counted on the phase and nextDueAt indexes, without reading a record. */
async function countNow(now: Date): Promise<NowCounts> {
  const db = await registerDb();
  const perPhase = await Promise.all(PHASES.map((p) => db.countFromIndex('complaints', 'phase', p)));
  return {
    total: await db.count('complaints'),
    byPhase: Object.fromEntries(PHASES.map((p, i) => [p, perPhase[i] ?? 0])) as Record<Phase, number>,
    overdue: await countOverdue(now),
  };
}

const PROGRESS_EVERY = 5_000;
const CANCELLED = Symbol('a newer pass started');

export function useDashboard(opts: StatsOptions & RecurringOptions): DashboardData {
  const [version, setVersion] = useState(0);
  const [data, setData] = useState<DashboardData>({
    counts: null,
    stats: null,
    groups: null,
    progress: null,
    invalid: 0,
    error: null,
  });
  useEffect(() => onRegisterChange(() => setVersion((v) => v + 1)), []);

  useEffect(() => {
    let live = true;
    const now = new Date();
    let invalid = 0;
    onInvalidRecord(() => invalid++);
    const run = async () => {
      const counts = await countNow(now);
      if (!live) return;
      setData((d) => ({ ...d, counts, progress: { read: 0, total: counts.total }, error: null }));
      const stats = statsAccumulator(now, opts);
      const recurring = recurringAccumulator(now, opts);
      let read = 0;
      await forEachComplaint((c) => {
        // forEachComplaint cannot be stopped from outside: a stale pass throws out of it.
        if (!live) throw CANCELLED;
        stats.add(c);
        recurring.add(c);
        if (++read % PROGRESS_EVERY === 0) setData((d) => ({ ...d, progress: { read, total: counts.total } }));
      });
      if (!live) return;
      setData({ counts, stats: stats.finish(), groups: recurring.finish(), progress: null, invalid, error: null });
    };
    run().catch((error: unknown) => {
      if (error === CANCELLED || !live) return;
      setData((d) => ({ ...d, progress: null, error: error instanceof Error ? error.message : String(error) }));
    });
    return () => {
      live = false;
    };
  }, [version, opts.months, opts.windowDays, opts.minCustomers]);

  return data;
}
