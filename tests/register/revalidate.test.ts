// The team server replays operations with `validated` (lib/register/records.ts Context.validated): each
// step then validates only the fields it changes. It must make exactly the versions and events the whole
// parse makes, and refuse exactly what the whole parse refuses, with the same error.
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../lib/deadlines/policy';
import { type Complaint, ComplaintSchema } from '../../lib/register/schema';
import { localOperation, type OperationSpec } from '../../lib/sync/operations';
import { type Operation, OperationSchema } from '../../lib/sync/protocol';
import { runOperation } from '../../lib/sync/replay';

const actor = 'Claire Martin';
const at = (minutes: number) => new Date(Date.UTC(2026, 2, 2, 9, minutes));

/** The outcome of `op` replayed both ways, or the error both throw. */
function bothWays(current: Complaint | null, op: Operation) {
  const parsedOp = OperationSchema.parse(JSON.parse(JSON.stringify(op)));
  const parsedCurrent = current && ComplaintSchema.parse(JSON.parse(JSON.stringify(current)));
  const run = (validated: boolean) => {
    try {
      return runOperation(parsedCurrent, parsedOp, actor, undefined, validated);
    } catch (error) {
      return { error: String(error) };
    }
  };
  return { whole: run(false), changed: run(true) };
}

const steps: OperationSpec[] = [
  { kind: 'transition', to: 'acknowledged' },
  { kind: 'update', patch: { summary: '  Colis cassé, photos reçues  ', severity: 3 } },
  { kind: 'update', patch: { customer: { name: 'Zoé Durand', email: 'zoe@example.fr' } } },
  { kind: 'note', text: 'Client rappelé.' },
  {
    kind: 'extend',
    clock: 'answer',
    extension: {
      newDueAt: '2026-05-15T10:00:00.000Z',
      reason: 'Expertise',
      customerToldAt: '2026-03-03T09:00:00.000Z',
    },
  },
  {
    kind: 'letter',
    letter: {
      templateId: 'ack',
      templateVersion: 1,
      lang: 'fr',
      sha256: 'a'.repeat(64),
      at: '2026-03-02T10:00:00.000Z',
      channel: 'reply',
    },
  },
  { kind: 'transition', to: 'investigating' },
] as OperationSpec[];

describe('replaying with validated arguments', () => {
  it('makes the very versions and events the whole parse makes', async () => {
    const spec = {
      kind: 'create',
      input: {
        receivedAt: '2026-03-02T09:00:00.000Z',
        channel: 'email',
        source: { webmail: 'gmail', messageId: 'msg-f:1' },
        customer: { name: 'Claire Martin', email: 'claire.martin@example.fr' },
        subject: 'Colis arrivé endommagé',
        category: 'livraison',
      },
      reference: 'REC-2026-0001',
      policy: DEFAULT_POLICY,
    } as OperationSpec;
    let made = await localOperation(null, spec, { now: at(0), actor });
    let outcomes = bothWays(null, made.op);
    expect(outcomes.changed).toEqual(outcomes.whole);
    expect(ComplaintSchema.parse(made.complaint)).toEqual(made.complaint);
    for (const [i, step] of steps.entries()) {
      const current = made.complaint;
      made = await localOperation(current, step, { now: at(i + 1), actor });
      outcomes = bothWays(current, made.op);
      expect(outcomes.changed, step.kind).toEqual(outcomes.whole);
      expect('error' in outcomes.whole).toBe(false);
    }
  });

  it('refuses what the whole parse refuses, with the same error', async () => {
    const created = await localOperation(
      null,
      {
        kind: 'create',
        input: {
          receivedAt: '2026-03-02T09:00:00.000Z',
          channel: 'email',
          customer: { name: 'A' },
          subject: 'S',
          category: 'c',
        },
        reference: 'REC-2026-0002',
        policy: DEFAULT_POLICY,
      } as OperationSpec,
      { now: at(0), actor },
    );
    // A register at its limit of 2,000 notes: one more note makes a version the schema refuses.
    const notes = Array.from({ length: 2000 }, (_, n) => ({
      id: crypto.randomUUID(),
      at: '2026-03-02T09:30:00.000Z',
      author: actor,
      text: `note ${n}`,
    }));
    const full = ComplaintSchema.parse({ ...created.complaint, notes });
    const op = (
      await localOperation({ ...full, notes: [] }, { kind: 'note', text: 'une de trop' } as OperationSpec, {
        now: at(1),
        actor,
      })
    ).op;
    const run = (validated: boolean) => {
      try {
        return runOperation(full, OperationSchema.parse(op), actor, undefined, validated);
      } catch (error) {
        return { error: String(error) };
      }
    };
    const whole = run(false);
    expect(whole).toHaveProperty('error');
    expect(run(true)).toEqual(whole);
  });
});
