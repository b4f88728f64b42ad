// Dates as agents read them: Europe/Paris, French (or English) words.
import { t } from '.';
import { intlLocale } from './locale';

const TZ = 'Europe/Paris';

export function formatDay(iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(), {
    timeZone: TZ,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(iso));
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  const day = new Intl.DateTimeFormat(intlLocale(), {
    timeZone: TZ,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(date);
  const time = new Intl.DateTimeFormat(intlLocale(), { timeZone: TZ, hour: '2-digit', minute: '2-digit' }).format(date);
  return t('ui.date.at', { day, time });
}

/** "samedi 14 mars 2026 à 18:30": the weekday spelled out, for a deadline that falls on a day off. */
export function formatWeekdayDateTime(iso: string): string {
  const date = new Date(iso);
  const day = new Intl.DateTimeFormat(intlLocale(), {
    timeZone: TZ,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(date);
  const time = new Intl.DateTimeFormat(intlLocale(), { timeZone: TZ, hour: '2-digit', minute: '2-digit' }).format(date);
  return t('ui.date.at', { day, time });
}

/** Value for an `<input type="datetime-local">`, in the browser's zone (the agent's). */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(value: string): string | null {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
