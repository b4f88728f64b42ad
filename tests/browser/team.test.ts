// Two agents, two real Chromium profiles with the built extension, and a real team server started by the
// test (support/team.ts), on the embedded engine and on the real PostgreSQL (both in CI): joining from the
// options; agent A logs a complaint from a Gmail page (a saved page served at mail.google.com) and agent B
// sees it within seconds; both edit while the server is down; they converge; the conflict is offered and
// settled; every chain verifies; then A's token is revoked: the panel says so in French and A's change
// stays in the outbox.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendFrom } from './support/chromium';
import { openGmail } from './support/gmail';
import { storedComplaints } from './support/helpdesk';
import { type BrowserTeam, browserTestEngines, startTeam } from './support/team';

const ENGINES = await browserTestEngines();

const indicator = (page: Page) => page.getByTestId('sync-indicator');

/**
 * « Réessayer » until the panel says « Synchronisé ». The background may get there first on its own (the
 * alarm, a long-poll, the other agent's push waking it): then the button is gone and nothing is clicked.
 */
async function resync(page: Page): Promise<void> {
  const retry = page.getByTestId('sync-retry');
  await expect
    .poll(
      async () => {
        const state = await indicator(page).getAttribute('data-state');
        if (state !== 'connected' && (await retry.count()))
          await retry.click({ timeout: 2_000 }).catch(() => undefined);
        return state;
      },
      { timeout: 30_000, interval: 1_000 },
    )
    .toBe('connected');
}

/** The operations waiting in the page's register outbox. */
const outboxCount = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        indexedDB.open('complaint-register').onsuccess = (e) => {
          const r = (e.target as IDBOpenDBRequest).result.transaction('outbox').objectStore('outbox').count();
          r.onsuccess = () => resolve(r.result);
        };
      }),
  );

describe.each(ENGINES)('two agents on one team register (%s engine)', (engine) => {
  let team: BrowserTeam;
  const complaint = { id: '', reference: '' };

  beforeAll(async () => {
    team = await startTeam(engine, 'Maison Lumen', [
      ['Claire Martin', 'agent'],
      ['Paul Durand', 'manager'],
    ]);
  }, 360_000); // a bound for a hang: two profiles and a server starting on a busy 2-core machine
  afterAll(() => team?.close());

  const pair = () => team.agents as [BrowserTeam['agents'][0], BrowserTeam['agents'][0]];

  it('shows each agent their organisation, name and role once connected', async () => {
    const [a, b] = pair();
    expect(await a.options.getByTestId('team-identity').textContent()).toBe(
      'Connecté à « Maison Lumen » en tant que Claire Martin (agent).',
    );
    expect(await b.options.getByTestId('team-identity').textContent()).toContain('Paul Durand (responsable)');
  });

  it('brings the complaint A logs from a Gmail message to B’s register within seconds', async () => {
    const [a, b] = pair();
    await b.panel.getByTestId('tab-register').click();

    const gmail = await openGmail(a.session.context, 'gmail-handmade-reply-open.html');
    const button = gmail.getByTestId('log-complaint');
    await expect.poll(() => button.count()).toBe(1);
    await button.click();
    const form = await a.session.openPage('sidepanel.html');
    await form.getByTestId('new-complaint-form').waitFor();
    await form.getByLabel('Motif').selectOption('livraison');
    await form.getByTestId('save-complaint').click();
    await form.getByTestId('saved-notice').waitFor();
    const saved = Date.now();
    complaint.reference = (await form.getByTestId('complaint-reference').textContent()) ?? '';
    expect(complaint.reference).toMatch(/^REC-\d{4}-\d{4}$/);
    const logged = (await storedComplaints(form)).find((c) => c.reference === complaint.reference);
    expect(logged?.source).toMatchObject({ webmail: 'gmail', messageId: 'msg-f:1829000000000000001' });
    complaint.id = logged?.id ?? '';
    await form.close();
    await gmail.close();

    await b.panel.getByText(complaint.reference).waitFor({ timeout: 15_000 });
    console.log(`[${engine}] complaint seen by B ${Date.now() - saved} ms after A saved it`);
    const seen = (await storedComplaints(b.panel)).find((c) => c.id === complaint.id);
    expect(seen?.source.messageId).toBe('msg-f:1829000000000000001');
  });

  it('converges after both edited offline, the conflict offered and settled, every chain verified', async () => {
    const [a, b] = pair();
    // The server goes away; both agents keep working.
    await team.stop();
    const edit = (page: Page, subject: string) =>
      sendFrom(page, { type: 'complaint/update', id: complaint.id, patch: { subject } });
    expect((await edit(a.panel, 'Lampe cassée')).ok).toBe(true);
    expect((await sendFrom(b.panel, { type: 'complaint/note', id: complaint.id, text: 'Photo reçue' })).ok).toBe(true);
    expect((await edit(b.panel, 'Pied fendu')).ok).toBe(true);
    await expect.poll(() => indicator(b.panel).getAttribute('data-state'), { timeout: 20_000 }).toBe('unreachable');
    expect(await b.panel.getByTestId('sync-pending').textContent()).toContain('2 en attente');

    // It comes back on the same address: "Réessayer" sends what waited.
    await team.restart();
    await resync(a.panel);
    await resync(b.panel);

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
  }, 180_000); // the server restarts in the middle (seconds of CPU for the embedded engine)

  it('says in the panel that a revoked token is refused, and keeps the agent’s change in the outbox', async () => {
    const [a, b] = pair();
    // Paul, the manager, revokes Claire's token through the server.
    const auth = { authorization: `Bearer ${b.token}` };
    const listed = (await (await fetch(`${team.server.url}/agents`, { headers: auth })).json()) as {
      agents: { id: string; name: string }[];
    };
    const claire = listed.agents.find((x) => x.name === 'Claire Martin');
    const revoked = await fetch(`${team.server.url}/agents/${claire?.id}/revoke`, { method: 'POST', headers: auth });
    expect(revoked.status).toBe(200);

    expect((await sendFrom(a.panel, { type: 'complaint/note', id: complaint.id, text: 'Rappel prévu' })).ok).toBe(true);
    await expect.poll(() => indicator(a.panel).getAttribute('data-state'), { timeout: 20_000 }).toBe('revoked');
    expect(await indicator(a.panel).locator('strong').textContent()).toBe('Jeton révoqué');
    expect(await a.panel.getByTestId('sync-reason').textContent()).toMatch(
      /révoqué.*restent en attente.*reconnectez-vous avec un nouveau jeton/,
    );
    expect(await a.panel.getByTestId('sync-pending').textContent()).toContain('1 en attente');
    expect(await outboxCount(a.panel)).toBe(1);

    // "Réessayer" asks again and is refused again; nothing is dropped.
    await a.panel.getByTestId('sync-retry').click();
    await expect.poll(() => indicator(a.panel).getAttribute('data-state'), { timeout: 20_000 }).toBe('revoked');
    expect(await outboxCount(a.panel)).toBe(1);
    const kept = (await storedComplaints(a.panel)).find((c) => c.id === complaint.id) as { notes?: { text: string }[] };
    expect(kept?.notes?.map((n) => n.text)).toContain('Rappel prévu');
  });
});
