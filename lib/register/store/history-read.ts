// A complaint's history as its readers see it: the stored record (history-record.ts) decoded, each event
// parsed with zod, and whatever does not parse reported rather than dropped (queries.ts's `getHistory`).
import { issuesText } from '../../i18n/zod-issues';
import { type HistoryEvent, HistoryEventSchema } from '../history';
import { eventsOf, HistoryRecordSchema } from './history-record';

/**
 * Complaint `complaintId`'s stored record as parsed events (a reader's view). A record that is not one, or
 * an event that does not parse, is told to `report` (history key, every issue) and left out: never dropped
 * silently.
 */
export function parsedEvents(
  record: unknown,
  complaintId: string,
  report: (key: string, issues: string) => void,
): HistoryEvent[] {
  const raws = eventsOf(record);
  if (raws === null) {
    const error = HistoryRecordSchema.safeParse(record).error;
    report(complaintId, error ? issuesText(error, Number.POSITIVE_INFINITY) : '');
    return [];
  }
  const events: HistoryEvent[] = [];
  for (const raw of raws) {
    const result = HistoryEventSchema.safeParse(raw);
    if (result.success) events.push(result.data);
    else {
      const seq = (raw as { seq?: unknown } | null)?.seq;
      report(`${complaintId}#${String(seq)}`, issuesText(result.error, Number.POSITIVE_INFINITY));
    }
  }
  return events;
}
