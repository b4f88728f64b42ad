// What anonymisation keeps of a complaint's dates and amount, reduced so that they no longer single out the
// customer (GDPR recital 26: a precise date and amount can be matched against the company's own accounts
// and mail). Pure. Dates go to their Europe/Paris month (the statistics' months, so every month count stays
// the same), the amount to a bracket, and the durations the dashboard measures exactly are kept as numbers
// before the dates go.
//
// A clock still running keeps its exact due dates: an open complaint erased on request must still be
// answered on time, and its deadline belongs to the company's process, not to the customer.
import { parisDay, startOfParisDay } from '../deadlines/paris-time';
import { CLOCKLESS_PHASES } from './phases';
import type { Complaint } from './schema';

/** The instant 00:00 in Paris on the first day of the instant's Paris month. */
export const monthStartInstant = (at: string) => startOfParisDay(`${parisDay(at).slice(0, 7)}-01`);
/** "2026-03-17" → "2026-03-01". */
export const monthStartDay = (day: string) => `${day.slice(0, 7)}-01`;

/** Bracket bounds in euros: "50–100 €". The last bracket has no upper bound. */
export const AMOUNT_BRACKETS = [0, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000] as const;

export function amountRangeOf(euros: number): { min: number; max: number | null } {
  let i = AMOUNT_BRACKETS.length - 1;
  while (i > 0 && euros < (AMOUNT_BRACKETS[i] as number)) i--;
  return { min: AMOUNT_BRACKETS[i] as number, max: AMOUNT_BRACKETS[i + 1] ?? null };
}

type Clock = Complaint['clocks']['ack'];

const isRunning = (c: Complaint, clock: Clock) => clock.metAt === null && !CLOCKLESS_PHASES.includes(c.phase);

/** Per clock, the exact time from receipt to its stop and whether it stopped late: what compute.ts needs. */
export function durationsOf(c: Complaint): NonNullable<Complaint['durations']> {
  const received = Date.parse(c.receivedAt);
  const of = (clock: Clock) =>
    clock.metAt === null
      ? null
      : { ms: Date.parse(clock.metAt) - received, late: Date.parse(clock.metAt) > Date.parse(clock.dueAt) };
  return { ack: of(c.clocks.ack), answer: of(c.clocks.answer) };
}

const instant = <T extends string | null>(v: T): T => (v === null ? v : (monthStartInstant(v) as T));
const day = <T extends string | null>(v: T): T => (v === null ? v : (monthStartDay(v) as T));

function coarseClock(c: Complaint, clock: Clock): Clock {
  if (isRunning(c, clock)) return clock;
  return {
    ...clock,
    dueAt: instant(clock.dueAt),
    dueDay: day(clock.dueDay),
    metAt: instant(clock.metAt),
    extensions: clock.extensions.map((e) => ({
      ...e,
      newDueAt: instant(e.newDueAt),
      customerToldAt: instant(e.customerToldAt),
      at: instant(e.at),
    })),
  };
}

/** `c` with every date of the customer's case reduced to its month (running clocks excepted, see above). */
export function coarsenDates(c: Complaint): Complaint {
  return {
    ...c,
    receivedAt: instant(c.receivedAt),
    createdAt: instant(c.createdAt),
    loggedAt: instant(c.loggedAt),
    clocks: { ack: coarseClock(c, c.clocks.ack), answer: coarseClock(c, c.clocks.answer) },
    compensation: {
      ...c.compensation,
      executedAt: instant(c.compensation.executedAt),
      dueDay: day(c.compensation.dueDay),
    },
    followUp: c.followUp.map((a) => ({
      ...a,
      dueDay: day(a.dueDay),
      doneAt: instant(a.doneAt),
      effectiveness: { ...a.effectiveness, checkedAt: instant(a.effectiveness.checkedAt) },
    })),
    mediation: { ...c.mediation, referredAt: instant(c.mediation.referredAt) },
    letters: c.letters.map((l) => ({
      ...l,
      at: instant(l.at),
      ...(l.extensionAt === undefined ? {} : { extensionAt: instant(l.extensionAt) }),
    })),
    notes: c.notes.map((n) => ({ ...n, at: instant(n.at) })),
    closure: { ...c.closure, closedAt: instant(c.closure.closedAt) },
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** Whether a value holds a calendar date or an instant anywhere inside it. */
export function holdsDate(value: unknown): boolean {
  if (typeof value === 'string') return ISO_DATE.test(value);
  if (Array.isArray(value)) return value.some(holdsDate);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(holdsDate);
  return false;
}
