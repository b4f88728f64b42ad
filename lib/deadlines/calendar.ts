// Which civil days count: French public holidays (Code du travail art. L3133-1), the two extra
// Alsace-Moselle holidays (art. L3134-13: Vendredi saint, 26 décembre) and the firm's closure days.
import joursFeries from '@socialgouv/jours-feries';
import { type MessageKey, t } from '../i18n';
import { makeIsoDay, weekday, yearOf } from './civil-day';
import type { CalendarOptionsInput } from './policy';

export {
  addCalendarDays,
  addMonthsClamped,
  daysBetween,
  daysInMonth,
  type IsoDay,
  isIsoDay,
  isoDaySchema,
  makeIsoDay,
  weekday,
} from './civil-day';

/** Library holiday name → our translated label. An unknown future name is shown as the library spells it. */
const HOLIDAY_KEYS: Record<string, MessageKey> = {
  "Jour de l'an": 'deadlines.holiday.jourDeLAn',
  'Fête du travail': 'deadlines.holiday.feteDuTravail',
  'Victoire des alliés': 'deadlines.holiday.victoire1945',
  'Fête Nationale': 'deadlines.holiday.feteNationale',
  Assomption: 'deadlines.holiday.assomption',
  Toussaint: 'deadlines.holiday.toussaint',
  Armistice: 'deadlines.holiday.armistice',
  Noël: 'deadlines.holiday.noel',
  'Lundi de Pâques': 'deadlines.holiday.lundiDePaques',
  Ascension: 'deadlines.holiday.ascension',
  'Lundi de Pentecôte': 'deadlines.holiday.lundiDePentecote',
  'Vendredi Saint': 'deadlines.holiday.vendrediSaint',
  'Saint Étienne': 'deadlines.holiday.saintEtienne',
};

const HOUR_MS = 60 * 60 * 1000;

/**
 * The library builds each date with local-time `new Date(y, m, d)` and moves Easter-based ones by
 * 24 h steps, so a value may sit up to an hour off local midnight. Reading it 12 h later with the
 * local getters always lands on the intended civil day, whatever the machine's time zone.
 */
function civilDayOf(libraryDate: Date): string {
  const noon = new Date(libraryDate.getTime() + 12 * HOUR_MS);
  return makeIsoDay(noon.getFullYear(), noon.getMonth() + 1, noon.getDate());
}

const holidayCache = new Map<string, ReadonlyMap<string, string>>();

/** Public holidays of one year, day → library name; computed once per (year, Alsace-Moselle). */
function holidaysOfYear(year: number, alsaceMoselle: boolean): ReadonlyMap<string, string> {
  const cacheKey = `${year}:${alsaceMoselle}`;
  let holidays = holidayCache.get(cacheKey);
  if (!holidays) {
    const byDay = new Map<string, string>();
    for (const [name, date] of Object.entries(joursFeries(year, { alsace: alsaceMoselle }))) {
      byDay.set(civilDayOf(date), name);
    }
    holidays = byDay;
    holidayCache.set(cacheKey, holidays);
  }
  return holidays;
}

export interface Holiday {
  day: string;
  name: string;
}

/** Public holidays of a year, sorted by day, with their French (or current language) names. */
export function holidaysIn(year: number, opts: CalendarOptionsInput = {}): Holiday[] {
  return [...holidaysOfYear(year, opts.alsaceMoselle ?? false).entries()]
    .map(([day, name]) => ({ day, name: translateHoliday(name) }))
    .sort((a, b) => a.day.localeCompare(b.day));
}

function translateHoliday(libraryName: string): string {
  const key = HOLIDAY_KEYS[libraryName];
  return key ? t(key) : libraryName;
}

export function isHoliday(day: string, opts: CalendarOptionsInput = {}): boolean {
  return holidaysOfYear(yearOf(day), opts.alsaceMoselle ?? false).has(day);
}

/** The holiday's name, or undefined on an ordinary day. Closure days are not holidays. */
export function holidayName(day: string, opts: CalendarOptionsInput = {}): string | undefined {
  const name = holidaysOfYear(yearOf(day), opts.alsaceMoselle ?? false).get(day);
  return name === undefined ? undefined : translateHoliday(name);
}

export function isClosureDay(day: string, opts: CalendarOptionsInput = {}): boolean {
  return opts.closureDays?.includes(day) ?? false;
}

/** A day that is neither a public holiday nor a closure day (its weekday aside). */
function isOpenDay(day: string, opts: CalendarOptionsInput): boolean {
  return !isHoliday(day, opts) && !isClosureDay(day, opts);
}

/** Jour ouvré: Monday to Friday, not a holiday nor a closure day. */
export function isWorkingDayOuvre(day: string, opts: CalendarOptionsInput = {}): boolean {
  const dow = weekday(day);
  return dow >= 1 && dow <= 5 && isOpenDay(day, opts);
}

/** Jour ouvrable: Monday to Saturday, not a holiday nor a closure day. */
export function isWorkingDayOuvrable(day: string, opts: CalendarOptionsInput = {}): boolean {
  return weekday(day) !== 0 && isOpenDay(day, opts);
}
