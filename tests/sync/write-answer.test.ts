// @vitest-environment node
// A write in a team register answers once it is committed with its operation in the outbox (one
// transaction); the push follows on its own. A server that holds the push open (slow, or far away) must not
// hold up the agent's click, and once it answers, the outbox empties and the server has each event once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/extension/background/start';
import { requestSync } from '@/lib/extension/background/sync';
import { whoAmI } from '@/lib/extension/background/sync-engine';
import { CHANGE_KEY, send } from '@/lib/extension/protocol';
import { productSync } from '@/lib/register/store/sync-state';
import { addAgent } from '../../server/store/agents';
import { newInput } from '../support/complaints';
import { useTeamServer } from './support/team';

const shared = useTeamServer('write-answer');
const realFetch = globalThis.fetch;
const STILL_WAITING = 'still waiting';

/**
 * `answer`, or STILL_WAITING when it has not come within `ms`: a write commits in milliseconds, and a
 * handler that waited for the held push would never answer; the limit only turns that hang into a message.
 */
const within = <T>(answer: Promise<T>, ms = 20_000) =>
  Promise.race([answer, new Promise<typeof STILL_WAITING>((r) => setTimeout(() => r(STILL_WAITING), ms))]);

/** The server's feed for `token`, from the start. */
async function serverEvents(token: string): Promise<{ complaintId: string; type: string }[]> {
  const res = await realFetch(`${shared.url}/pull?cursor=0&limit=100&wait=0`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await res.json()) as { events: { complaintId: string; type: string }[] }).events;
}

let pushes = 0;
let release: () => void = () => undefined;

beforeEach(() => {
  fakeBrowser.reset();
  // The origin was granted when the agent connected (the fake browser knows no permissions).
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
  pushes = 0;
  const held = new Promise<void>((r) => {
    release = r;
  });
  // The team server, except that it keeps every push waiting until the test lets it through.
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    if (new URL(String(input)).pathname === '/push') {
      pushes++;
      await held;
    }
    return realFetch(input, init);
  });
});

afterEach(async () => {
  release();
  await requestSync();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Claire joins a fresh team; after the first round she holds a block of official references. */
async function joinTeam(): Promise<string> {
  const { token } = await addAgent(shared.server.db, { org: shared.newOrg(), name: 'Claire Martin', role: 'agent' });
  const agent = await whoAmI({ store: productSync, fetch: realFetch, now: () => new Date() }, shared.url, token);
  await productSync.saveConnection({ server: shared.url, token, agent, connectedAt: new Date().toISOString() });
  startBackground();
  expect((await requestSync()).state).toBe('connected');
  expect(pushes).toBe(0); // nothing to push yet
  return token;
}

describe('a write in a team register', () => {
  it('answers while the server still holds the push open, and the push then delivers it once', async () => {
    const token = await joinTeam();

    const made = await within(send({ type: 'complaint/create', input: newInput() }));
    if (made === STILL_WAITING) throw new Error('the new complaint waited for the push');
    // The round that followed the write is now stuck in its push.
    await vi.waitFor(() => expect(pushes).toBe(1), { timeout: 20_000 });

    const noted = await within(send({ type: 'complaint/note', id: made.id, text: 'Client rappelé' }));
    expect(noted).not.toBe(STILL_WAITING);
    expect(await productSync.pendingCount()).toBe(2);
    expect(await serverEvents(token)).toEqual([]);

    release();
    const status = await requestSync();
    expect(status.state).toBe('connected');
    expect(await productSync.pendingCount()).toBe(0);
    const events = await serverEvents(token);
    expect(events.map((e) => [e.complaintId, e.type])).toEqual([
      [made.id, 'created'],
      [made.id, 'noteAdded'],
    ]);
  });

  it('wakes the open pages once, as in local mode: its push and its own event coming back change nothing', async () => {
    await joinTeam();
    release();
    const made = await send({ type: 'complaint/create', input: newInput() });
    await requestSync();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await send({ type: 'complaint/note', id: made.id, text: 'Client rappelé' });
    // The round pushes the note, then pulls the feed: it holds the note again, as the server recorded it.
    expect(await requestSync()).toMatchObject({ state: 'connected', pending: 0 });
    const changes = set.mock.calls.filter(([items]) => CHANGE_KEY in (items as object));
    expect(changes).toHaveLength(1);
    expect(await productSync.getCursor()).not.toBe('0');
  });
});
