// The dashboard's numbers as an agent reads them: French (or English) separators, Paris months,
// hours under two days and days beyond. Missing figures (nothing decided yet) read as a dash.
import { t } from '../i18n';
import { intlLocale } from '../i18n/locale';

export const formatCount = (n: number) => new Intl.NumberFormat(intlLocale()).format(n);

export function formatShare(share: number | null): string {
  if (share === null) return t('dash.none');
  return new Intl.NumberFormat(intlLocale(), { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

const one = (n: number) => new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: 1 }).format(n);

/** "5,5 h" under 48 hours, "3,2 j" from then on. */
export function formatHours(hours: number | null): string {
  if (hours === null) return t('dash.none');
  return hours < 48 ? t('dash.hours', { n: one(hours) }) : t('dash.days', { n: one(hours / 24) });
}

/** "2026-03" → "mars 2026" (`short`: "mars 26"). */
export function formatMonth(key: string, short = false): string {
  const [year, month] = key.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(intlLocale(), {
    timeZone: 'UTC',
    month: short ? 'short' : 'long',
    year: short ? '2-digit' : 'numeric',
  }).format(new Date(Date.UTC(year, month - 1, 15)));
}
