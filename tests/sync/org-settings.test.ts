// @vitest-environment node
// The organisation's settings and letters in a team register (issue 13), against a real team server: a
// manager's save is written to the server; every agent's sync puts it in force (their own name and language
// stay theirs); an agent's save changes only their own fields; leaving the team gives back the settings
// the register had before joining. A round asks for them conditionally (ETags): unchanged, nothing is applied.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { POLICY_PRESETS } from '@/lib/deadlines/policy';
import { publishTemplate, pullOrgSettings, teamSettings } from '@/lib/extension/background/org-settings';
import { startBackground } from '@/lib/extension/background/start';
import { requestSync } from '@/lib/extension/background/sync';
import { whoAmI } from '@/lib/extension/background/sync-engine';
import { CHANGE_KEY, send } from '@/lib/extension/protocol';
import { SHIPPED_SOURCES } from '@/lib/letters/catalog';
import { getTemplateOverrides } from '@/lib/register/store/letter-overrides';
import { getSettings } from '@/lib/register/store/settings';
import { productSync } from '@/lib/register/store/sync-state';
import { SettingsSchema } from '@/lib/settings/schema';
import type { Role } from '@/lib/sync/protocol';
import { addAgent } from '../../server/store/agents';
import { newInput } from '../support/complaints';
import { useTeamServer } from './support/team';

const shared = useTeamServer('org-settings');

describe('the organisation’s settings', () => {
  it('are written by a manager, put in force for the agents, and given back as they were on leaving', async () => {
    const org = shared.newOrg();
    const claire = await shared.join(org, 'Claire Martin', 'agent');
    const paul = await shared.join(org, 'Paul Durand', 'manager');
    const before = await claire.register.saveSettings(
      SettingsSchema.parse({ agentName: 'Claire', lang: 'en', company: { name: 'Mon atelier' } }),
    );
    await claire.register.saveTemplateOverride('accuse-reception', 'fr', 'Ma lettre {{reference}}', new Date());
    const myLetters = await claire.register.getTemplateOverrides();

    // The manager chooses the ACPR deadlines and edits a letter.
    const wanted = SettingsSchema.parse({ company: { name: 'Maison Lumen' }, policy: POLICY_PRESETS.acpr });
    const kept = await teamSettings(paul.deps, paul.connection, wanted, await paul.register.getSettings());
    await paul.register.saveSettings(kept);
    const letter = { source: 'Lettre de l’organisation {{reference}}', version: 2, lang: 'fr' as const };
    await publishTemplate(paul.deps, paul.connection, 'accuse-reception', 'fr', letter);

    // Claire's next sync puts them in force: her complaints are due as the organisation says.
    expect(await pullOrgSettings(claire.deps, claire.connection)).toBe(true);
    const inForce = await claire.register.getSettings();
    expect(inForce.policy.preset).toBe('acpr');
    expect(inForce.company.name).toBe('Maison Lumen');
    expect([inForce.agentName, inForce.lang]).toEqual(['Claire', 'en']);
    expect((await claire.register.getTemplateOverrides())['accuse-reception']?.fr?.source).toBe(letter.source);
    const made = await claire.register.createComplaint(newInput(), inForce.policy, claire.w());
    expect(made.policy.preset).toBe('acpr');
    expect(await pullOrgSettings(claire.deps, claire.connection)).toBe(false);

    // Claire saves: only her own fields change; the server's stay as the manager set them.
    const mine = await teamSettings(
      claire.deps,
      claire.connection,
      SettingsSchema.parse({ ...inForce, agentName: 'Claire M.', policy: POLICY_PRESETS.procedure }),
      inForce,
    );
    expect([mine.agentName, mine.policy.preset]).toEqual(['Claire M.', 'acpr']);

    // Leaving the team: the settings and letters from before joining are back, and the ETags forgotten.
    expect(await claire.sync.getOrgTags(shared.url, org)).toMatchObject({ settings: expect.any(String) });
    expect(await claire.sync.restoreLocalSettings()).toBe(true);
    expect(await claire.register.getSettings()).toEqual(before);
    expect(await claire.register.getTemplateOverrides()).toEqual(myLetters);
    expect(await claire.sync.getOrgTags(shared.url, org)).toEqual({});
  });
});

describe('a round with the organisation’s settings unchanged', () => {
  it('asks the server conditionally and applies nothing, and a manager’s change still reaches the agent', async () => {
    const org = shared.newOrg();
    const paul = await shared.join(org, 'Paul Durand', 'manager');
    fakeBrowser.reset();
    // The origin was granted when the agent connected (the fake browser knows no permissions).
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
    startBackground();
    const { token } = await addAgent(shared.server.db, { org, name: 'Claire Martin', role: 'agent' });
    const agent = await whoAmI({ store: productSync, fetch, now: () => new Date() }, shared.url, token);
    await productSync.saveConnection({ server: shared.url, token, agent, connectedAt: new Date().toISOString() });
    expect((await requestSync()).state).toBe('connected');

    // What the background asks for the organisation's parts, and what the server answers.
    const realFetch = globalThis.fetch;
    const asked: { path: string; ifNoneMatch: string | null; status: number }[] = [];
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await realFetch(input, init);
      const path = new URL(String(input)).pathname;
      if (path === '/settings' || path === '/templates') {
        const ifNoneMatch = new Headers(init?.headers).get('if-none-match');
        asked.push({ path, ifNoneMatch, status: response.status });
      }
      return response;
    });
    const apply = vi.spyOn(productSync, 'applyOrgSettings');
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const changes = () => set.mock.calls.filter(([items]) => CHANGE_KEY in (items as object)).length;
    try {
      expect((await requestSync()).state).toBe('connected');
      expect(asked.map((a) => [a.path, a.status]).sort()).toEqual([
        ['/settings', 304],
        ['/templates', 304],
      ]);
      expect(asked.every((a) => a.ifNoneMatch?.startsWith('"'))).toBe(true);
      expect(apply).not.toHaveBeenCalled();
      expect(changes()).toBe(0);

      // The manager chooses the ACPR deadlines: Claire's next round brings them (the letters still 304).
      const wanted = SettingsSchema.parse({ company: { name: 'Maison Lumen' }, policy: POLICY_PRESETS.acpr });
      await teamSettings(paul.deps, paul.connection, wanted, await paul.register.getSettings());
      asked.length = 0;
      expect((await requestSync()).state).toBe('connected');
      expect(asked.map((a) => [a.path, a.status]).sort()).toEqual([
        ['/settings', 200],
        ['/templates', 304],
      ]);
      expect(apply).toHaveBeenCalledTimes(1);
      expect((await getSettings()).policy.preset).toBe('acpr');
      expect(changes()).toBe(1);

      // A manager's letter too, and then quiet again.
      await publishTemplate(paul.deps, paul.connection, 'accuse-reception', 'fr', {
        source: 'Lettre de l’organisation {{reference}}',
        version: 2,
        lang: 'fr',
      });
      await requestSync();
      expect((await getTemplateOverrides())['accuse-reception']?.fr?.version).toBe(2);
      asked.length = 0;
      await requestSync();
      expect(asked.map((a) => a.status)).toEqual([304, 304]);
      expect(apply).toHaveBeenCalledTimes(2);
    } finally {
      vi.unstubAllGlobals();
      vi.restoreAllMocks();
    }
  });

  it('is read in full after a manager’s letter the server never got, which then gives way to the team’s', async () => {
    const org = shared.newOrg();
    const paul = await shared.join(org, 'Paul Durand', 'manager');
    await pullOrgSettings(paul.deps, paul.connection);
    expect(await paul.sync.getOrgTags(shared.url, org)).toMatchObject({ templates: expect.any(String) });
    // Saved here first (handlers.ts), then refused on the way: the server cannot be reached.
    const copy = await paul.register.saveTemplateOverride(
      'accuse-reception',
      'fr',
      'Brouillon {{reference}}',
      new Date(),
    );
    const away = { ...paul.connection, server: 'http://127.0.0.1:9' };
    await expect(publishTemplate(paul.deps, away, 'accuse-reception', 'fr', copy)).rejects.toThrow(/ne répond pas/);
    expect(await paul.sync.getOrgTags(shared.url, org)).toEqual({});
    expect(await pullOrgSettings(paul.deps, paul.connection)).toBe(true);
    expect(await paul.register.getTemplateOverrides()).toEqual({});
  });
});

describe('a manager’s « Réinitialiser » on a letter', () => {
  /** This browser's register (the background's own) joined to `org` as `name`. */
  async function productJoins(org: string, name: string, role: Role) {
    fakeBrowser.reset();
    startBackground();
    const { token } = await addAgent(shared.server.db, { org, name, role });
    const agent = await whoAmI({ store: productSync, fetch, now: () => new Date() }, shared.url, token);
    await productSync.saveConnection({ server: shared.url, token, agent, connectedAt: new Date().toISOString() });
    return (await productSync.getConnection()) ?? expect.unreachable('connected');
  }
  const serverLetters = async (token: string) =>
    (
      (await (await fetch(`${shared.url}/templates`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
        templates: { templateId: string; lang: string }[];
      }
    ).templates.map((t) => `${t.templateId}/${t.lang}`);

  it('deletes the organisation’s copy on the server first, and the agents get the shipped letter back', async () => {
    const org = shared.newOrg();
    const claire = await shared.join(org, 'Claire Martin', 'agent');
    const paul = await productJoins(org, 'Paul Durand', 'manager');
    const letter = {
      source: `${SHIPPED_SOURCES.fr['accuse-reception']}\nMaison Lumen`,
      version: 3,
      lang: 'fr' as const,
    };
    await send({ type: 'templates/save', id: 'accuse-reception', lang: 'fr', source: letter.source });
    expect(await serverLetters(paul.token)).toEqual(['accuse-reception/fr']);
    await pullOrgSettings(claire.deps, claire.connection);
    expect((await claire.register.getTemplateOverrides())['accuse-reception']?.fr?.source).toBe(letter.source);

    expect(await send({ type: 'templates/reset', id: 'accuse-reception', lang: 'fr' })).toBe(true);
    expect(await serverLetters(paul.token)).toEqual([]);
    expect(await getTemplateOverrides()).toEqual({});

    // Claire's next sync: the shipped letter is in force again.
    expect(await pullOrgSettings(claire.deps, claire.connection)).toBe(true);
    expect(await claire.register.getTemplateOverrides()).toEqual({});
  });

  it('keeps the copy, locally and on the server, when the server cannot be reached', async () => {
    const org = shared.newOrg();
    const paul = await productJoins(org, 'Paul Durand', 'manager');
    const source = `${SHIPPED_SOURCES.fr['accuse-reception']}\nCopie`;
    await send({ type: 'templates/save', id: 'accuse-reception', lang: 'fr', source });
    // The server cannot be reached: nothing is reset, and the manager is told why, in French.
    vi.stubGlobal('navigator', { onLine: true }); // the background's (this file runs in plain Node)
    await productSync.saveConnection({ ...paul, server: 'http://127.0.0.1:9' });
    await expect(send({ type: 'templates/reset', id: 'accuse-reception', lang: 'fr' })).rejects.toThrow(
      /ne répond pas/,
    );
    expect(Object.keys(await getTemplateOverrides())).toEqual(['accuse-reception']);
    await productSync.saveConnection(paul);
    expect(await serverLetters(paul.token)).toEqual(['accuse-reception/fr']);
    vi.unstubAllGlobals();
  });

  it('is refused to an agent before anything is sent', async () => {
    const org = shared.newOrg();
    const boss = await shared.join(org, 'Paul Durand', 'manager');
    await publishTemplate(boss.deps, boss.connection, 'accuse-reception', 'fr', {
      source: 'Lettre {{reference}}',
      version: 2,
      lang: 'fr',
    });
    await productJoins(org, 'Claire Martin', 'agent');
    await expect(send({ type: 'templates/reset', id: 'accuse-reception', lang: 'fr' })).rejects.toThrow(
      /seul un responsable les modifie/,
    );
    expect(await serverLetters(boss.connection.token)).toEqual(['accuse-reception/fr']);
  });
});
