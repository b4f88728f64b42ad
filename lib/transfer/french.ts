// Dates and amounts as French Excel reads them: dd/mm/yyyy (Europe/Paris), dd/mm/yyyy HH:MM, decimal comma.
// Exports format hundreds of thousands of dates: the Paris offset is looked up once per UTC hour (it only
// changes on the hour, at 01:00 UTC) instead of asking Intl for every date.
const HOUR = 3_600_000;
const offsets = new Map<number, number>();
const paris = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** Minutes Paris is ahead of UTC at `ms` (60 in winter, 120 in summer). */
function parisOffset(ms: number): number {
  const bucket = Math.floor(ms / HOUR);
  let offset = offsets.get(bucket);
  if (offset === undefined) {
    const at = bucket * HOUR;
    const p: Record<string, number> = {};
    for (const part of paris.formatToParts(new Date(at))) p[part.type] = Number(part.value);
    offset = (Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0) - at) / 60_000;
    offsets.set(bucket, offset);
  }
  return offset;
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The Paris wall clock of an instant, as the fields of a UTC date. */
function wallClock(iso: string): Date | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  return new Date(ms + parisOffset(ms) * 60_000);
}

function slowDateTime(iso: string): string {
  const d = wallClock(iso);
  if (!d) return '';
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** Whether `iso` is an instant as the register stores it (`instant()` of records.ts: UTC, milliseconds, Z). */
export const isStoredInstant = (iso: string): boolean =>
  iso.length === 24 && iso.charCodeAt(23) === 90 /* Z */ && iso.charCodeAt(10) === 84 /* T */;

// Paris is a whole number of hours ahead of UTC, so the minutes never change: an instant's Paris date and
// hour depend on its UTC hour alone, and are worked out once per UTC hour met (a few thousand a register).
const MAX_HOURS = 100_000;
const hours = new Map<string, string>();

/** `2026-03-02T09:05:00Z` → `02/03/2026 10:05`. Empty for no date. */
export function frDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  if (!isStoredInstant(iso)) return slowDateTime(iso);
  const hour = iso.slice(0, 13);
  let prefix = hours.get(hour);
  if (prefix === undefined) {
    prefix = slowDateTime(`${hour}:00:00.000Z`).slice(0, 13);
    if (hours.size >= MAX_HOURS) hours.clear();
    hours.set(hour, prefix);
  }
  return `${prefix}:${iso.slice(14, 16)}`;
}

/** `2026-03-02T23:30:00Z` → `03/03/2026` (already the 3rd in Paris). Empty for no date. */
export function frDate(iso: string | null | undefined): string {
  return frDateTime(iso).slice(0, 10);
}

/** A civil day `2026-03-12` → `12/03/2026`. */
export function frDay(day: string | null | undefined): string {
  const m = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/** `1234.5` → `1234,50`: two decimals, decimal comma, no thousands separator (Excel reads it as a number). */
export function frAmount(amount: number | null | undefined): string {
  return amount === null || amount === undefined ? '' : amount.toFixed(2).replace('.', ',');
}

/** `2026-03-20T09:05:00Z` → `2026-03-20-1005` (Paris): for file names, which sort by date. */
export function parisStamp(iso: string): string {
  const d = wallClock(iso);
  if (!d) return '';
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}-${two(d.getUTCHours())}${two(d.getUTCMinutes())}`;
}
