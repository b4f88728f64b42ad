// @vitest-environment node
// The organisation's settings and letters in a team register (issue 13), against a real team server: a
// manager's save is written to the server; every agent's sync puts it in force (their own name and language
// stay theirs); an agent's save changes only their own fields; leaving the team gives back the settings
// the register had before joining.
import { describe, expect, it } from 'vitest';
import { POLICY_PRESETS } from '@/lib/deadlines/policy';
import { publishTemplate, pullOrgSettings, teamSettings } from '@/lib/extension/background/org-settings';
import { SettingsSchema } from '@/lib/settings/schema';
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

    // Leaving the team: the settings and letters from before joining are back.
    expect(await claire.sync.restoreLocalSettings()).toBe(true);
    expect(await claire.register.getSettings()).toEqual(before);
    expect(await claire.register.getTemplateOverrides()).toEqual(myLetters);
  });
});
