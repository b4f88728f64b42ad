// The history as stored, read and written around the store's queries, for tests that plant what the register
// would refuse (an edited event, a legacy one) or check what is left at rest. Events are the canonical ones:
// the record's compact form (lib/register/store/history-record.ts) is undone on the way in and out.
import { registerDb } from '@/lib/register/store/db';
import { eventsOf, putEvents, storedEvents } from '@/lib/register/store/history-record';

/** Complaint `id`'s stored events, canonical and unparsed, in seq order. */
export async function storedHistory(id: string): Promise<unknown[]> {
  return storedEvents((await registerDb()).transaction('histories').store, id);
}

/** The stored event `seq` of complaint `id`, as the one-record-per-event store's `get([id, seq])` gave it. */
export async function storedEvent(id: string, seq: number): Promise<Record<string, unknown> | undefined> {
  const events = (await storedHistory(id)) as Record<string, unknown>[];
  return events.find((e) => e.seq === seq);
}

/** Writes `event` over the stored one with its seq (or adds it), as the old store's `put` did. */
export async function putStoredEvent(event: {
  complaintId: string;
  seq: number;
  [key: string]: unknown;
}): Promise<void> {
  const tx = (await registerDb()).transaction('histories', 'readwrite');
  await Promise.all([putEvents(tx.store, event.complaintId, [event]), tx.done]);
}

/** How many history events the register holds at rest, every complaint's record decoded. */
export async function countStoredEvents(): Promise<number> {
  const records = await (await registerDb()).getAll('histories');
  return records.reduce((n: number, r) => n + (eventsOf(r)?.length ?? 0), 0);
}
