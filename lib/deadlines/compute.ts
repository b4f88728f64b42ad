// When a clock falls due. Every counting rule lives here, once:
// - heures: receivedAt + n hours of real elapsed time (so a DST night is still 48 × 3600 s); never rolls.
// - day and month counts: the day of receipt does not count (CPC art. 641 al. 1); days are Paris civil days.
// - jours: receipt day + n calendar days, rolled when that day is not worked (CPC art. 642 al. 2).
// - joursOuvres / joursOuvrables: count only Mon-Fri / Mon-Sat days that are neither holidays nor
//   closure days; the last counted day is the due day, so no roll is needed (a Saturday may end jours ouvrables).
// - mois: same day number n months later, or that month's last day (CPC art. 641 al. 2); rolled as jours.
// - a day deadline ends at the end of its last day, Paris time (CPC art. 642 al. 1: "à vingt-quatre heures").
// - a clock rule may opt out (see ClockRuleSchema): `rollForward: false` keeps a maximum where the count
//   lands (ACPR's 2 months), `companyClosures: false` counts as if the company had no closure days.
import { z } from 'zod';
import { UserError } from '../i18n';
import { isClosureDay, isHoliday, isWorkingDayOuvrable, isWorkingDayOuvre } from './calendar';
import { addCalendarDays, addMonthsClamped, isoDaySchema, weekday } from './civil-day';
import { endOfParisDay, instantSchema, parisDay, toInstant } from './paris-time';
import {
  type CalendarOptionsInput,
  CalendarOptionsSchema,
  type ClockRule,
  ClockRuleSchema,
  type DurationUnit,
} from './policy';

export const DueDateSchema = z.object({
  /** Last day of the deadline, in Paris. */
  dueDay: isoDaySchema,
  /** The instant the deadline expires (`toISOString()` form). */
  dueAt: instantSchema,
  /** The day the count first landed on, when CPC art. 642 moved it to the next working day. */
  rolledFrom: isoDaySchema.optional(),
});
export type DueDate = z.infer<typeof DueDateSchema>;

/** A due date with the public holidays and closure days that lengthened it (skipped or rolled over). */
export interface DueDateExplained extends DueDate {
  holidaysSkipped: string[];
}

const HOUR_MS = 60 * 60 * 1000;
/** Ten years of consecutive closure days is a settings mistake, not a deadline. */
const MAX_STEPS = 3660;

type WorkingDays = 'ouvres' | 'ouvrables';
const IS_WORKING_DAY: Record<WorkingDays, (day: string, opts: CalendarOptionsInput) => boolean> = {
  ouvres: isWorkingDayOuvre,
  ouvrables: isWorkingDayOuvrable,
};

/** A holiday or closure day falling on a weekday that would otherwise count: it lengthens the deadline. */
function lengthens(day: string, kind: WorkingDays, opts: CalendarOptionsInput): boolean {
  const dow = weekday(day);
  const workedWeekday = dow !== 0 && (dow !== 6 || kind === 'ouvrables');
  return workedWeekday && (isHoliday(day, opts) || isClosureDay(day, opts));
}

/** Moves forward from `from` (excluded) until `n` working days have been counted; returns the last one. */
function countDays(from: string, n: number, kind: WorkingDays, opts: CalendarOptionsInput, skipped: string[]): string {
  let day = from;
  let counted = 0;
  for (let steps = 0; counted < n; steps++) {
    if (steps > MAX_STEPS) throw new UserError('deadlines.noWorkingDay', { day: from });
    day = addCalendarDays(day, 1);
    if (IS_WORKING_DAY[kind](day, opts)) counted++;
    else if (lengthens(day, kind, opts)) skipped.push(day);
  }
  return day;
}

/** CPC art. 642 al. 2: a deadline ending on a Saturday, Sunday, holiday or closure day runs to the next jour ouvré. */
function rollToWorkingDay(day: string, opts: CalendarOptionsInput, skipped: string[]): string {
  if (isWorkingDayOuvre(day, opts)) return day;
  if (lengthens(day, 'ouvres', opts)) skipped.push(day);
  return countDays(day, 1, 'ouvres', opts, skipped);
}

function lastCountedDay(
  receiptDay: string,
  amount: number,
  unit: Exclude<DurationUnit, 'heures'>,
  opts: CalendarOptionsInput,
  skipped: string[],
): string {
  switch (unit) {
    case 'jours':
      return addCalendarDays(receiptDay, amount);
    case 'mois':
      return addMonthsClamped(receiptDay, amount);
    case 'joursOuvres':
      return countDays(receiptDay, amount, 'ouvres', opts, skipped);
    case 'joursOuvrables':
      return countDays(receiptDay, amount, 'ouvrables', opts, skipped);
  }
}

/** Like computeDue, and also lists the holidays and closure days that lengthened the deadline. */
export function explainDue(
  receivedAt: string | Date,
  duration: ClockRule,
  opts: CalendarOptionsInput = {},
): DueDateExplained {
  const received = toInstant(receivedAt);
  const { amount, unit, rollForward, companyClosures } = ClockRuleSchema.parse(duration);
  const calendar = CalendarOptionsSchema.parse(companyClosures === false ? { ...opts, closureDays: [] } : opts);
  if (unit === 'heures') {
    const dueAt = new Date(received.getTime() + amount * HOUR_MS).toISOString();
    return { dueDay: parisDay(dueAt), dueAt, holidaysSkipped: [] };
  }
  const skipped: string[] = [];
  const counted = lastCountedDay(parisDay(received), amount, unit, calendar, skipped);
  const rolls = (unit === 'jours' || unit === 'mois') && rollForward !== false;
  const dueDay = rolls ? rollToWorkingDay(counted, calendar, skipped) : counted;
  const due: DueDateExplained = { dueDay, dueAt: endOfParisDay(dueDay), holidaysSkipped: skipped };
  if (dueDay !== counted) due.rolledFrom = counted;
  return due;
}

/** When a clock started at `receivedAt` for `duration` falls due (see the rules at the top of this file). */
export function computeDue(receivedAt: string | Date, duration: ClockRule, opts: CalendarOptionsInput = {}): DueDate {
  const { holidaysSkipped: _, ...due } = explainDue(receivedAt, duration, opts);
  return due;
}
