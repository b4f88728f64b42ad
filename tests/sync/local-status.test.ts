// In local mode (no team) a sync round follows every write: it must not write the same "off" status to
// storage.local each time (a storage write, and every open page's listener woken for nothing).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/extension/background/start';
import { requestSync } from '@/lib/extension/background/sync';
import { send } from '@/lib/extension/protocol';
import { SYNC_STATUS_KEY } from '@/lib/extension/team';
import { productSync } from '@/lib/register/store/sync-state';
import { freshDatabase, newInput } from '../support/complaints';

beforeEach(async () => {
  fakeBrowser.reset();
  await freshDatabase();
  startBackground();
});

/** How many times the background wrote the sync status while `run` ran (and the rounds it asked for). */
async function statusWritesDuring(run: () => Promise<unknown>): Promise<number> {
  await requestSync();
  const set = vi.spyOn(fakeBrowser.storage.local, 'set');
  try {
    await run();
    await requestSync();
    return set.mock.calls.filter(([items]) => SYNC_STATUS_KEY in (items as object)).length;
  } finally {
    set.mockRestore();
  }
}

describe('the sync status in local mode', () => {
  it('is written once, then no more after each write while nothing changes', async () => {
    await requestSync();
    const stored = await fakeBrowser.storage.local.get(SYNC_STATUS_KEY);
    expect(stored[SYNC_STATUS_KEY]).toMatchObject({ state: 'off', pending: 0, identity: null });
    const writes = await statusWritesDuring(async () => {
      const c = await send({ type: 'complaint/create', input: newInput() });
      await send({ type: 'complaint/transition', id: c.id, to: 'acknowledged' });
      await send({ type: 'complaint/create', input: newInput() });
    });
    expect(writes).toBe(0);
  });

  it('still shows the changes waiting of a register that left its team, after each write', async () => {
    await productSync.saveConnection({
      server: 'https://registre.example.fr',
      token: 'tok_9f2KxQ7mZp4Lw8Rt3Vb6Nc1Hd5Gs0Ja',
      agent: { id: crypto.randomUUID(), name: 'Claire Martin', role: 'agent', org: 'Maison Lumen' },
      connectedAt: new Date().toISOString(),
    });
    await productSync.forgetToken();
    const writes = await statusWritesDuring(() => send({ type: 'complaint/create', input: newInput() }));
    expect(writes).toBeGreaterThan(0);
    const stored = await fakeBrowser.storage.local.get(SYNC_STATUS_KEY);
    expect(stored[SYNC_STATUS_KEY]).toMatchObject({
      state: 'off',
      pending: 1,
      identity: { server: 'https://registre.example.fr' },
    });
  });
});
