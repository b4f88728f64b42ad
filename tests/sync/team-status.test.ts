// @vitest-environment node
// The sync status a team write costs: the round that follows every write publishes « syncing » only once it
// has run SYNCING_AFTER_MS, so a prompt round writes the status once (a storage write that wakes every open
// page). A slow round still shows « syncing » with the change waiting, a failure is written as it is, and
// after a problem the retry shows « syncing » at once. The delay's timer is faked (setTimeout only): the
// test says when the round has been "slow", whatever the load of the machine running it.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/extension/background/start';
import { requestSync, SYNCING_AFTER_MS } from '@/lib/extension/background/sync';
import { whoAmI } from '@/lib/extension/background/sync-engine';
import { send } from '@/lib/extension/protocol';
import { SYNC_STATUS_KEY } from '@/lib/extension/team';
import { productSync } from '@/lib/register/store/sync-state';
import type { SyncStatus } from '@/lib/sync/connection';
import { addAgent } from '../../server/store/agents';
import { newInput } from '../support/complaints';
import { useTeamServer } from './support/team';

const shared = useTeamServer('team-status');
const realFetch = globalThis.fetch;

let pushes = 0;
let release: () => void = () => undefined;
/** Every push waits for `release` while true. */
let holdPushes = false;
/** The server cannot be reached while true. */
let down = false;

beforeEach(() => {
  fakeBrowser.reset();
  // The origin was granted when the agent connected (the fake browser knows no permissions).
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
  pushes = 0;
  holdPushes = false;
  down = false;
  const held = new Promise<void>((r) => {
    release = r;
  });
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    if (down) throw new TypeError('fetch failed');
    if (new URL(String(input)).pathname === '/push') {
      pushes++;
      if (holdPushes) await held;
    }
    return realFetch(input, init);
  });
});

afterEach(async () => {
  release();
  down = false;
  vi.useRealTimers();
  await requestSync();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Claire joins a fresh team (first round done), then the delay's timer is faked and the status writes counted. */
async function joinTeam(): Promise<() => SyncStatus[]> {
  const { token } = await addAgent(shared.server.db, { org: shared.newOrg(), name: 'Claire Martin', role: 'agent' });
  const agent = await whoAmI({ store: productSync, fetch: realFetch, now: () => new Date() }, shared.url, token);
  await productSync.saveConnection({ server: shared.url, token, agent, connectedAt: new Date().toISOString() });
  startBackground();
  expect((await requestSync()).state).toBe('connected');
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const set = vi.spyOn(fakeBrowser.storage.local, 'set');
  return () =>
    set.mock.calls.flatMap(([items]) =>
      SYNC_STATUS_KEY in (items as object)
        ? [(items as Record<string, SyncStatus>)[SYNC_STATUS_KEY] as SyncStatus]
        : [],
    );
}

/** Waits (real time, not the faked timers) until `ready` holds. */
async function until(ready: () => boolean | Promise<boolean>): Promise<void> {
  for (let waited = 0; !(await ready()); waited += 20) {
    if (waited > 20_000) throw new Error('the state never came');
    await sleep(20);
  }
}

describe('the sync status of a team write', () => {
  it('is written once when the round ends promptly: « connected », nothing waiting', async () => {
    const statuses = await joinTeam();
    await send({ type: 'complaint/create', input: newInput() });
    await until(() => statuses().length > 0);
    // The round is over (its last step is that write): give anything else the time to show up.
    await sleep(300);
    expect(statuses().map((s) => [s.state, s.pending])).toEqual([['connected', 0]]);
    expect(pushes).toBe(1);
  });

  it('shows « syncing » with the change waiting when the round runs long, then « connected »', async () => {
    const statuses = await joinTeam();
    holdPushes = true;
    await send({ type: 'complaint/create', input: newInput() });
    await until(() => pushes === 1);
    expect(statuses()).toEqual([]);
    vi.advanceTimersByTime(SYNCING_AFTER_MS);
    await until(() => statuses().length > 0);
    expect(statuses().map((s) => [s.state, s.pending])).toEqual([['syncing', 1]]);
    release();
    await until(() => statuses().length > 1);
    await sleep(300);
    expect(statuses().map((s) => [s.state, s.pending])).toEqual([
      ['syncing', 1],
      ['connected', 0],
    ]);
  });

  it('is written once as the failure it is, and the retry shows « syncing » at once', async () => {
    const statuses = await joinTeam();
    vi.stubGlobal('navigator', { onLine: true }); // the background's (this file runs in plain Node)
    down = true;
    await send({ type: 'complaint/create', input: newInput() });
    await until(() => statuses().length > 0);
    await sleep(300);
    expect(statuses().map((s) => [s.state, s.pending, s.reason?.code])).toEqual([['unreachable', 1, 'unreachable']]);

    // « Réessayer »: the agent waits on this round, and sees it at work before it ends.
    down = false;
    expect(await requestSync()).toMatchObject({ state: 'connected', pending: 0 });
    expect(statuses().map((s) => s.state)).toEqual(['unreachable', 'syncing', 'connected']);
  });
});
