// How letters write dates: in words, the way a French company writes them ("le 1er mars 2026"), English
// second ("1 March 2026"). Instants are read in Europe/Paris, whatever the machine. Money: lib/i18n/money.ts.
import { dayParts, isIsoDay } from '../deadlines/civil-day';
import { parisDay } from '../deadlines/paris-time';
import type { Lang } from '../i18n';
import { intlLocale } from '../i18n/locale';

/** A civil day ("2026-03-02") in words: "2 mars 2026", "1er mars 2026", "2 March 2026". */
export function dayInWords(day: string, lang: Lang): string {
  const { year, month, date } = dayParts(day);
  const words = new Intl.DateTimeFormat(intlLocale(lang), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, date)));
  // French writes the first day of a month as an ordinal: "le 1er mars".
  return lang === 'fr' && date === 1 ? words.replace(/^1 /, '1er ') : words;
}

/** An instant in words, as the day it was in Paris: 2026-03-02T23:30Z is "3 mars 2026". */
export function instantInWords(instant: Date | string, lang: Lang): string {
  return dayInWords(parisDay(instant), lang);
}

/** A date typed in a date input (ISO day): undefined when it is not a real calendar day. */
export function parseInputDay(input: string): string | undefined {
  const s = input.trim();
  return isIsoDay(s) ? s : undefined;
}
