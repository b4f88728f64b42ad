// Webmail dates as the pages show them: local wall time, no zone, English or French, e.g.
// "Apr 9, 2025, 3:02 AM" (U+202F before AM), "Tue, Apr 8, 2025, 11:26 AM", "Thu, Dec 18, 2014 at 12:35 PM",
// "9 avr. 2025, 15:02", "mar. 8 avr. 2025, 11:26"; Outlook's numeric "mar. 08/04/2025 11:26" too.
// They are read in the viewer's zone with Intl (no dependency).

// biome-ignore format: a table reads better one month per line
const MONTHS: Record<string, number> = {
  jan: 1, january: 1, janv: 1, janvier: 1,
  feb: 2, february: 2, fev: 2, fevr: 2, fevrier: 2,
  mar: 3, march: 3, mars: 3,
  apr: 4, april: 4, avr: 4, avril: 4,
  may: 5, mai: 5,
  jun: 6, june: 6, juin: 6,
  jul: 7, july: 7, juil: 7, juillet: 7,
  aug: 8, august: 8, aou: 8, aout: 8,
  sep: 9, sept: 9, september: 9, septembre: 9,
  oct: 10, october: 10, octobre: 10,
  nov: 11, november: 11, novembre: 11,
  dec: 12, december: 12, decembre: 12,
};

// Time first, so its digits are not taken for the day: "3:02 am", "15:02", "15 h 02", "12:35 p.m.".
const TIME = /\b(\d{1,2})\s?[:h]\s?(\d{2})(?::(\d{2}))?(?:\s?([ap])\.?\s?m\b\.?)?/;
const YEAR = /\b(\d{4})\b/;
// Outlook's numeric form, "08/04/2025" or "4/8/2025": the order depends on the page's language.
const NUMERIC_DATE = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/;
const DAY = /\b(\d{1,2})(?:er)?\b/;

/** Lower-case, accents and the narrow/non-breaking spaces Gmail puts before AM/PM removed. */
function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000]/g, ' ')
    .replace(/\([^)]*\)/g, ' ') // "(5 hours ago)", "(il y a 5 heures)"
    .toLowerCase();
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Offset of `timeZone` from UTC at the instant `utcMs`, in milliseconds. */
function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(utcMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    (parts.hour ?? 0) % 24,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** The UTC instant at which the wall clock of `timeZone` shows the given time (DST-aware, two passes). */
export function wallTimeToUtc(
  wall: { year: number; month: number; day: number; hour: number; minute: number; second?: number },
  timeZone: string,
): Date {
  const wallMs = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second ?? 0);
  const first = zoneOffsetMs(wallMs, timeZone);
  const second = zoneOffsetMs(wallMs - first, timeZone);
  return new Date(wallMs - second);
}

export interface DateReading {
  /** How to read an all-numeric date: 'dmy' (French, British) unless the page says en-US ('mdy'). */
  numericOrder?: 'dmy' | 'mdy';
}

/**
 * Parses a webmail date (English or French, as above) shown in `timeZone` and returns the ISO instant,
 * or null when the text is not a full date with a time, or the zone is unknown.
 */
export function parseWebmailDate(
  text: string | null | undefined,
  timeZone: string,
  reading: DateReading = {},
): string | null {
  if (!text || !isValidTimeZone(timeZone)) return null;
  let rest = normalize(text);
  const numeric = NUMERIC_DATE.exec(rest);
  if (numeric) rest = rest.replace(numeric[0], ' ');

  const time = TIME.exec(rest);
  if (!time) return null;
  rest = rest.replace(time[0], ' ');
  let hour = Number(time[1]);
  const minute = Number(time[2]);
  const seconds = time[3] ? Number(time[3]) : 0;
  const meridiem = time[4];
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || seconds > 59) return null;

  if (numeric) {
    const [a, b] = [Number(numeric[1]), Number(numeric[2])];
    const [day, month] = reading.numericOrder === 'mdy' ? [b, a] : [a, b];
    return checkedUtc(Number(numeric[3]), month, day, hour, minute, seconds, timeZone);
  }

  const year = YEAR.exec(rest);
  if (!year) return null;
  rest = rest.replace(year[0], ' ');

  // French "mar." is Tuesday and English "Mar" is March: when two month words appear, the weekday comes first.
  const monthWords = (rest.match(/[a-z]+/g) ?? []).filter((word) => word in MONTHS);
  const monthWord = monthWords.at(-1);
  if (!monthWord) return null;
  const month = MONTHS[monthWord] ?? 0;

  const day = DAY.exec(rest);
  if (!day) return null;
  return checkedUtc(Number(year[1]), month, Number(day[1]), hour, minute, seconds, timeZone);
}

/** The ISO instant of a wall time, or null when the calendar date does not exist (30 February). */
function checkedUtc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  timeZone: string,
): string | null {
  const check = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return wallTimeToUtc({ year, month, day, hour, minute, second }, timeZone).toISOString();
}
