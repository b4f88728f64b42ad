// The organisation's settings in a team (issue 13), with two real Chromium profiles and a real team server
// started by the test (support/team.ts, as team.test.ts): the agent's options show them read-only ("Défini
// par votre organisation"); the manager changes the deadline policy in his options; it reaches the agent's
// extension, and the complaint the agent logs then is due as the organisation's new policy says.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeDue } from '@/lib/deadlines/compute';
import { POLICY_PRESETS } from '@/lib/deadlines/policy';
import { sendFrom } from './support/chromium';
import { type BrowserTeam, browserTestEngines, startTeam } from './support/team';

const ENGINES = await browserTestEngines();

/** The deadline policy preset in force in the page's register (its settings record). */
const presetInForce = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string | null>((resolve) => {
        indexedDB.open('complaint-register').onsuccess = (e) => {
          const r = (e.target as IDBOpenDBRequest).result.transaction('meta').objectStore('meta').get('settings');
          r.onsuccess = () =>
            resolve((r.result as { policy?: { preset?: string } } | undefined)?.policy?.preset ?? null);
        };
      }),
  );

describe.each(ENGINES)('the organisation’s settings (%s engine)', (engine) => {
  let team: BrowserTeam;

  beforeAll(async () => {
    team = await startTeam(engine, 'Maison Lumen', [
      ['Claire Martin', 'agent'],
      ['Paul Durand', 'manager'],
    ]);
  }, 240_000);
  afterAll(() => team?.close());

  const pair = () => team.agents as [BrowserTeam['agents'][0], BrowserTeam['agents'][0]];

  it('shows them to the agent read-only, and to the manager editable', async () => {
    const [agent, manager] = pair();
    await agent.options.reload();
    await agent.options.getByTestId('org-defined').waitFor();
    expect(await agent.options.getByTestId('org-defined').textContent()).toBe('Défini par votre organisation');
    expect(await agent.options.getByTestId('policy-preset').isDisabled()).toBe(true);
    await manager.options.reload();
    await manager.options.getByTestId('policy-preset').waitFor();
    expect(await manager.options.getByTestId('org-defined').count()).toBe(0);
    expect(await manager.options.getByTestId('policy-preset').isDisabled()).toBe(false);
  });

  it('brings the manager’s change of the deadline policy to the agent’s next complaint', async () => {
    const [agent, manager] = pair();
    await manager.options.getByTestId('policy-preset').selectOption('acpr');
    await manager.options.getByTestId('save').click();
    await expect.poll(() => manager.options.getByTestId('settings-status').textContent()).not.toBe('');
    const onServer = await fetch(`${team.server.url}/settings`, {
      headers: { authorization: `Bearer ${manager.token}` },
    });
    expect(((await onServer.json()) as { policy: { preset: string } }).policy.preset).toBe('acpr');

    // The agent's side panel is open: its extension polls the team and puts the organisation's policy in force.
    await expect.poll(() => presetInForce(agent.panel), { timeout: 90_000, interval: 1000 }).toBe('acpr');
    const receivedAt = '2026-03-02T09:00:00.000Z';
    const input = {
      receivedAt,
      channel: 'email',
      customer: { name: 'Jeanne Roux' },
      subject: 'Prélèvement contesté',
      category: 'facturation',
    };
    const made = (await sendFrom(agent.panel, { type: 'complaint/create', input })) as {
      ok: boolean;
      data: { policy: { preset: string }; clocks: { answer: { dueDay: string } } };
    };
    expect(made.ok).toBe(true);
    const acpr = POLICY_PRESETS.acpr;
    const expected = computeDue(receivedAt, acpr.answer, acpr).dueDay;
    expect(made.data.policy.preset).toBe('acpr');
    expect(made.data.clocks.answer.dueDay).toBe(expected);
    // Two months, not the ten days of the procedure the agent's register had before.
    expect(expected).toBe('2026-05-02');
  }, 150_000);
});
