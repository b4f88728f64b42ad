// The team's names for the reassignment picker (issue 13): the last list the server gave is kept in the
// register's `sync` store, so a service worker started afresh with no server in reach still offers the
// picker; a list from another team, a revoked token or « Se déconnecter » gets none; no backup holds it.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AssigneePicker } from '@/components/complaint/AssigneePicker';
import { startBackground } from '@/lib/extension/background/start';
import { send } from '@/lib/extension/protocol';
import { productSync } from '@/lib/register/store/sync-state';
import { PROTOCOL_VERSION, type TeamAgent } from '@/lib/sync/protocol';
import { complaint, freshDatabase } from '../support/complaints';
import { backupGzip, backupText, gunzipText } from '../transfer/helpers';

const SERVER = 'https://registre.example.fr';
const CLAIRE = { id: crypto.randomUUID(), name: 'Claire Martin' };
const TEAM: TeamAgent[] = [
  { ...CLAIRE, role: 'manager' },
  { id: crypto.randomUUID(), name: 'Paul Durand', role: 'agent' },
  { id: crypto.randomUUID(), name: 'Zoé Lambert', role: 'agent' },
];
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The team server as a stub: the list of agents, or nothing at all (down). */
const serverUp = () =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => json(200, { agents: TEAM })),
  );
const serverDown = () =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }),
  );

async function join(org = 'Maison Lumen', server = SERVER) {
  await productSync.saveConnection({
    server,
    token: 'tok_9f2KxQ7mZp4Lw8Rt3Vb6Nc1Hd5Gs0Ja',
    agent: { ...CLAIRE, role: 'manager', org },
    connectedAt: new Date().toISOString(),
  });
}

/**
 * A service worker started afresh: the browser's listeners and this worker's memory are gone (modules
 * loaded again), the register's IndexedDB is what survives. Returns the new worker's `send`.
 */
async function freshWorker(): Promise<typeof send> {
  fakeBrowser.reset();
  vi.resetModules();
  (await import('@/lib/extension/background/start')).startBackground();
  return (await import('@/lib/extension/protocol')).send;
}

beforeEach(async () => {
  fakeBrowser.reset();
  await freshDatabase();
  startBackground();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the team’s names for the picker', () => {
  it('are offered by a fresh worker with the server down, as the server last listed them', async () => {
    await join();
    serverUp();
    expect(await send({ type: 'team/agents' })).toEqual(TEAM);

    const sendAfresh = await freshWorker();
    serverDown();
    const agents = await sendAfresh({ type: 'team/agents' });
    expect(agents).toEqual(TEAM);

    // The picker of a complaint Claire holds, as the panel shows it with that answer.
    render(
      <AssigneePicker
        complaint={{ ...complaint(), assignee: CLAIRE }}
        me={{ id: CLAIRE.id, role: 'manager' }}
        agents={agents}
        onAssign={vi.fn()}
      />,
    );
    const select = screen.getByTestId('assignee-select') as HTMLSelectElement;
    expect(select.disabled).toBe(false);
    expect([...select.options].map((o) => o.text)).toEqual(['Claire Martin', 'Paul Durand', 'Zoé Lambert']);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('are refreshed whenever the server answers', async () => {
    await join();
    serverUp();
    await send({ type: 'team/agents' });
    const grown = [...TEAM, { id: crypto.randomUUID(), name: 'Inès Garnier', role: 'auditor' as const }];
    vi.stubGlobal('fetch', async () => json(200, { agents: grown }));
    expect(await send({ type: 'team/agents' })).toEqual(grown);
    serverDown();
    expect(await send({ type: 'team/agents' })).toEqual(grown);
  });

  it('are kept as soon as the agent connects, before any picker was opened', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        String(url).endsWith('/me')
          ? json(200, { agent: { ...CLAIRE, role: 'manager', org: 'Maison Lumen' }, protocol: PROTOCOL_VERSION })
          : String(url).endsWith('/team')
            ? json(200, { agents: TEAM })
            : json(503, { error: 'Indisponible.' }),
      ),
    );
    await send({ type: 'team/connect', server: SERVER, token: 'tok_9f2KxQ7mZp4Lw8Rt3Vb6Nc1Hd5Gs0Ja' });
    await vi.waitFor(async () => expect(await productSync.getTeamList(SERVER, 'Maison Lumen')).toEqual(TEAM));
  });

  it('are not offered for another team, nor in place of a revoked token’s refusal', async () => {
    await join();
    serverUp();
    await send({ type: 'team/agents' });

    vi.stubGlobal('fetch', async () => json(401, { error: 'Jeton inconnu ou révoqué.' }));
    await expect(send({ type: 'team/agents' })).rejects.toThrow(/révoqué/);

    await join('Atelier Voisin');
    serverDown();
    await expect(send({ type: 'team/agents' })).rejects.toThrow(/ne répond pas/);
  });

  it('are forgotten on « Se déconnecter », and held by no backup', async () => {
    await join();
    serverUp();
    await send({ type: 'team/agents' });
    expect(await backupText()).not.toContain('Zoé Lambert');
    expect(await gunzipText(await backupGzip())).not.toContain('Zoé Lambert');
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('Zoé Lambert');

    await send({ type: 'team/disconnect' });
    expect(await productSync.getTeamList(SERVER, 'Maison Lumen')).toBeNull();
  });
});
