// The dashboard's figures, computed in ONE streaming pass: feed the accumulator complaint by complaint
// (straight from the IndexedDB cursor), then `finish()`. Nothing but counters is kept, so a register of
// 100,000 complaints is never held twice in memory. Pure: `now` is a parameter.
//
// Definitions (Europe/Paris months, the last `months` ones, the current month included):
// - "now" figures cover the whole register: complaints by phase, and complaints overdue now (a running
//   clock past its deadline: the badge's count);
// - period figures cover the complaints RECEIVED in the window, except those qualified "not a complaint"
//   (their clocks do not apply): number received, shares within the deadline, mean times, by category
//   and by severity;
// - compensation is counted in the month it was granted: its execution date, else the answer date.
//   A remedy owed by law (refund, replacement, repair: L217-3 s., L216-2) is not a compensation the company
//   chose to grant: it is counted apart, as `legal`, whose euros are the refunds paid.
// - an anonymised complaint has month-only dates: its clocks' met/late status and durations come from the
//   `durations` kept before the dates were coarsened, so the figures stay the same.
import { clockStatus } from '../deadlines/clock';
import { paysMoney } from '../register/compensation';
import { CLOCKLESS_PHASES } from '../register/phases';
import { type Complaint, PHASES, type Phase } from '../register/schema';
import { lastMonths, type MonthWindow, monthIndex } from './months';

export interface StatsOptions {
  /** How many Paris months the period figures cover (the current one included). */
  months: number;
}
export const DEFAULT_STATS_OPTIONS: StatsOptions = { months: 12 };

/**
 * One clock (acknowledgement or answer) over a set of complaints. `onTime` = met / (met + metLate + overdue):
 * a clock still running before its deadline counts neither way (it may yet be met); once its deadline
 * passes unmet it counts as late (overdue now), and later as metLate if it is met after the deadline.
 */
export interface ClockTally {
  met: number;
  metLate: number;
  overdue: number;
  running: number;
  onTime: number | null;
}

export interface Money {
  count: number;
  euros: number;
}

export interface MonthStats {
  month: string;
  received: number;
  ack: ClockTally;
  answer: ClockTally;
  /** Financial compensation and gestes commerciaux. */
  compensation: Money;
  /** Remedies owed by law: all of them counted, the refunds' euros summed. */
  legal: Money;
}

export type SeverityKey = '1' | '2' | '3' | '4' | 'unset';

export interface DashboardStats {
  /** When the figures were computed, and where the period starts (ISO instants). */
  at: string;
  since: string;
  total: number;
  byPhase: Record<Phase, number>;
  overdue: number;
  months: MonthStats[];
  /** Period totals: the sum of the months. */
  received: number;
  ack: ClockTally;
  answer: ClockTally;
  /** Mean hours from receipt to the clock's stop, over stopped clocks (on time or late: the late ones count too). */
  meanHours: { ack: number | null; answer: number | null };
  byCategory: { category: string; count: number }[];
  bySeverity: Record<SeverityKey, number>;
  compensation: Money;
  legal: Money;
}

type Status = 'met' | 'metLate' | 'overdue' | 'running';
type Kept = NonNullable<NonNullable<Complaint['durations']>['ack']>;
type Tally = Omit<ClockTally, 'onTime'>;
const HOUR_MS = 3_600_000;

const tally = (): Tally => ({ met: 0, metLate: 0, overdue: 0, running: 0 });
const share = (t: Tally): ClockTally => {
  const decided = t.met + t.metLate + t.overdue;
  return { ...t, onTime: decided === 0 ? null : t.met / decided };
};
const sum = (tallies: Tally[]): Tally =>
  tallies.reduce(
    (a, b) => ({
      met: a.met + b.met,
      metLate: a.metLate + b.metLate,
      overdue: a.overdue + b.overdue,
      running: a.running + b.running,
    }),
    tally(),
  );

/** The clock's state at `now` as lib/deadlines/clock.ts says it; "due soon" is still running. An anonymised
 *  complaint's stopped clock reads its status from the durations kept before its dates went to the month. */
function statusOf(clock: Complaint['clocks']['ack'], now: Date, kept?: Kept): Status {
  if (kept) return kept.late ? 'metLate' : 'met';
  const status = clockStatus(clock, now, 0);
  return status === 'met' || status === 'metLate' || status === 'overdue' ? status : 'running';
}

/** Mean hours of `n` durations summing to `ms`. Durations are summed in whole milliseconds, not hours, so
 *  that the sum is the same in any order: the maintained aggregates (aggregates.ts) give the same figure. */
export function meanHoursOf(ms: number, n: number): number | null {
  return n === 0 ? null : ms / n / HOUR_MS;
}

export interface StatsAccumulator {
  add(c: Complaint): void;
  finish(): DashboardStats;
}

export function statsAccumulator(now: Date, opts: StatsOptions = DEFAULT_STATS_OPTIONS): StatsAccumulator {
  const span: MonthWindow = lastMonths(now, opts.months);
  const months = span.keys.map(() => ({
    received: 0,
    ack: tally(),
    answer: tally(),
    count: 0,
    cents: 0,
    legalCount: 0,
    legalCents: 0,
  }));
  const byPhase = Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>;
  const byCategory = new Map<string, number>();
  const bySeverity: Record<SeverityKey, number> = { 1: 0, 2: 0, 3: 0, 4: 0, unset: 0 };
  const hours = { ack: { ms: 0, n: 0 }, answer: { ms: 0, n: 0 } };
  let total = 0;
  let overdue = 0;

  return {
    add(c) {
      total++;
      byPhase[c.phase]++;
      const clockless = CLOCKLESS_PHASES.includes(c.phase);
      const { ack, answer } = c.clocks;
      const late = (k: typeof ack) => k.metAt === null && statusOf(k, now) === 'overdue';
      if (!clockless && (late(ack) || late(answer))) overdue++;

      if (c.compensation.kind !== 'none') {
        const grantedAt = c.compensation.executedAt ?? answer.metAt;
        const m = grantedAt === null ? undefined : months[monthIndex(span, Date.parse(grantedAt))];
        if (m) {
          // In cents, so that 0.1 + 0.2 adds up to 0.30 €.
          // An anonymised amount is only a bracket now (lib/register/coarsen.ts): it counts at its floor.
          const cents = Math.round((c.compensation.amountEuros ?? c.compensation.amountRange?.min ?? 0) * 100);
          if (c.compensation.kind === 'legal') {
            m.legalCount++;
            // Money only for a refund: a replacement or a repair pays nothing.
            if (paysMoney(c.compensation)) m.legalCents += cents;
          } else {
            m.count++;
            m.cents += cents;
          }
        }
      }

      if (clockless) return;
      const received = Date.parse(c.receivedAt);
      const m = months[monthIndex(span, received)];
      if (!m) return;
      m.received++;
      m.ack[statusOf(ack, now, c.durations?.ack ?? undefined)]++;
      m.answer[statusOf(answer, now, c.durations?.answer ?? undefined)]++;
      byCategory.set(c.category, (byCategory.get(c.category) ?? 0) + 1);
      bySeverity[c.severity === null ? 'unset' : (`${c.severity}` as SeverityKey)]++;
      for (const k of ['ack', 'answer'] as const) {
        const metAt = c.clocks[k].metAt;
        if (metAt === null) continue;
        // Anonymised: the exact duration was kept; a clock stopped after the anonymisation cannot be measured
        // (its receipt date is only a month now), so it is left out rather than counted wrong.
        const ms = c.durations ? c.durations[k]?.ms : Date.parse(metAt) - received;
        if (ms === undefined) continue;
        hours[k].ms += ms;
        hours[k].n++;
      }
    },

    finish() {
      const perMonth: MonthStats[] = months.map((m, i) => ({
        month: span.keys[i] as string,
        received: m.received,
        ack: share(m.ack),
        answer: share(m.answer),
        compensation: { count: m.count, euros: m.cents / 100 },
        legal: { count: m.legalCount, euros: m.legalCents / 100 },
      }));
      const cents = months.reduce((a, m) => a + m.cents, 0);
      const legalCents = months.reduce((a, m) => a + m.legalCents, 0);
      return {
        at: now.toISOString(),
        since: new Date(span.starts[0] as number).toISOString(),
        total,
        byPhase,
        overdue,
        months: perMonth,
        received: months.reduce((a, m) => a + m.received, 0),
        ack: share(sum(months.map((m) => m.ack))),
        answer: share(sum(months.map((m) => m.answer))),
        meanHours: {
          ack: meanHoursOf(hours.ack.ms, hours.ack.n),
          answer: meanHoursOf(hours.answer.ms, hours.answer.n),
        },
        byCategory: [...byCategory]
          .map(([category, count]) => ({ category, count }))
          .sort((a, b) => b.count - a.count || (a.category < b.category ? -1 : 1)),
        bySeverity,
        compensation: { count: months.reduce((a, m) => a + m.count, 0), euros: cents / 100 },
        legal: { count: months.reduce((a, m) => a + m.legalCount, 0), euros: legalCents / 100 },
      };
    },
  };
}

/** The figures of `complaints` at `now`, in one pass. */
export function computeStats(
  complaints: Iterable<Complaint>,
  now: Date,
  opts: StatsOptions = DEFAULT_STATS_OPTIONS,
): DashboardStats {
  const acc = statsAccumulator(now, opts);
  for (const c of complaints) acc.add(c);
  return acc.finish();
}
