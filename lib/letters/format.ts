// How letters write dates and money: in words, the way a French company writes them ("le 1er mars 2026",
// "30,00 €"), English second ("1 March 2026", "€30.00"). Instants are read in Europe/Paris, whatever the machine.
import { dayParts, isIsoDay } from '../deadlines/civil-day';
import { parisDay } from '../deadlines/paris-time';
import type { Lang } from '../i18n';

/** French typography: a no-break space before "€", a narrow no-break space between thousands (as Intl fr-FR). */
export const NBSP = '\u00a0';
export const NNBSP = '\u202f';

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

/** A civil day ("2026-03-02") in words: "2 mars 2026", "1er mars 2026", "2 March 2026". */
export function dayInWords(day: string, lang: Lang): string {
  const { year, month, date } = dayParts(day);
  const words = new Intl.DateTimeFormat(LOCALES[lang], {
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

/** Euros with cents: "1 234,50 €" in French, "€1,234.50" in English. */
export function formatEuros(amount: number, lang: Lang): string {
  const cents = Math.round(Math.abs(amount) * 100);
  const units = String(Math.floor(cents / 100));
  const rest = String(cents % 100).padStart(2, '0');
  const sign = amount < 0 && cents > 0 ? '-' : '';
  if (lang === 'fr') return `${sign}${units.replace(/\B(?=(\d{3})+$)/g, NNBSP)},${rest}${NBSP}€`;
  return `${sign}€${units.replace(/\B(?=(\d{3})+$)/g, ',')}.${rest}`;
}

/** Reads an amount typed by an agent ("30", "30,5", "1 234,50 €", "€1,234.50"); undefined when it is not one.
 *  "1,234" or "1.234" alone are refused: a French and an English reader would not agree on the amount. */
export function parseAmount(input: string): number | undefined {
  let s = input.replace(/[\s\u00a0\u202f€]/g, '');
  if (/^\d{1,3}(,\d{3})+\.\d{1,2}$|^\d{1,3}(,\d{3}){2,}$/.test(s)) s = s.replace(/,/g, '');
  else if (/^\d{1,3}(\.\d{3})+,\d{1,2}$|^\d{1,3}(\.\d{3}){2,}$/.test(s)) s = s.replace(/\./g, '');
  s = s.replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return undefined;
  return Number(s);
}

/** A date typed in a date input (ISO day): undefined when it is not a real calendar day. */
export function parseInputDay(input: string): string | undefined {
  const s = input.trim();
  return isIsoDay(s) ? s : undefined;
}
