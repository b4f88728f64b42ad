// Joining a team with complaints already in the register (issue 13). At the first join each complaint is
// marked as waiting: nothing of it is sent, and its later changes are not queued (recordOperation), until
// the agent confirms in the options. Then its whole history becomes the operations that make it again on
// the server (lib/sync/onboarding.ts), queued in the outbox in one transaction per complaint.
import { onboardingOperations } from '../../sync/onboarding';
import type { Actor } from '../../sync/replay';
import { HistoryEventSchema } from '../history';
import { ComplaintSchema } from '../schema';
import type { RegisterConnection } from './db';
import { eventsOf } from './history-record';
import { ONBOARD_KEPT, SYNC_KEYS, ONBOARD_WAITING as WAITING } from './sync-identity';

const range = () => IDBKeyRange.bound(SYNC_KEYS.onboard, `${SYNC_KEYS.onboard}\uffff`);

export function onboardingOn(connection: RegisterConnection) {
  const db = () => connection.liveDb();

  async function waitingIds(): Promise<string[]> {
    const d = await db();
    const tx = d.transaction('sync');
    const [keys, values] = await Promise.all([tx.store.getAllKeys(range()), tx.store.getAll(range())]);
    return keys.flatMap((k, i) => (values[i] === WAITING ? [String(k).slice(SYNC_KEYS.onboard.length)] : []));
  }

  /** How many complaints of the register wait for the agent's confirmation to be sent to the team. */
  async function waitingCount(): Promise<number> {
    return (await waitingIds()).length;
  }

  /**
   * Queues every waiting complaint's history as operations (the agent confirmed). A complaint whose history
   * cannot be replayed stays in this register only. Returns how many were queued and how many stay.
   */
  async function sendWaiting(actor: Exclude<Actor, string>): Promise<{ queued: number; kept: number }> {
    let queued = 0;
    let kept = 0;
    for (const id of await waitingIds()) {
      const key = `${SYNC_KEYS.onboard}${id}`;
      const d = await db();
      const [raw, record] = await Promise.all([d.get('complaints', id), d.get('histories', id)]);
      const complaint = ComplaintSchema.safeParse(raw);
      const events = (eventsOf(record) ?? []).map((e) => HistoryEventSchema.safeParse(e));
      let ops: Awaited<ReturnType<typeof onboardingOperations>>['ops'] | null = null;
      if (complaint.success && events.every((e) => e.success)) {
        try {
          ops = (
            await onboardingOperations(
              events.flatMap((e) => (e.success ? [e.data] : [])),
              actor,
            )
          ).ops;
        } catch {
          // NotSendable (anonymised: its past values are gone), or a step the rules refuse today.
          ops = null;
        }
      }
      const tx = d.transaction(['complaints', 'outbox', 'sync'], 'readwrite');
      // Changed while its operations were made: it is taken again on the next confirmation.
      const now = ComplaintSchema.safeParse(await tx.objectStore('complaints').get(id));
      if (now.success && complaint.success && now.data.rev !== complaint.data.rev) {
        await tx.done;
        continue;
      }
      if (ops && now.success) {
        for (const seq of await tx.objectStore('outbox').index('complaintId').getAllKeys(id)) {
          await tx.objectStore('outbox').delete(seq);
        }
        for (const op of ops) await tx.objectStore('outbox').add({ op });
        await tx.objectStore('sync').delete(key);
        queued++;
      } else {
        await tx.objectStore('sync').put(ONBOARD_KEPT, key);
        kept++;
      }
      await tx.done;
    }
    return { queued, kept };
  }

  return { waitingCount, sendWaiting };
}
