// Two simulated agents in one process, each on a register opened by name: what one writes, the other never
// sees, and each numbers its references and counts its badge on its own.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '@/lib/deadlines/policy';
import { openRegister, type Register } from '@/lib/register/store/register';
import { freshDatabase, newInput } from '../support/complaints';

const w = (actor: string, iso = '2026-03-02T10:00:00Z') => ({ now: new Date(iso), actor });

let alice: Register;
let bruno: Register;

beforeEach(async () => {
  await freshDatabase();
  alice = openRegister({ name: 'register-alice' });
  bruno = openRegister({ name: 'register-bruno' });
});
afterEach(async () => {
  await alice.deleteDatabase();
  await bruno.deleteDatabase();
});

describe('two registers opened by name in one process', () => {
  it('keeps each agent’s complaints to their own register', async () => {
    const a1 = await alice.createComplaint(newInput({ subject: 'Colis perdu' }), DEFAULT_POLICY, w('Alice'));
    const a2 = await alice.createComplaint(newInput({ subject: 'Colis abîmé' }), DEFAULT_POLICY, w('Alice'));
    const b1 = await bruno.createComplaint(newInput({ subject: 'Remboursement' }), DEFAULT_POLICY, w('Bruno'));

    expect((await alice.listAll()).map((c) => c.id).sort()).toEqual([a1.id, a2.id].sort());
    expect((await bruno.listAll()).map((c) => c.id)).toEqual([b1.id]);
    expect(await alice.getComplaint(b1.id)).toBeNull();
    expect(await bruno.getComplaint(a1.id)).toBeNull();
    expect((await bruno.findByThreadId('thread-f:1')).map((c) => c.id)).toEqual([b1.id]);
    expect((await bruno.getHistory(b1.id)).map((e) => e.actor)).toEqual(['Bruno']);
  });

  it('allocates references independently in each register', async () => {
    const a1 = await alice.createComplaint(newInput(), DEFAULT_POLICY, w('Alice'));
    const a2 = await alice.createComplaint(newInput(), DEFAULT_POLICY, w('Alice'));
    const b1 = await bruno.createComplaint(newInput(), DEFAULT_POLICY, w('Bruno'));
    expect([a1.reference, a2.reference]).toEqual(['REC-2026-0001', 'REC-2026-0002']);
    expect(b1.reference).toBe('REC-2026-0001');
    expect(await alice.getByReference('REC-2026-0001')).toMatchObject({ id: a1.id });
    expect(await bruno.getByReference('REC-2026-0001')).toMatchObject({ id: b1.id });
  });

  it('counts the badge of each register on its own', async () => {
    await alice.createComplaint(newInput({ receivedAt: '2026-02-01T09:00:00Z' }), DEFAULT_POLICY, w('Alice'));
    await alice.createComplaint(newInput({ receivedAt: '2026-03-01T12:00:00Z' }), DEFAULT_POLICY, w('Alice'));
    await bruno.createComplaint(newInput({ receivedAt: '2026-03-02T09:00:00Z' }), DEFAULT_POLICY, w('Bruno'));
    const now = new Date('2026-03-03T10:00:00Z');
    expect({ overdue: await alice.countOverdue(now), dueSoon: await alice.countDueSoon(now, 24) }).toEqual({
      overdue: 1,
      dueSoon: 1,
    });
    expect({ overdue: await bruno.countOverdue(now), dueSoon: await bruno.countDueSoon(now, 24) }).toEqual({
      overdue: 0,
      dueSoon: 1,
    });
  });

  it('leaves the product’s register untouched', async () => {
    const product = openRegister();
    await alice.createComplaint(newInput(), DEFAULT_POLICY, w('Alice'));
    expect(product.name).toBe('complaint-register');
    expect(await product.listAll()).toEqual([]);
  });
});
