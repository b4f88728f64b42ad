// Onboarding pushes the operations an agent's extension already holds (made and sealed when each change was
// made, kept in its outbox): it does not run the record functions again. The bench makes such a register
// cheaply: one complaint is made the agent's way (complaintMade), then each further complaint is that one
// with fresh ids, reference and salts, its events sealed again. The server replays every operation with
// the record functions and must seal the very same event (post() checks `sameHash`), so a copy that the
// record functions would not have made is caught at once.
import { randomBytes, randomUUID } from 'node:crypto';
import { GENESIS_HASH, type HistoryEvent, sealEvent, type UnsealedEvent } from '../../../lib/register/history';
import type { Operation } from '../../../lib/sync/protocol';
import type { Actor } from '../../../lib/sync/replay';
import { nodeSha256 } from '../../../server/store/sha256';
import { complaintMade } from './workload';

interface Template {
  ops: Operation[];
  events: UnsealedEvent[];
  /** Every id the template drew, and its reference: what differs from one complaint to the next. */
  swapped: string[];
}

const unsealed = (e: HistoryEvent): UnsealedEvent => ({
  id: e.id,
  complaintId: e.complaintId,
  at: e.at,
  actor: e.actor,
  type: e.type,
  changes: e.changes.map((c) => ({ path: c.path, from: c.from, to: c.to })),
});

export class HeldRegister {
  private constructor(private template: Template) {}

  /** A template complaint with its history (created, acknowledged, a note) made by `actor`. */
  static async make(actor: Actor): Promise<HeldRegister> {
    const made = await complaintMade(true, 'REC-2026-0001', actor);
    const ops = made.map((m) => m.op);
    const swapped = [...new Set([...ops.flatMap((o) => [o.complaintId, ...o.ids]), 'REC-2026-0001'])];
    return new HeldRegister({ ops, events: made.map((m) => unsealed(m.event)), swapped });
  }

  /** The operations of one more complaint, numbered `reference`, as its agent's outbox holds them. */
  async complaint(reference: string): Promise<Operation[]> {
    const { ops, events, swapped } = this.template;
    const fresh = new Map(swapped.map((v) => [v, v.startsWith('REC-') ? reference : randomUUID()]));
    const pattern = new RegExp(swapped.join('|'), 'g');
    const swap = <T>(value: T): T => JSON.parse(JSON.stringify(value).replace(pattern, (m) => fresh.get(m) ?? m));
    const out: Operation[] = [];
    let head = GENESIS_HASH;
    for (const [i, op] of ops.entries()) {
      const event = swap(events[i] as UnsealedEvent);
      const salts = op.salts.map(() => randomBytes(16).toString('hex'));
      const sealed = await sealEvent(event, head, i, salts, nodeSha256);
      out.push({ ...swap(op), base: { rev: i, head }, salts, hash: sealed.hash });
      head = sealed.hash;
    }
    return out;
  }
}
