// The dashboard's figures read from the month aggregates (aggregates.ts keeps them): at any `now`, what
// `computeStats` (compute.ts) finds in a full pass over the complaints. Running clocks are sorted deadlines,
// counted overdue or running by a binary search. Pure: `now` is a parameter.
import { PHASES, type Phase } from '../register/schema';
import { type ClockAggregate, emptyMonth, lowerBound, type MonthAggregate, SEVERITY_KEYS } from './aggregates';
import {
  type DashboardStats,
  DEFAULT_STATS_OPTIONS,
  meanHoursOf,
  type SeverityKey,
  type StatsOptions,
} from './compute';
import { lastMonths } from './months';

/** Entries of a sorted list strictly below `v`: running deadlines already passed. */
const below = (list: readonly number[], v: number) => lowerBound(list, v);

/** The dashboard's figures at `now` from the month aggregates: what `computeStats` finds over the complaints. */
export function statsFromAggregates(
  aggregates: Iterable<MonthAggregate>,
  now: Date,
  opts: StatsOptions = DEFAULT_STATS_OPTIONS,
): DashboardStats {
  const nowMs = now.getTime();
  const span = lastMonths(now, opts.months);
  const byMonth = new Map<string, MonthAggregate>();
  const byPhase = Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>;
  let overdue = 0;
  for (const m of aggregates) {
    byMonth.set(m.month, m);
    for (const p of PHASES) byPhase[p] += m.phases[p];
    overdue += below(m.openDue, nowMs);
  }
  const tally = (k: ClockAggregate) => {
    const late = below(k.open, nowMs);
    return { met: k.met, metLate: k.metLate, overdue: late, running: k.running + k.open.length - late };
  };
  const share = (t: ReturnType<typeof tally>) => {
    const decided = t.met + t.metLate + t.overdue;
    return { ...t, onTime: decided === 0 ? null : t.met / decided };
  };
  const period = span.keys.map((key) => byMonth.get(key) ?? emptyMonth(key));
  const total = <K extends 'met' | 'metLate' | 'overdue' | 'running'>(
    tallies: ReturnType<typeof tally>[],
    key: K,
  ): number => tallies.reduce((n, t) => n + t[key], 0);
  const sumOf = (tallies: ReturnType<typeof tally>[]) => ({
    met: total(tallies, 'met'),
    metLate: total(tallies, 'metLate'),
    overdue: total(tallies, 'overdue'),
    running: total(tallies, 'running'),
  });
  const acks = period.map((m) => tally(m.ack));
  const answers = period.map((m) => tally(m.answer));
  const categories = new Map<string, number>();
  const bySeverity: Record<SeverityKey, number> = { 1: 0, 2: 0, 3: 0, 4: 0, unset: 0 };
  for (const m of period) {
    for (const [category, n] of m.categories) categories.set(category, (categories.get(category) ?? 0) + n);
    for (const k of SEVERITY_KEYS) bySeverity[k] += m.severities[k];
  }
  const add = (f: (m: MonthAggregate) => number) => period.reduce((n, m) => n + f(m), 0);
  return {
    at: now.toISOString(),
    since: new Date(span.starts[0] as number).toISOString(),
    total: PHASES.reduce((n, p) => n + byPhase[p], 0),
    byPhase,
    overdue,
    months: period.map((m, i) => ({
      month: m.month,
      received: m.received,
      ack: share(acks[i] as ReturnType<typeof tally>),
      answer: share(answers[i] as ReturnType<typeof tally>),
      compensation: { count: m.compensation.count, euros: m.compensation.cents / 100 },
      legal: { count: m.legal.count, euros: m.legal.cents / 100 },
    })),
    received: add((m) => m.received),
    ack: share(sumOf(acks)),
    answer: share(sumOf(answers)),
    meanHours: {
      ack: meanHoursOf(
        add((m) => m.ackMs),
        add((m) => m.ackN),
      ),
      answer: meanHoursOf(
        add((m) => m.answerMs),
        add((m) => m.answerN),
      ),
    },
    byCategory: [...categories]
      .filter(([, n]) => n !== 0)
      .map(([category, count]) => ({ category, count }))
      .sort((a, b) => b.count - a.count || (a.category < b.category ? -1 : 1)),
    bySeverity,
    compensation: { count: add((m) => m.compensation.count), euros: add((m) => m.compensation.cents) / 100 },
    legal: { count: add((m) => m.legal.count), euros: add((m) => m.legal.cents) / 100 },
  };
}
