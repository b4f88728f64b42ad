// Two agents, two real Chromium profiles with the built extension, and a real team server started by the
// test (`npm run server`'s own entry, embedded engine): joining from the options, a complaint of one agent
// seen by the other within seconds, both editing while the server is down, convergence, the conflict
// offered and settled, every chain verified. The browser's permission prompt is browser UI that no test
// can click: the profiles load a copy of the build whose manifest already grants the loopback origin, as
// after the agent's "Allow" (support/helpdesk.ts); everything after it is the product's own code.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Child, startChild } from '../server/support/child-server';
import { newInput } from '../support/complaints';
import { launch, type Session, sendFrom } from './support/chromium';
import { buildWithGrantedOrigins } from './support/helpdesk';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'registre-team-'));
const env = { SERVER_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };

async function addAgent(name: string, role: string): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', 'server/main.ts', 'agent', 'add', '--org', 'Maison Lumen', '--name', name, '--role', role],
    { cwd: ROOT, env: { ...process.env, ...env } },
  );
  const token = stdout.trim().split('\n').pop()?.trim();
  if (!token) throw new Error(stdout);
  return token;
}

let server: Child;
let port: string;
const agents: { session: Session; options: Page; panel: Page }[] = [];

async function join_(token: string) {
  const session = await launch({ extensionDir: buildWithGrantedOrigins(['http://localhost']) });
  const options = await session.openPage('options.html');
  // The test browser resolves no host name but localhost (support/chromium.ts): the loopback by that name.
  await options.getByTestId('team-server').fill(server.url.replace('127.0.0.1', 'localhost'));
  await options.getByTestId('team-token').fill(token);
  await options.getByTestId('team-connect').click();
  await options
    .locator('[data-testid="team-identity"], [data-testid="team-message"]')
    .first()
    .waitFor({ timeout: 30_000 });
  if (await options.getByTestId('team-message').count()) {
    throw new Error(`connexion refusée : ${await options.getByTestId('team-message').textContent()}`);
  }
  const panel = await session.openPage('sidepanel.html');
  return { session, options, panel };
}

beforeAll(async () => {
  const claire = await addAgent('Claire Martin', 'agent');
  const paul = await addAgent('Paul Durand', 'manager');
  server = await startChild(env);
  port = new URL(server.url).port;
  agents.push(await join_(claire), await join_(paul));
}, 240_000);

afterAll(async () => {
  for (const a of agents) await a.session.close();
  await server?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

const indicator = (page: Page) => page.getByTestId('sync-indicator');

describe('two agents on one team register', () => {
  it('shows each agent their organisation, name and role once connected', async () => {
    const [a, b] = agents;
    expect(await a?.options.getByTestId('team-identity').textContent()).toBe(
      'Connecté à « Maison Lumen » en tant que Claire Martin (agent).',
    );
    expect(await b?.options.getByTestId('team-identity').textContent()).toContain('Paul Durand (responsable)');
  });

  it('brings A’s complaint to B’s register within seconds, then converges after both edited offline', async () => {
    const [a, b] = agents as [(typeof agents)[0], (typeof agents)[0]];
    const created = await sendFrom(a.panel, { type: 'complaint/create', input: newInput() });
    expect(created.ok).toBe(true);
    const complaint = created.data as { id: string; reference: string };
    expect(complaint.reference).toMatch(/^REC-\d{4}-\d{4}$/);

    await b.panel.getByTestId('tab-register').click();
    const started = Date.now();
    await b.panel.getByText(complaint.reference).waitFor({ timeout: 15_000 });
    expect(Date.now() - started).toBeLessThan(15_000);

    // The server goes away; both agents keep working.
    await server.kill();
    const edit = (page: Page, subject: string) =>
      sendFrom(page, { type: 'complaint/update', id: complaint.id, patch: { subject } });
    expect((await edit(a.panel, 'Lampe cassée')).ok).toBe(true);
    expect((await sendFrom(b.panel, { type: 'complaint/note', id: complaint.id, text: 'Photo reçue' })).ok).toBe(true);
    expect((await edit(b.panel, 'Pied fendu')).ok).toBe(true);
    await expect.poll(() => indicator(b.panel).getAttribute('data-state'), { timeout: 20_000 }).toBe('unreachable');
    expect(await b.panel.getByTestId('sync-pending').textContent()).toContain('2 en attente');

    // It comes back on the same address: "Réessayer" sends what waited.
    server = await startChild({ ...env, PORT: port });
    await a.panel.getByTestId('sync-retry').click();
    await expect.poll(() => indicator(a.panel).getAttribute('data-state'), { timeout: 20_000 }).toBe('connected');
    await b.panel.getByTestId('sync-retry').click();
    await expect.poll(() => indicator(b.panel).getAttribute('data-state'), { timeout: 20_000 }).toBe('connected');

    // B's subject conflicted with A's: offered side by side; B keeps A's. B's note went through.
    await b.panel.getByText(complaint.reference).first().click();
    await b.panel.getByTestId('conflict').waitFor({ timeout: 15_000 });
    expect(await b.panel.getByTestId('conflict-mine').textContent()).toContain('Pied fendu');
    expect(await b.panel.getByTestId('conflict-theirs').textContent()).toContain('Lampe cassée');
    await b.panel.getByRole('button', { name: 'Garder celle de Claire Martin' }).click();
    await expect.poll(() => b.panel.getByTestId('conflict').count(), { timeout: 10_000 }).toBe(0);

    await a.panel.getByTestId('tab-register').click();
    await a.panel.getByText(complaint.reference).first().click();
    for (const page of [a.panel, b.panel]) {
      await expect
        .poll(() => page.getByTestId('chain-verdict').textContent(), { timeout: 15_000 })
        .toMatch(/vérifiée/i);
      await expect.poll(() => page.getByTestId('history').textContent(), { timeout: 15_000 }).toContain('Paul Durand');
    }
  });
});
