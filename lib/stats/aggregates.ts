// The dashboard's figures kept as aggregates, so that the page reads a few dozen small records instead of
// passing over the whole register. Each complaint makes one `StatsContribution` (what it adds to which
// month); the register keeps one `MonthAggregate` per Paris month, the sum of the contributions, updated in
// the transaction of every write (lib/register/store/stats.ts) by removing the old contribution and adding
// the new one. `statsFromAggregates` turns them into the very figures `computeStats` finds in a full pass
// (compute.ts holds the definitions; a test holds both equal after long random sequences of writes).
//
// Time: what a write fixes does not change with time, except whether a running clock is past its deadline.
// A running clock is therefore kept as its deadline (epoch ms) in a sorted list, and counted overdue or
// running at read time by a binary search: exact at any `now`, without reading a complaint.
// Sums are integers (milliseconds, cents), so adding and removing in any order gives the same figures.
// Pure: `now` is a parameter.
import { z } from 'zod';
import { clockStatus } from '../deadlines/clock';
import { parisDay } from '../deadlines/paris-time';
import { paysMoney } from '../register/compensation';
import { CLOCKLESS_PHASES } from '../register/phases';
import { type Complaint, PHASES, type Phase, PhaseSchema } from '../register/schema';
import type { SeverityKey } from './compute';

/** Bumped whenever `contributionOf` changes meaning: the repair then counts every complaint again. */
export const STATS_VERSION = 1;

export const SEVERITY_KEYS = ['1', '2', '3', '4', 'unset'] as const satisfies readonly SeverityKey[];
const count = z.number().int();

/** A clock's share in its month: settled (met, metLate, or running for good), or running until its deadline. */
const ClockPartSchema = z.union([z.enum(['met', 'metLate', 'running']), z.number()]);
type ClockPart = z.infer<typeof ClockPartSchema>;

export const StatsContributionSchema = z.object({
  /** Paris month (`YYYY-MM`) of receipt; '' for a date that does not parse. */
  month: z.string().max(10),
  phase: PhaseSchema,
  /** The period figures (null in a phase whose clocks do not apply). */
  period: z
    .object({
      category: z.string().max(100),
      severity: z.enum(SEVERITY_KEYS),
      ack: ClockPartSchema,
      answer: ClockPartSchema,
      /** Ms from receipt to the clock's stop, when it can be measured. */
      ackMs: z.number().nullable(),
      answerMs: z.number().nullable(),
    })
    .nullable(),
  /** The earliest deadline of its running clocks: the complaint is overdue now once it passes. */
  openDue: z.number().nullable(),
  /** A compensation or legal remedy granted, in the Paris month it was granted. */
  grant: z.object({ month: z.string().max(10), legal: z.boolean(), cents: count }).nullable(),
});
export type StatsContribution = z.infer<typeof StatsContributionSchema>;

const ClockAggregateSchema = z.object({
  met: count,
  metLate: count,
  running: count,
  /** Deadlines (epoch ms) of the clocks still running, sorted. */
  open: z.array(z.number()),
});
export type ClockAggregate = z.infer<typeof ClockAggregateSchema>;

const MoneyAggregateSchema = z.object({ count, cents: count });

export const MonthAggregateSchema = z.object({
  month: z.string().max(10),
  /** Every complaint received this month, by phase (the "now" figures sum every month). */
  phases: z.object(Object.fromEntries(PHASES.map((p) => [p, count])) as Record<Phase, typeof count>),
  /** Complaints received this month whose clocks apply: the period figures. */
  received: count,
  ack: ClockAggregateSchema,
  answer: ClockAggregateSchema,
  ackMs: z.number(),
  ackN: count,
  answerMs: z.number(),
  answerN: count,
  /** [category, count] pairs sorted by category, none at 0 (pairs: a category id is free text). */
  categories: z.array(z.tuple([z.string(), count])),
  severities: z.object(Object.fromEntries(SEVERITY_KEYS.map((k) => [k, count])) as Record<SeverityKey, typeof count>),
  /** Granted this month (by the grant's month, not the receipt's). */
  compensation: MoneyAggregateSchema,
  legal: MoneyAggregateSchema,
  /** Earliest running deadline of each complaint received this month, sorted: "overdue now". */
  openDue: z.array(z.number()),
});
export type MonthAggregate = z.infer<typeof MonthAggregateSchema>;

/** The Paris month of an instant, as lastMonths/monthIndex cut them; '' when it does not parse. */
export function monthOf(ms: number): string {
  return Number.isFinite(ms) ? parisDay(new Date(ms)).slice(0, 7) : '';
}

/** A clock's share: its settled status (as compute.ts's statusOf says it), or its running deadline. */
function clockPart(clock: Complaint['clocks']['ack'], kept: { late: boolean } | null | undefined): ClockPart {
  if (kept) return kept.late ? 'metLate' : 'met';
  if (clock.metAt) return clockStatus(clock, new Date(0), 0) === 'met' ? 'met' : 'metLate';
  const due = Date.parse(clock.dueAt);
  return Number.isNaN(due) ? 'running' : due;
}

/** What complaint `c` adds to the aggregates: the one place that says it. */
export function contributionOf(c: Complaint): StatsContribution {
  const received = Date.parse(c.receivedAt);
  const clockless = CLOCKLESS_PHASES.includes(c.phase);
  const { ack, answer } = c.clocks;

  let grant: StatsContribution['grant'] = null;
  if (c.compensation.kind !== 'none') {
    const grantedAt = c.compensation.executedAt ?? answer.metAt;
    const month = grantedAt === null ? '' : monthOf(Date.parse(grantedAt));
    if (month !== '') {
      const cents = Math.round((c.compensation.amountEuros ?? c.compensation.amountRange?.min ?? 0) * 100);
      const legal = c.compensation.kind === 'legal';
      grant = { month, legal, cents: legal && !paysMoney(c.compensation) ? 0 : cents };
    }
  }

  let openDue: number | null = null;
  if (!clockless) {
    for (const k of [ack, answer]) {
      const part = k.metAt === null ? clockPart(k, null) : null;
      if (typeof part === 'number' && (openDue === null || part < openDue)) openDue = part;
    }
  }

  const measured = (k: 'ack' | 'answer'): number | null => {
    const metAt = c.clocks[k].metAt;
    if (metAt === null) return null;
    // As compute.ts: an anonymised complaint's kept duration, else receipt to stop.
    const ms = c.durations ? c.durations[k]?.ms : Date.parse(metAt) - received;
    return ms ?? null;
  };

  return {
    month: monthOf(received),
    phase: c.phase,
    period: clockless
      ? null
      : {
          category: c.category,
          severity: c.severity === null ? 'unset' : (`${c.severity}` as SeverityKey),
          ack: clockPart(ack, c.durations?.ack),
          answer: clockPart(answer, c.durations?.answer),
          ackMs: measured('ack'),
          answerMs: measured('answer'),
        },
    openDue,
    grant,
  };
}

/** Whether two contributions add the same (a write that changes none of them touches no aggregate). */
export function sameContribution(a: StatsContribution | null, b: StatsContribution | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The months a contribution touches (one or two). */
export function monthsOf(c: StatsContribution): string[] {
  return c.grant && c.grant.month !== c.month ? [c.month, c.grant.month] : [c.month];
}

const clockAggregate = (): ClockAggregate => ({ met: 0, metLate: 0, running: 0, open: [] });

export function emptyMonth(month: string): MonthAggregate {
  return {
    month,
    phases: Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>,
    received: 0,
    ack: clockAggregate(),
    answer: clockAggregate(),
    ackMs: 0,
    ackN: 0,
    answerMs: 0,
    answerN: 0,
    categories: [],
    severities: { 1: 0, 2: 0, 3: 0, 4: 0, unset: 0 },
    compensation: { count: 0, cents: 0 },
    legal: { count: 0, cents: 0 },
    openDue: [],
  };
}

/** Index of the first item >= v (lower bound) in a sorted list. */
export function lowerBound(list: readonly number[], v: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function addSorted(list: number[], v: number, sign: 1 | -1): void {
  const at = lowerBound(list, v);
  if (sign === 1) list.splice(at, 0, v);
  else if (list[at] === v) list.splice(at, 1);
}

function addCategory(pairs: [string, number][], category: string, sign: 1 | -1): void {
  let lo = 0;
  let hi = pairs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((pairs[mid] as [string, number])[0] < category) lo = mid + 1;
    else hi = mid;
  }
  const pair = pairs[lo];
  if (pair && pair[0] === category) {
    pair[1] += sign;
    if (pair[1] === 0) pairs.splice(lo, 1);
  } else pairs.splice(lo, 0, [category, sign]);
}

function addClock(agg: ClockAggregate, part: ClockPart, sign: 1 | -1): void {
  if (typeof part === 'number') addSorted(agg.open, part, sign);
  else agg[part] += sign;
}

/**
 * Adds (sign 1) or removes (sign -1) contribution `c` into `months` (month → aggregate), making the months it
 * touches when missing. Mutates.
 */
export function applyContribution(months: Map<string, MonthAggregate>, c: StatsContribution, sign: 1 | -1): void {
  const month = (key: string) => {
    let m = months.get(key);
    if (!m) {
      m = emptyMonth(key);
      months.set(key, m);
    }
    return m;
  };
  const m = month(c.month);
  m.phases[c.phase] += sign;
  if (c.openDue !== null) addSorted(m.openDue, c.openDue, sign);
  const p = c.period;
  if (p) {
    m.received += sign;
    addClock(m.ack, p.ack, sign);
    addClock(m.answer, p.answer, sign);
    if (p.ackMs !== null) {
      m.ackMs += sign * p.ackMs;
      m.ackN += sign;
    }
    if (p.answerMs !== null) {
      m.answerMs += sign * p.answerMs;
      m.answerN += sign;
    }
    addCategory(m.categories, p.category, sign);
    m.severities[p.severity] += sign;
  }
  if (c.grant) {
    const money = month(c.grant.month)[c.grant.legal ? 'legal' : 'compensation'];
    money.count += sign;
    money.cents += sign * c.grant.cents;
  }
}

/** Whether a month holds nothing any more (it is then deleted, so that equal registers hold equal months). */
export function isEmptyMonth(m: MonthAggregate): boolean {
  return JSON.stringify(m) === JSON.stringify(emptyMonth(m.month));
}

/** The aggregates of a set of contributions, from scratch. */
export function foldContributions(contributions: Iterable<StatsContribution>): Map<string, MonthAggregate> {
  const months = new Map<string, MonthAggregate>();
  for (const c of contributions) applyContribution(months, c, 1);
  for (const [key, m] of months) if (isEmptyMonth(m)) months.delete(key);
  return months;
}

/** Months in a canonical order and form, to compare two sets of aggregates. */
export function canonicalMonths(months: Iterable<MonthAggregate>): string {
  return JSON.stringify(
    [...months].filter((m) => !isEmptyMonth(m)).sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0)),
  );
}
