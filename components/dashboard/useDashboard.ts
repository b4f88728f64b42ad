// The dashboard's reads. The page reads IndexedDB directly (extension pages share it) and never writes.
// First the counts the indexes answer without reading a record (overdue now, then every phase), so the
// page shows figures at once on a large register; then ONE streaming pass over the register feeds both
// accumulators (figures and recurring groups). A register change announced by the background restarts
// the pass; the figures already shown stay until the new ones are ready.
import { useEffect, useState } from 'preact/hooks';
import { onRegisterChange } from '@/lib/extension/protocol';
import { PHASES, type Phase } from '@/lib/register/schema';
import { registerDb } from '@/lib/register/store/db';
import { countOverdue, forEachComplaint, onInvalidRecord } from '@/lib/register/store/queries';
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
  const index = (await registerDb()).transaction('complaints').store.index('phase');
  await Promise.all(
    COUNT_ORDER.map(async (phase) => {
      const n = await index.count(phase);
      counts = { ...counts, byPhase: { ...counts.byPhase, [phase]: n } };
      show(counts);
    }),
  );
  counts = { ...counts, total: PHASES.reduce((sum, p) => sum + (counts.byPhase[p] ?? 0), 0) };
  show(counts);
  return counts;
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
      const show = (counts: NowCounts) => live && setData((d) => ({ ...d, counts, error: null }));
      const counts = await countNow(now, show);
      if (!live) return;
      setData((d) => ({ ...d, progress: { read: 0, total: counts.total ?? 0 } }));
      const stats = statsAccumulator(now, opts);
      const recurring = recurringAccumulator(now, opts);
      let read = 0;
      await forEachComplaint((c) => {
        // forEachComplaint cannot be stopped from outside: a stale pass throws out of it.
        if (!live) throw CANCELLED;
        stats.add(c);
        recurring.add(c);
        if (++read % PROGRESS_EVERY === 0) setData((d) => ({ ...d, progress: { read, total: counts.total ?? 0 } }));
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
