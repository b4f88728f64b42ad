// The precise reason the side panel gives when the background cannot sync (issue 13): the background
// publishes a reason code with the state (never a stored sentence), and the indicator says it in French.
// The team server is a stub `fetch` here: each case is one way a round fails.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SyncIndicator } from '@/components/team/SyncIndicator';
import { disconnected, requestSync } from '@/lib/extension/background/sync';
import { readSyncStatus, SYNC_STATUS_KEY } from '@/lib/extension/team';
import { productSync } from '@/lib/register/store/sync-state';
import { PROTOCOL_VERSION } from '@/lib/sync/protocol';
import { freshDatabase } from '../support/complaints';

const SERVER = 'https://registre.example.fr';
const agent = { id: crypto.randomUUID(), name: 'Claire Martin', role: 'agent' as const, org: 'Maison Lumen' };
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

let permitted = true;
beforeEach(async () => {
  fakeBrowser.reset();
  await freshDatabase();
  permitted = true;
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => permitted);
  await productSync.saveConnection({
    server: SERVER,
    token: 'tok_9f2KxQ7mZp4Lw8Rt3Vb6Nc1Hd5Gs0Ja',
    agent,
    connectedAt: new Date().toISOString(),
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** The panel's indicator as it shows the state the background stored. */
async function panel() {
  render(<SyncIndicator status={await readSyncStatus()} onRetry={() => undefined} />);
  return {
    state: screen.getByTestId('sync-indicator').querySelector('strong')?.textContent,
    reason: screen.getByTestId('sync-reason').textContent,
  };
}

describe('the reason the panel gives when the background cannot sync', () => {
  it('says the token is revoked, precisely, with the changes kept', async () => {
    vi.stubGlobal('fetch', async () => json(401, { error: 'Jeton inconnu ou révoqué.' }));
    await requestSync();
    expect((await readSyncStatus()).reason).toEqual({ code: 'revoked', params: {} });
    const shown = await panel();
    expect(shown.state).toBe('Jeton révoqué');
    expect(shown.reason).toMatch(
      /^Le serveur refuse ce jeton \(révoqué\) : vos changements restent en attente ; reconnectez-vous avec un nouveau jeton dans les options\.$/,
    );
  });

  it('tells offline from an unreachable server', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    await requestSync();
    expect((await readSyncStatus()).reason?.code).toBe('offline');
    expect((await panel()).reason).toMatch(/^Le navigateur est hors ligne : les changements partiront au retour/);
    cleanup();

    online.mockReturnValue(true);
    await requestSync();
    expect((await readSyncStatus()).state).toBe('unreachable');
    expect((await panel()).reason).toMatch(/^Le serveur ne répond pas : les changements partiront dès qu’il répondra/);
  });

  it('says the server answered with an error, not that it does not answer', async () => {
    vi.stubGlobal('fetch', async () => json(500, { error: 'Base de données indisponible.' }));
    await requestSync();
    const stored = await readSyncStatus();
    expect([stored.state, stored.reason?.code]).toEqual(['unreachable', 'serverError']);
    expect((await panel()).reason).toMatch(/^Le serveur a répondu par une erreur \(Base de données indisponible\.\)/);
  });

  it('gives the server’s own words for a refusal of the agent’s rights', async () => {
    vi.stubGlobal('fetch', async () => json(403, { error: 'Un auditeur consulte le registre mais n’y écrit pas.' }));
    await requestSync();
    const shown = await panel();
    expect(shown.state).toBe('Refusé par le serveur');
    expect(shown.reason).toMatch(/\(403\) : Un auditeur consulte le registre mais n’y écrit pas\. Vos changements/);
  });

  it('says the permission to reach the server was withdrawn, without asking the server', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    permitted = false;
    await requestSync();
    expect(fetch).not.toHaveBeenCalled();
    const shown = await panel();
    expect(shown.state).toBe('Autorisation retirée');
    expect(shown.reason).toMatch(/^L’autorisation de joindre le serveur a été retirée : reconnectez-vous/);
  });

  it('asks for an update when the server speaks a newer protocol, naming both versions', async () => {
    vi.stubGlobal('fetch', async () => json(200, { agent, protocol: PROTOCOL_VERSION + 1 }));
    await disconnected(); // the version is checked again, as after a new connection
    const shown = await panel();
    expect(shown.state).toBe('Extension à mettre à jour');
    expect(shown.reason).toContain(`(${PROTOCOL_VERSION + 1}) que cette extension (${PROTOCOL_VERSION})`);
  });

  it('drops the reason as soon as the state is no longer a problem', async () => {
    vi.stubGlobal('fetch', async () => json(401, { error: 'Jeton inconnu ou révoqué.' }));
    await requestSync();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await requestSync();
    const written = set.mock.calls
      .map(([items]) => (items as Record<string, { state: string; reason?: unknown }>)[SYNC_STATUS_KEY])
      .filter((s) => s !== undefined);
    expect(written.map((s) => [s.state, 'reason' in s])).toEqual([
      ['syncing', false],
      ['revoked', true],
    ]);
  });
});
