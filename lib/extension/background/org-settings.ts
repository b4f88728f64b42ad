// The organisation's settings and letters (issue 13): read from the team server with every sync (a
// conditional GET: 304 when unchanged) and put in force in the register (store/org-settings.ts); written
// to it when a manager saves them in the options.
// An agent or an auditor changes only their own fields (name, language, own domains, spotter threshold).
import { z } from 'zod';
import type { Lang } from '../../i18n';
import { UserError } from '../../i18n';
import type { TemplateId, TemplateOverride } from '../../letters/meta';
import { withPersonal } from '../../register/store/org-settings';
import { DEFAULT_SETTINGS, type Settings, SettingsSchema } from '../../settings/schema';
import type { TeamConnection } from '../../sync/connection';
import { TemplateBodySchema } from '../../sync/protocol';
import { call, callIfChanged, type EngineDeps } from './sync-engine';

const TemplatesSchema = z.object({ templates: z.array(TemplateBodySchema) });

/**
 * Reads the organisation's settings and letters and puts them in force; says whether anything changed. Run
 * after every round and long-poll wake-up, so each read is conditional on the ETag of what is in force: when
 * the server answers 304 to both, nothing is parsed and nothing is written.
 */
export async function pullOrgSettings(deps: EngineDeps, c: TeamConnection): Promise<boolean> {
  const kept = await deps.store.getOrgTags(c.server, c.agent.org);
  const [settings, templates] = await Promise.all([
    callIfChanged(deps, c.server, c.token, '/settings', kept.settings),
    callIfChanged(deps, c.server, c.token, '/templates', kept.templates),
  ]);
  if (!settings && !templates) return false;
  return deps.store.applyOrgSettings(
    settings ? SettingsSchema.parse(settings.body) : null,
    templates ? TemplatesSchema.parse(templates.body).templates : null,
    {
      server: c.server,
      org: c.agent.org,
      settings: (settings ? settings.etag : kept.settings) ?? undefined,
      templates: (templates ? templates.etag : kept.templates) ?? undefined,
    },
  );
}

/** What a manager's save sends: the organisation's fields only (the personal ones as by default). */
const orgPart = (s: Settings): Settings => withPersonal(s, DEFAULT_SETTINGS);

/**
 * The settings to keep after a save in a team register: a manager's are first written to the server (then
 * in force for everyone); anyone else keeps the organisation's fields and changes only their own.
 */
export async function teamSettings(
  deps: EngineDeps,
  c: TeamConnection,
  input: Settings,
  current: Settings,
): Promise<Settings> {
  if (c.agent.role !== 'manager') return withPersonal(current, input);
  await deps.store.forgetOrgTags();
  await call(deps, c.server, c.token, '/settings', { method: 'PUT', body: orgPart(input) });
  return input;
}

/** A manager's letter goes to the server; nobody else edits the organisation's letters. */
export async function publishTemplate(
  deps: EngineDeps,
  c: TeamConnection,
  id: TemplateId,
  lang: Lang,
  copy: TemplateOverride,
): Promise<void> {
  // The copy is already saved here (handlers.ts): if the server refuses it, the next read must not be
  // answered 304 and leave this register with a letter the organisation does not have.
  await deps.store.forgetOrgTags();
  await call(deps, c.server, c.token, '/templates', {
    method: 'PUT',
    body: TemplateBodySchema.parse({ templateId: id, lang, source: copy.source, version: copy.version }),
  });
}

/**
 * A manager's « Réinitialiser »: the organisation's copy is deleted on the server first, so that every agent's
 * next sync brings the shipped letter back (and a refusal leaves the local copy as it was).
 */
export async function unpublishTemplate(
  deps: EngineDeps,
  c: TeamConnection,
  id: TemplateId,
  lang: Lang,
): Promise<void> {
  await deps.store.forgetOrgTags();
  await call(deps, c.server, c.token, `/templates/${encodeURIComponent(id)}/${encodeURIComponent(lang)}`, {
    method: 'DELETE',
  });
}

/** Refuses a letter edit by an agent or an auditor of a team: the organisation's letters are in force. */
export function assertMayEditLetters(c: TeamConnection | null): void {
  if (c && c.agent.role !== 'manager') throw new UserError('team.error.orgManaged');
}
