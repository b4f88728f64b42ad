// Assignment (issue 13): a team complaint is its author's when logged, handed on by a manager or its holder
// with an `assigned` event; a local register never carries the field, so its records and hashes are as before.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '@/lib/deadlines/policy';
import { canAssign, isMine } from '@/lib/register/assignment';
import { HistoryEventSchema, verifyChain } from '@/lib/register/history';
import { assignRecord, createRecord } from '@/lib/register/records';
import { ComplaintSchema } from '@/lib/register/schema';
import { localOperation, type OperationSpec } from '@/lib/sync/operations';
import { decide } from '@/lib/sync/replay';
import { ctx, newInput } from '../support/complaints';

const CLAIRE = { id: '11111111-1111-4111-8111-111111111111', name: 'Claire Martin' };
const PAUL = { id: '22222222-2222-4222-8222-222222222222', name: 'Paul Durand' };
const now = new Date('2026-03-02T10:00:00Z');
const ids = { id: crypto.randomUUID(), reference: 'REC-2026-0001' };

describe('assignment', () => {
  it('assigns a team complaint to its author, and leaves a local one without the field', () => {
    const team = createRecord(newInput(), ids, DEFAULT_POLICY, { ...ctx(now), actor: CLAIRE.name, agentId: CLAIRE.id });
    expect(team.complaint.assignee).toEqual(CLAIRE);
    expect(team.event.changes[0]?.to).toMatchObject({ assignee: CLAIRE });
    const local = createRecord(newInput(), ids, DEFAULT_POLICY, ctx(now));
    expect('assignee' in local.complaint).toBe(false);
    expect(local.event.changes[0]?.to).not.toHaveProperty('assignee');
  });

  it('records a reassignment as an « assigned » event naming both agents, and refuses a no-op', () => {
    const { complaint } = createRecord(newInput(), ids, DEFAULT_POLICY, {
      ...ctx(now),
      actor: CLAIRE.name,
      agentId: CLAIRE.id,
    });
    const out = assignRecord(complaint, PAUL, { ...ctx(now), actor: CLAIRE.name });
    expect(out.complaint.assignee).toEqual(PAUL);
    expect(out.complaint.rev).toBe(complaint.rev + 1);
    expect(out.event).toMatchObject({ type: 'assigned', changes: [{ path: 'assignee', from: CLAIRE, to: PAUL }] });
    expect(() => assignRecord(out.complaint, PAUL, ctx(now))).toThrow(/déjà attribuée à Paul Durand/);
  });

  it('lets a manager or the holder reassign, anyone take an unheld complaint, never an auditor', () => {
    const held = { assignee: CLAIRE };
    expect(canAssign(held, { id: CLAIRE.id, role: 'agent' })).toBe(true);
    expect(canAssign(held, { id: PAUL.id, role: 'agent' })).toBe(false);
    expect(canAssign(held, { id: PAUL.id, role: 'manager' })).toBe(true);
    expect(canAssign(held, { id: CLAIRE.id, role: 'auditor' })).toBe(false);
    expect(canAssign({}, { id: PAUL.id, role: 'agent' })).toBe(true);
    expect(isMine(held, CLAIRE.id)).toBe(true);
    expect(isMine(held, PAUL.id)).toBe(false);
    expect(isMine({}, CLAIRE.id)).toBe(false);
  });

  it('is checked by the shared replay: the server refuses a non-holder, in French', async () => {
    const claire = { name: CLAIRE.name, id: CLAIRE.id, role: 'agent' as const };
    const made = await localOperation(
      null,
      { kind: 'create', input: newInput(), reference: 'REC-2026-0001', policy: DEFAULT_POLICY } as OperationSpec,
      { now, actor: claire },
    );
    expect(made.complaint.assignee).toEqual(CLAIRE);
    // Made by a client that skipped the check (a name only), replayed with Paul's rights.
    const forged = await localOperation(made.complaint, { kind: 'assign', assignee: PAUL }, { now, actor: PAUL.name });
    const paul = { name: PAUL.name, id: PAUL.id, role: 'agent' as const };
    expect(decide(made.complaint, [], forged.op, paul)).toMatchObject({
      status: 'refused',
      reason: expect.stringMatching(/Seul un responsable ou l’agent qui détient/),
    });
    expect(decide(made.complaint, [], forged.op, { ...paul, role: 'manager' }).status).toBe('fresh');
    const handed = await localOperation(made.complaint, { kind: 'assign', assignee: PAUL }, { now, actor: claire });
    const verdict = decide(made.complaint, [], handed.op, claire);
    expect(verdict.status).toBe('fresh');
    if (verdict.status === 'fresh') expect(verdict.outcome.event.id).toBe(handed.event.id);
    // Locally, the same rule refuses before anything is written.
    await expect(
      localOperation(handed.complaint, { kind: 'assign', assignee: CLAIRE }, { now, actor: claire }),
    ).rejects.toThrow(/Seul un responsable/);
  });

  it('reads the records and chains of a backup made before assignment unchanged', async () => {
    const file = JSON.parse(
      readFileSync(resolve(import.meta.dirname, '../fixtures/backup-v1-2026-03-20.json'), 'utf8'),
    ) as { complaints: { complaint: unknown; history: unknown[] }[] };
    for (const entry of file.complaints) {
      const complaint = ComplaintSchema.parse(entry.complaint);
      expect('assignee' in complaint).toBe(false);
      const events = entry.history.map((e) => HistoryEventSchema.parse(e));
      expect((await verifyChain(events, complaint.historyHead)).ok).toBe(true);
    }
  });
});
