// Verification of the whole register: every complaint's chain checked against its recorded head. Each batch
// of complaints is read with their history records in ONE transaction (a record is a complaint's whole
// chain, so no further read), then verified with the synchronous SHA-256 (lib/transfer/chain.ts): a
// register of thousands of events is checked without one promise per digest.

import { verifyChainSync } from '../../transfer/chain';
import { type ChainVerdict, HistoryEventSchema } from '../history';
import { ComplaintSchema } from '../schema';
import { defaultConnection, type RegisterConnection } from './db';
import { eventsOf } from './history-record';

export interface BrokenChain {
  id: string;
  /** The complaint's reference when it parses, else null. */
  reference: string | null;
  /** Where the chain breaks; `unreadable` when the complaint or one of its events does not parse. */
  verdict: Extract<ChainVerdict, { ok: false }> | { ok: false; reason: 'unreadable' };
}

export interface RegisterVerdict {
  complaints: number;
  events: number;
  broken: BrokenChain[];
}

const BATCH = 500;
const idOf = (raw: unknown) => String((raw as { id?: unknown } | null)?.id ?? '?');

/** The verification of one register (see register.ts); `verifyRegister` below checks the product's. */
export function verificationOn(connection: RegisterConnection) {
  return {
    async verifyRegister(onProgress?: (done: number) => void): Promise<RegisterVerdict> {
      const db = await connection.db();
      const out: RegisterVerdict = { complaints: 0, events: 0, broken: [] };
      let after: string | undefined;
      for (;;) {
        const tx = db.transaction(['complaints', 'histories']);
        const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
        const raws = await tx.objectStore('complaints').getAll(range, BATCH);
        const records = await Promise.all(raws.map((raw) => tx.objectStore('histories').get(idOf(raw))));
        await tx.done;
        raws.forEach((raw, i) => {
          const id = idOf(raw);
          const complaint = ComplaintSchema.safeParse(raw);
          const events = (eventsOf(records[i]) ?? []).map((e) => HistoryEventSchema.safeParse(e));
          const reference = complaint.success ? complaint.data.reference : null;
          out.complaints++;
          out.events += events.length;
          if (!complaint.success || events.some((e) => !e.success)) {
            out.broken.push({ id, reference, verdict: { ok: false, reason: 'unreadable' } });
            return;
          }
          const verdict = verifyChainSync(
            events.flatMap((e) => (e.success ? [e.data] : [])),
            complaint.data.historyHead,
          );
          if (!verdict.ok) out.broken.push({ id, reference, verdict });
        });
        onProgress?.(out.complaints);
        if (raws.length < BATCH) return out;
        after = idOf(raws[raws.length - 1]);
      }
    },
  };
}

export const { verifyRegister } = verificationOn(defaultConnection);
