// The register's rules run in plain Node exactly as in the extension: the state machine, the history chain
// (seal and verify), the deadline engine and the schemas. The team server depends on this.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeDue } from '../../lib/deadlines/compute';
import { DEFAULT_POLICY } from '../../lib/deadlines/policy';
import { RequestSchema } from '../../lib/protocol/messages';
import { GENESIS_HASH, type HistoryEvent, sealEvent, verifyChain } from '../../lib/register/history';
import { checkTransition } from '../../lib/register/phases';
import { createRecord, noteRecord, transitionRecord } from '../../lib/register/records';
import { ComplaintSchema } from '../../lib/register/schema';

const ctx = (iso: string) => ({ now: new Date(iso), actor: 'Claire Martin', newId: randomUUID });

async function chainOf(outcomes: { event: Parameters<typeof sealEvent>[0] }[]): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  for (const { event } of outcomes) {
    const prev = events.at(-1);
    events.push(await sealEvent(event, prev?.hash ?? GENESIS_HASH, prev?.seq ?? 0));
  }
  return events;
}

describe('the register in plain Node', () => {
  it('computes the answer deadline past Ascension Thursday, end of day in Paris', () => {
    // Received Tuesday 5 May 2026: ten calendar days end Friday 15 May (Ascension is the 14th, not the last day).
    expect(computeDue('2026-05-05T09:00:00+02:00', { amount: 10, unit: 'jours' })).toMatchObject({
      dueDay: '2026-05-15',
      dueAt: '2026-05-15T21:59:59.999Z',
    });
  });

  it('logs a complaint, refuses a step while something is missing, and seals a chain that verifies', async () => {
    const created = createRecord(
      {
        receivedAt: '2026-11-30T08:15:00Z',
        channel: 'email',
        customer: { name: 'Jeanne Dupont', email: 'jeanne@example.fr' },
        subject: 'Lampe arrivée cassée',
        category: 'livraison',
      },
      { id: randomUUID(), reference: 'REC-2026-0001' },
      DEFAULT_POLICY,
      ctx('2026-11-30T08:20:00Z'),
    );
    expect(ComplaintSchema.parse(created.complaint).phase).toBe('registered');
    expect(created.complaint.clocks.answer.dueDay).toBe('2026-12-10');

    // Answering needs a decision: the guard names what is missing, in French.
    const refused = checkTransition(created.complaint, 'answered');
    expect(refused.ok).toBe(false);

    const acknowledged = transitionRecord(created.complaint, 'acknowledged', ctx('2026-11-30T10:00:00Z'));
    const noted = noteRecord(acknowledged.complaint, 'Appel du client, photos reçues.', ctx('2026-11-30T11:00:00Z'));
    const events = await chainOf([created, acknowledged, noted]);
    expect(await verifyChain(events, events.at(-1)?.hash)).toMatchObject({ ok: true });

    // An edited event breaks the chain, and the verdict says so.
    const tampered = events.map((e, i) => (i === 1 ? { ...e, actor: 'Quelqu’un d’autre' } : e));
    expect(await verifyChain(tampered, events.at(-1)?.hash)).toMatchObject({ ok: false });
  });

  it('parses the protocol’s requests with the shared schemas', () => {
    expect(RequestSchema.safeParse({ type: 'badge/refresh' }).success).toBe(true);
    expect(RequestSchema.safeParse({ type: 'complaint/note', id: 'not-a-uuid', text: 'x' }).success).toBe(false);
  });
});
