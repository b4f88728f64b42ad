// The v7 migration (issue 13) on a register that holds data: the outbox and the sync state appear, and
// every complaint and its history stay as they were.
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '@/lib/deadlines/policy';
import { DB_VERSION, openRegisterDb } from '@/lib/register/store/db';
import { openRegister } from '@/lib/register/store/register';
import { freshDatabase, newInput } from '../support/complaints';

describe('the v7 migration', () => {
  it('adds the outbox and the sync state to a filled v6 register, losing nothing', async () => {
    await freshDatabase();
    const name = 'register-v6';
    // A v6 register with a complaint and its history, written as v6 wrote them.
    const v6 = await openRegisterDb(name, 6);
    const filled = openRegister({ name: 'register-source' });
    const made = await filled.createComplaint(newInput(), DEFAULT_POLICY, { now: new Date(), actor: 'Agent' });
    const source = await openRegisterDb('register-source');
    const history = await source.get('histories', made.id);
    source.close();
    await filled.close();
    await v6.put('complaints', made);
    await v6.put('histories', history as never);
    expect([...v6.objectStoreNames]).not.toContain('outbox');
    v6.close();

    const register = openRegister({ name });
    expect(await register.getComplaint(made.id)).toEqual(made);
    expect((await register.verifyComplaintChain(made.id)).ok).toBe(true);
    const v7 = await openRegisterDb(name, DB_VERSION);
    expect([...v7.objectStoreNames]).toEqual(expect.arrayContaining(['outbox', 'sync']));
    expect(await v7.count('outbox')).toBe(0);
    expect(v7.transaction('outbox').store.indexNames.contains('complaintId')).toBe(true);
    v7.close();
    await register.deleteDatabase();
  });
});

const CLAIRE = '3f0c7a52-9d1e-4b8a-a6f2-1c5e8d7b9a40';

describe('the v8 migration', () => {
  it('indexes the complaints already stored by holder and due date, for the badge’s own count', async () => {
    await freshDatabase();
    const name = 'register-v7';
    const filled = openRegister({ name: 'register-source-v8' });
    const w = {
      now: new Date(),
      actor: 'Claire Martin',
      agent: { id: CLAIRE, name: 'Claire Martin', role: 'agent' as const },
    };
    const held = await filled.createComplaint(newInput(), DEFAULT_POLICY, w);
    const unheld = await filled.createComplaint(newInput(), DEFAULT_POLICY, { now: new Date(), actor: 'Agent' });
    await filled.close();
    expect(held.assignee?.id).toBe(CLAIRE);
    expect(unheld.assignee).toBeUndefined();
    const v7 = await openRegisterDb(name, 7);
    await v7.put('complaints', held);
    await v7.put('complaints', unheld);
    v7.close();

    const v8 = await openRegisterDb(name, DB_VERSION);
    const index = v8.transaction('complaints').store.index('assigneeDue');
    // Only the held complaint is in the index (its primary key), under its holder and due date.
    expect(await index.getAllKeys()).toEqual([held.id]);
    expect(await index.count(IDBKeyRange.only([CLAIRE, held.nextDueAt as string]))).toBe(1);
    expect(await v8.count('complaints')).toBe(2);
    v8.close();
    await openRegister({ name }).deleteDatabase();
  });
});
