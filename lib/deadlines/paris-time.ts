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

const HOUR_MS = 3_600_000;
/** Memo sizes: a server replaying a whole register asks for the same hours and days over and over (each
 *  `TZDate` asks Intl for the zone's offset, the largest cost of creating a complaint); cleared when full. */
const MEMO_MAX = 50_000;
const dayByHour = new Map<number, string>();
const wallClocks = new Map<string, string>();

function remember<K, V>(memo: Map<K, V>, key: K, value: V): V {
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(key, value);
  return value;
}

function parisDayAt(ms: number): string {
  const paris = new TZDate(ms, PARIS_TZ);
  return makeIsoDay(paris.getFullYear(), paris.getMonth() + 1, paris.getDate());
}

/** The civil day in Paris at that instant: 2026-05-12T22:30Z is already the 13th in Paris. */
export function parisDay(instant: Date | string): string {
  const ms = toInstant(instant).getTime();
  const hour = Math.floor(ms / HOUR_MS);
  const known = dayByHour.get(hour);
  if (known !== undefined) return known;
  const day = parisDayAt(ms);
  // Paris midnights fall on whole UTC hours (offsets of whole hours, changes at 01:00 UTC): the day is the
  // same all through a UTC hour whose first and last milliseconds agree; otherwise it is not memoised.
  if (parisDayAt(hour * HOUR_MS) === day && parisDayAt(hour * HOUR_MS + HOUR_MS - 1) === day) {
    remember(dayByHour, hour, day);
  }
  return day;
}

function parisWallClock(day: string, hours: number, minutes: number, seconds: number, ms: number): string {
  const key = `${day} ${hours}:${minutes}:${seconds}.${ms}`;
  const known = wallClocks.get(key);
  if (known !== undefined) return known;
  const { year, month, date } = dayParts(day);
  const paris = new TZDate(year, month - 1, date, hours, minutes, seconds, ms, PARIS_TZ);
  return remember(wallClocks, key, new Date(paris.getTime()).toISOString());
}

/** The instant of 00:00:00.000 Paris time that day, as `toISOString()`. */
export function startOfParisDay(day: string): string {
  return parisWallClock(day, 0, 0, 0, 0);
}

/** The instant of 23:59:59.999 Paris time that day (21:59:59.999Z in summer, 22:59:59.999Z in winter). */
export function endOfParisDay(day: string): string {
  return parisWallClock(day, 23, 59, 59, 999);
}
