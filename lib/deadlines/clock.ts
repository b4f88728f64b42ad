// The state of one clock (acknowledgement or answer) at a given instant. `now` is a parameter so
// the badge and lists can be tested on any date.
import { z } from 'zod';
import { toInstant } from './paris-time';

export const ClockStatusSchema = z.enum(['running', 'dueSoon', 'overdue', 'met', 'metLate', 'notApplicable']);
export type ClockStatus = z.infer<typeof ClockStatusSchema>;

export const ClockSchema = z.object({
  dueAt: z.string(),
  metAt: z.string().nullable().optional(),
  notApplicable: z.boolean().optional(),
});
export type Clock = z.infer<typeof ClockSchema>;

const HOUR_MS = 60 * 60 * 1000;

/**
 * - notApplicable wins (e.g. no acknowledgement owed);
 * - once met, the clock is `met` if metAt <= dueAt, else `metLate`, whatever `now`;
 * - otherwise `overdue` after dueAt, `dueSoon` within the last `dueSoonHours` (both bounds included), else `running`.
 */
export function clockStatus(clock: Clock, now: Date, dueSoonHours: number): ClockStatus {
  if (clock.notApplicable) return 'notApplicable';
  const due = toInstant(clock.dueAt).getTime();
  if (clock.metAt) return toInstant(clock.metAt).getTime() <= due ? 'met' : 'metLate';
  const left = due - now.getTime();
  if (left < 0) return 'overdue';
  return left <= dueSoonHours * HOUR_MS ? 'dueSoon' : 'running';
}

/** Milliseconds from `now` to `dueAt`: positive before the deadline, negative once it has passed. */
export function remaining(dueAt: string | Date, now: Date): number {
  return toInstant(dueAt).getTime() - now.getTime();
}
