// Dates as the demo Gmail shows them, in the viewer's zone (`timeZone` undefined: the browser's own).
// The title= attributes the extension reads use Gmail's English form ("Tue, Nov 24, 2026, 9:12 AM"); the
// visible labels are French, like the rest of the demo's interface.

const formatters = new Map<string, Intl.DateTimeFormat>();

function format(date: Date, locale: string, options: Intl.DateTimeFormatOptions, timeZone?: string): string {
  const key = `${locale}|${timeZone ?? ''}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, formatter);
  }
  return formatter.format(date);
}

const dayKey = (date: Date, timeZone?: string) =>
  format(date, 'en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }, timeZone);

/** Gmail's title= text: "Tue, Nov 24, 2026, 9:12 AM". */
export function gmailTitle(date: Date, timeZone?: string): string {
  return format(
    date,
    'en-US',
    { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' },
    timeZone,
  );
}

const time = (date: Date, timeZone?: string) => format(date, 'fr-FR', { hour: '2-digit', minute: '2-digit' }, timeZone);

/** The list's short label: "09:12" today, "24 nov." this year, "24/11/2025" before. */
export function listLabel(date: Date, now: Date, timeZone?: string): string {
  if (dayKey(date, timeZone) === dayKey(now, timeZone)) return time(date, timeZone);
  const sameYear = dayKey(date, timeZone).slice(0, 4) === dayKey(now, timeZone).slice(0, 4);
  if (sameYear) return format(date, 'fr-FR', { day: 'numeric', month: 'short' }, timeZone);
  return format(date, 'fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric' }, timeZone);
}

function ago(date: Date, now: Date): string {
  const minutes = Math.max(0, Math.round((now.getTime() - date.getTime()) / 60_000));
  if (minutes < 1) return 'à l’instant';
  if (minutes < 60) return `il y a ${minutes} minute${minutes > 1 ? 's' : ''}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `il y a ${hours} heure${hours > 1 ? 's' : ''}`;
  const days = Math.floor(hours / 24);
  return `il y a ${days} jour${days > 1 ? 's' : ''}`;
}

/** A message header's visible date: "24 nov. 2026, 09:12 (il y a 3 jours)". */
export function headerLabel(date: Date, now: Date, timeZone?: string): string {
  const day = format(date, 'fr-FR', { day: 'numeric', month: 'short', year: 'numeric' }, timeZone);
  return `${day}, ${time(date, timeZone)} (${ago(date, now)})`;
}

/** The attribution line of a quoted reply: "Le mar. 24 nov. 2026 à 09:12, Nom <adresse> a écrit :". */
export function quoteAttribution(date: Date, who: { name: string; email: string }, timeZone?: string): string {
  const day = format(date, 'fr-FR', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }, timeZone);
  return `Le ${day} à ${time(date, timeZone)}, ${who.name} <${who.email}> a écrit :`;
}
