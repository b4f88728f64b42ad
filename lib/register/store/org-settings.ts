// The organisation's settings and letters in a team register (issue 13). The server holds them (read by
// every agent, written by managers); each sync brings them here, where they are in force: the deadline
// policy of a new complaint is the organisation's. What stays each agent's own: name, language, own mail
// domains, spotter threshold. The register's settings and letters from before the first join are kept
// aside, and given back when the agent leaves the team.
import type { z } from 'zod';
import { type TemplateOverrides, TemplateOverridesSchema } from '../../letters/meta';
import { type Settings, SettingsSchema } from '../../settings/schema';
import type { TemplateBodySchema } from '../../sync/protocol';
import { canonicalJson } from '../canonical-json';
import type { RegisterConnection } from './db';
import { OVERRIDES_KEY } from './letter-overrides';
import { SYNC_KEYS } from './sync-identity';

const SETTINGS_KEY = 'settings';

/** The fields each agent keeps for themselves; every other one is the organisation's. */
export const PERSONAL_FIELDS = ['agentName', 'lang', 'ownDomains', 'spotThreshold', 'spotThresholds'] as const;

/** The organisation's fields of `org` with `mine`'s personal ones. */
export function withPersonal(org: Settings, mine: Settings): Settings {
  const personal = Object.fromEntries(PERSONAL_FIELDS.filter((k) => k in mine).map((k) => [k, mine[k]]));
  const { spotThreshold: _s, spotThresholds: _l, ...rest } = org;
  return SettingsSchema.parse({ ...rest, ...personal });
}

export type OrgTemplate = z.infer<typeof TemplateBodySchema>;

/** The organisation's letters as the register keeps edited copies. */
export function overridesOf(rows: readonly OrgTemplate[]): TemplateOverrides {
  const out: Record<string, Record<string, unknown>> = {};
  for (const r of rows)
    out[r.templateId] = { ...out[r.templateId], [r.lang]: { source: r.source, version: r.version, lang: r.lang } };
  return TemplateOverridesSchema.parse(out);
}

export function orgSettingsOn(connection: RegisterConnection) {
  const db = () => connection.liveDb();

  /**
   * Puts the organisation's settings and letters in force (one transaction), keeping the register's own
   * aside the first time. Says whether anything changed.
   */
  async function applyOrgSettings(org: Settings, templates: readonly OrgTemplate[]): Promise<boolean> {
    const tx = (await db()).transaction(['meta', 'sync'], 'readwrite');
    const meta = tx.objectStore('meta');
    const sync = tx.objectStore('sync');
    const [rawSettings, rawOverrides, kept] = await Promise.all([
      meta.get(SETTINGS_KEY),
      meta.get(OVERRIDES_KEY),
      sync.get(SYNC_KEYS.localSettings),
    ]);
    if (kept === undefined) {
      await sync.put({ settings: rawSettings ?? null, overrides: rawOverrides ?? null }, SYNC_KEYS.localSettings);
    }
    const mine = SettingsSchema.safeParse(rawSettings ?? {});
    const settings = withPersonal(org, mine.success ? mine.data : SettingsSchema.parse({}));
    const overrides = overridesOf(templates);
    let changed = false;
    if (canonicalJson(settings) !== canonicalJson(rawSettings ?? null)) {
      await meta.put(settings, SETTINGS_KEY);
      changed = true;
    }
    if (canonicalJson(overrides) !== canonicalJson(rawOverrides ?? {})) {
      await meta.put(overrides, OVERRIDES_KEY);
      changed = true;
    }
    await tx.done;
    return changed;
  }

  /** Leaving the team: the register's settings and letters as they were before it joined. */
  async function restoreLocalSettings(): Promise<boolean> {
    const tx = (await db()).transaction(['meta', 'sync'], 'readwrite');
    const kept = (await tx.objectStore('sync').get(SYNC_KEYS.localSettings)) as
      | { settings: unknown; overrides: unknown }
      | undefined;
    if (kept === undefined) {
      await tx.done;
      return false;
    }
    const meta = tx.objectStore('meta');
    // Put back as they were, unparsed: an unreadable value is reported by its readers as before.
    await (kept.settings === null ? meta.delete(SETTINGS_KEY) : meta.put(kept.settings, SETTINGS_KEY));
    await (kept.overrides === null ? meta.delete(OVERRIDES_KEY) : meta.put(kept.overrides, OVERRIDES_KEY));
    await tx.objectStore('sync').delete(SYNC_KEYS.localSettings);
    await tx.done;
    return true;
  }

  return { applyOrgSettings, restoreLocalSettings };
}
