// Civil days ("2026-05-14") as plain ISO strings. All arithmetic goes through Date.UTC, never the
// machine's local time, so a count gives the same answer on any computer and across DST changes.
import { z } from 'zod';
import { t, UserError } from '../i18n';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

function splitDay(day: string): { year: number; month: number; date: number } | undefined {
  const match = ISO_DAY.exec(day);
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || date < 1 || date > daysInMonth(year, month)) return undefined;
  return { year, month, date };
}

export function isIsoDay(value: string): boolean {
  return splitDay(value) !== undefined;
}

/** A real calendar day written `YYYY-MM-DD` (so `2027-02-29` is refused). */
export const isoDaySchema = z
  .string()
  .refine(isIsoDay, { error: (issue) => t('deadlines.badDay', { text: String(issue.input) }) });
export type IsoDay = z.infer<typeof isoDaySchema>;

/** Year, month (1-12) and day of month of an ISO day; throws a UserError on a malformed or impossible day. */
export function dayParts(day: string): { year: number; month: number; date: number } {
  const split = splitDay(day);
  if (!split) throw new UserError('deadlines.badDay', { text: day });
  return split;
}

/** Builds an ISO day from a year, a month (1-12) and a day of month. */
export function makeIsoDay(year: number, month: number, date: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

function toUtcMs(day: string): number {
  const { year, month, date } = dayParts(day);
  return Date.UTC(year, month - 1, date);
}

function fromUtcMs(ms: number): string {
  const d = new Date(ms);
  return makeIsoDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addCalendarDays(day: string, n: number): string {
  return fromUtcMs(toUtcMs(day) + n * DAY_MS);
}

/** Day of week with the JavaScript convention: 0 = dimanche, 1 = lundi, …, 6 = samedi. */
export function weekday(day: string): number {
  return new Date(toUtcMs(day)).getUTCDay();
}

/** Same day number `n` months later, or the last day of that month when it has no such day (31 jan + 1 = 28/29 fév). */
export function addMonthsClamped(day: string, n: number): string {
  const { year, month, date } = dayParts(day);
  const index = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return makeIsoDay(targetYear, targetMonth, Math.min(date, daysInMonth(targetYear, targetMonth)));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

export function yearOf(day: string): number {
  return dayParts(day).year;
}
