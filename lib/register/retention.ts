// Retention of personal data (GDPR art. 5-1-e): a complaint's personal data is kept for `retentionYears`
// after its closure, then the complaint is anonymised. Days are counted in Europe/Paris: closed on
// 15 March 2021 with 5 years, the data is kept up to 15 March 2026 included and is due on the 16th.
import { addCalendarDays, addMonthsClamped } from '../deadlines/civil-day';
import { parisDay, startOfParisDay } from '../deadlines/paris-time';
import { forEachComplaint } from './queries';
import type { Complaint } from './schema';

/** When the complaint was closed: its closure date, or for a message filed as not a complaint its last
 *  update (it has no closure step). An open complaint, or one reopened for mediation, has none. */
export function closedAtOf(c: Complaint): string | null {
  if (c.phase === 'closed') return c.closure.closedAt;
  if (c.phase === 'notComplaint') return c.updatedAt;
  return null;
}

/** The first instant at which the complaint is due for anonymisation, or null while it is open. */
export function anonymisationDueAt(c: Complaint, years: number): string | null {
  const closedAt = closedAtOf(c);
  if (!closedAt) return null;
  // 29 February + 1 year is kept up to 28 February (clamped), then due on 1 March.
  const lastKeptDay = addMonthsClamped(parisDay(closedAt), 12 * years);
  return startOfParisDay(addCalendarDays(lastKeptDay, 1));
}

export function dueForAnonymisation(c: Complaint, now: Date, years: number): boolean {
  if (c.anonymizedAt) return false;
  const due = anonymisationDueAt(c, years);
  return due !== null && now.getTime() >= new Date(due).getTime();
}

/** "Claire Martin" → "C. M.": enough to recognise a case in a list without showing the name. */
export function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => /\p{L}/u.test(w))
    .map((w) => `${(w.match(/\p{L}/u)?.[0] ?? '').toUpperCase()}.`)
    .join(' ');
}

export interface RetentionCandidate {
  id: string;
  reference: string;
  closedAt: string;
  initials: string;
}

/** The complaints due for anonymisation at `now`, oldest closure first, read by streaming the register. */
export async function listDueForAnonymisation(now: Date, years: number): Promise<RetentionCandidate[]> {
  const out: RetentionCandidate[] = [];
  await forEachComplaint((c) => {
    const closedAt = closedAtOf(c);
    if (closedAt && dueForAnonymisation(c, now, years)) {
      out.push({
        id: c.id,
        reference: c.reference,
        closedAt,
        initials: initials(c.customer.name || (c.customer.email ?? '')),
      });
    }
  });
  return out.sort((a, b) => a.closedAt.localeCompare(b.closedAt));
}
