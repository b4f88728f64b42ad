// Retention of personal data (GDPR art. 5-1-e): a complaint's personal data is kept for a period, then the
// complaint is anonymised. The period runs from the closure for a closed complaint, and from the last event
// for one that stops short of "closed" (answered and left, unfounded, not a complaint): otherwise those
// would be kept forever. "Not a complaint" has its own, shorter period (nothing to prove about it later).
// Days are counted in Europe/Paris: closed on 15 March 2021 with 5 years, the data is kept up to 15 March
// 2026 included and is due on the 16th.
import { addCalendarDays, addMonthsClamped } from '../deadlines/civil-day';
import { parisDay, startOfParisDay } from '../deadlines/paris-time';
import type { Settings } from '../settings/schema';
import type { Complaint, Phase } from './schema';

/** The settings' retention periods, in years. */
export interface RetentionPeriods {
  years: number;
  notComplaintYears: number;
}

export const retentionPeriodsOf = (s: Pick<Settings, 'retentionYears' | 'retentionNotComplaintYears'>) =>
  ({ years: s.retentionYears, notComplaintYears: s.retentionNotComplaintYears }) satisfies RetentionPeriods;

/** Phases a complaint may stay in for good without being closed: their period runs from the last event. */
export const LEFT_PHASES: readonly Phase[] = ['answered', 'unfounded', 'notComplaint'];

export interface RetentionStart {
  /** The instant the period runs from. */
  at: string;
  /** `closed`: the closure date; `lastEvent`: the complaint never reached "closed". */
  basis: 'closed' | 'lastEvent';
}

/**
 * Where the retention period starts, or null while the complaint is still being handled (registered …
 * investigating, following up, in mediation). The last event is `updatedAt`: every write stamps it in the
 * same step that appends the history event (records.ts `seal` and `event` share `ctx.now`), so it is the
 * newest event's time, readable while streaming the register without opening each history.
 */
export function retentionStartOf(c: Complaint): RetentionStart | null {
  if (c.phase === 'closed') return { at: c.closure.closedAt ?? c.updatedAt, basis: 'closed' };
  if (LEFT_PHASES.includes(c.phase)) return { at: c.updatedAt, basis: 'lastEvent' };
  return null;
}

export const periodFor = (c: Complaint, periods: RetentionPeriods): number =>
  c.phase === 'notComplaint' ? periods.notComplaintYears : periods.years;

/** The first instant at which the complaint is due for anonymisation, or null while it is open. */
export function anonymisationDueAt(c: Complaint, periods: RetentionPeriods): string | null {
  const start = retentionStartOf(c);
  if (!start) return null;
  // 29 February + 1 year is kept up to 28 February (clamped), then due on 1 March.
  const lastKeptDay = addMonthsClamped(parisDay(start.at), 12 * periodFor(c, periods));
  return startOfParisDay(addCalendarDays(lastKeptDay, 1));
}

export function dueForAnonymisation(c: Complaint, now: Date, periods: RetentionPeriods): boolean {
  if (c.anonymizedAt) return false;
  const due = anonymisationDueAt(c, periods);
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
  phase: Phase;
  /** Where the period ran from (closure or last event) and which of the two it is. */
  since: string;
  basis: RetentionStart['basis'];
  initials: string;
}
