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
