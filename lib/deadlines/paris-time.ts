// Instants ↔ Europe/Paris civil days. A day deadline ends at midnight Paris time (CPC art. 642:
// "tout délai expire le dernier jour à vingt-quatre heures"), whatever the machine's zone.
import { TZDate } from '@date-fns/tz';
import { z } from 'zod';
import { t, UserError } from '../i18n';
import { dayParts, makeIsoDay } from './civil-day';

export const PARIS_TZ = 'Europe/Paris';

/** An ISO 8601 instant with its offset (`Z` or `+02:00`): a wall-clock time without zone would depend on the machine. */
export const instantSchema = z.iso.datetime({
  offset: true,
  error: (issue) => t('deadlines.badInstant', { text: String(issue.input) }),
});

/** Parses an instant (Date or ISO string with offset); throws a UserError on anything else. */
export function toInstant(value: Date | string): Date {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new UserError('deadlines.badInstant', { text: String(value) });
    return value;
  }
  if (!instantSchema.safeParse(value).success) throw new UserError('deadlines.badInstant', { text: value });
  return new Date(value);
}

/** The civil day in Paris at that instant: 2026-05-12T22:30Z is already the 13th in Paris. */
export function parisDay(instant: Date | string): string {
  const paris = new TZDate(toInstant(instant).getTime(), PARIS_TZ);
  return makeIsoDay(paris.getFullYear(), paris.getMonth() + 1, paris.getDate());
}

function parisWallClock(day: string, hours: number, minutes: number, seconds: number, ms: number): string {
  const { year, month, date } = dayParts(day);
  const paris = new TZDate(year, month - 1, date, hours, minutes, seconds, ms, PARIS_TZ);
  return new Date(paris.getTime()).toISOString();
}

/** The instant of 00:00:00.000 Paris time that day, as `toISOString()`. */
export function startOfParisDay(day: string): string {
  return parisWallClock(day, 0, 0, 0, 0);
}

/** The instant of 23:59:59.999 Paris time that day (21:59:59.999Z in summer, 22:59:59.999Z in winter). */
export function endOfParisDay(day: string): string {
  return parisWallClock(day, 23, 59, 59, 999);
}
