// Euros as people write them: the one formatter ("1 234,50 €", "€1,234.50") and the one parser of an amount
// typed by a person, used by the letters, the answer step and the options form alike.
import type { Lang } from '.';

/** French typography: a no-break space before "€", a narrow no-break space between thousands (as Intl fr-FR). */
const NBSP = '\u00a0';
const NNBSP = '\u202f';

/** Euros with cents: "1 234,50 €" in French, "€1,234.50" in English. */
export function formatEuros(amount: number, lang: Lang): string {
  const cents = Math.round(Math.abs(amount) * 100);
  const units = String(Math.floor(cents / 100));
  const rest = String(cents % 100).padStart(2, '0');
  const sign = amount < 0 && cents > 0 ? '-' : '';
  if (lang === 'fr') return `${sign}${units.replace(/\B(?=(\d{3})+$)/g, NNBSP)},${rest}${NBSP}€`;
  return `${sign}€${units.replace(/\B(?=(\d{3})+$)/g, ',')}.${rest}`;
}

/** Reads an amount typed by a person ("30", "30,5", "1 234,50 €", "€1,234.50"); undefined when it is not one.
 *  "1,234" or "1.234" alone are refused: a French and an English reader would not agree on the amount. */
export function parseAmount(input: string): number | undefined {
  let s = input.replace(/[\s\u00a0\u202f€]/g, '');
  if (/^\d{1,3}(,\d{3})+\.\d{1,2}$|^\d{1,3}(,\d{3}){2,}$/.test(s)) s = s.replace(/,/g, '');
  else if (/^\d{1,3}(\.\d{3})+,\d{1,2}$|^\d{1,3}(\.\d{3}){2,}$/.test(s)) s = s.replace(/\./g, '');
  s = s.replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return undefined;
  return Number(s);
}
