// The retention section's list, read from the store by streaming the register; the rules themselves are pure
// (lib/register/retention.ts), so the team server applies the same ones.
import {
  dueForAnonymisation,
  initials,
  type RetentionCandidate,
  type RetentionPeriods,
  retentionStartOf,
} from '../retention';
import { forEachComplaint } from './queries';

/**
 * The complaints due for anonymisation at `now`, oldest start first, read by streaming the register; an
 * aborted `signal` stops the pass (the page reads again after every change of the register).
 */
export async function listDueForAnonymisation(
  now: Date,
  periods: RetentionPeriods,
  signal?: AbortSignal,
): Promise<RetentionCandidate[]> {
  const out: RetentionCandidate[] = [];
  await forEachComplaint(
    (c) => {
      const start = retentionStartOf(c);
      if (start && dueForAnonymisation(c, now, periods)) {
        out.push({
          id: c.id,
          reference: c.reference,
          phase: c.phase,
          since: start.at,
          basis: start.basis,
          initials: initials(c.customer.name || (c.customer.email ?? '')),
        });
      }
    },
    { signal },
  );
  return out.sort((a, b) => a.since.localeCompare(b.since));
}
