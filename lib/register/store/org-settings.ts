// The organisation's settings and letters in a team register (issue 13). The server holds them (read by
// every agent, written by managers); each sync brings them here, where they are in force: the deadline
// policy of a new complaint is the organisation's. What stays each agent's own: name, language, own mail
// domains, spotter threshold. The register's settings and letters from before the first join are kept
// aside, and given back when the agent leaves the team. The ETags of what is in force are kept beside them
// (the `sync` store: never in a backup or an export), so that the next sync asks "changed since?" and an
// unchanged answer (304) costs no body and no write; they go when the agent leaves.
import { z } from 'zod';
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

/** An entity tag as RFC 9110 writes it (ASCII, so that it can go back in a header), of a sane length. */
const EntityTagSchema = z
  .string()
  .max(200)
  .regex(/^(W\/)?"[\x21\x23-\x7e]*"$/);

/** The ETags of the settings and letters in force, valid for that server's organisation only. */
const OrgTagsSchema = z.object({
  server: z.string(),
  org: z.string(),
  settings: EntityTagSchema.optional(),
  templates: EntityTagSchema.optional(),
});
export type OrgTags = z.infer<typeof OrgTagsSchema>;

/** The organisation's letters as the register keeps edited copies. */
export function overridesOf(rows: readonly OrgTemplate[]): TemplateOverrides {
  const out: Record<string, Record<string, unknown>> = {};
  for (const r of rows)
    out[r.templateId] = { ...out[r.templateId], [r.lang]: { source: r.source, version: r.version, lang: r.lang } };
  return TemplateOverridesSchema.parse(out);
}

export function orgSettingsOn(connection: RegisterConnection) {
  const db = () => connection.liveDb();

  /** The ETags kept for `server`'s organisation `org`: none when another's, or unreadable. */
  async function getOrgTags(server: string, org: string): Promise<Pick<OrgTags, 'settings' | 'templates'>> {
    const parsed = OrgTagsSchema.safeParse(await (await db()).get('sync', SYNC_KEYS.orgTags));
    if (!parsed.success || parsed.data.server !== server || parsed.data.org !== org) return {};
    return { settings: parsed.data.settings, templates: parsed.data.templates };
  }

  /** The next read is unconditional: a manager's save may leave this register apart from the server's. */
  async function forgetOrgTags(): Promise<void> {
    await (await db()).delete('sync', SYNC_KEYS.orgTags);
  }

  /**
   * Puts the organisation's settings and letters in force (one transaction), keeping the register's own
   * aside the first time; null leaves that part as it is (the server said it had not changed). `tags`, the
   * ETags of what is then in force, are kept in the same transaction. Says whether anything changed.
   */
  async function applyOrgSettings(
    org: Settings | null,
    templates: readonly OrgTemplate[] | null,
    tags?: OrgTags,
  ): Promise<boolean> {
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
    let changed = false;
    if (org) {
      const mine = SettingsSchema.safeParse(rawSettings ?? {});
      const settings = withPersonal(org, mine.success ? mine.data : SettingsSchema.parse({}));
      if (canonicalJson(settings) !== canonicalJson(rawSettings ?? null)) {
        await meta.put(settings, SETTINGS_KEY);
        changed = true;
      }
    }
    if (templates) {
      const overrides = overridesOf(templates);
      if (canonicalJson(overrides) !== canonicalJson(rawOverrides ?? {})) {
        await meta.put(overrides, OVERRIDES_KEY);
        changed = true;
      }
    }
    // A tag this side could not send back is not kept: the next read is then unconditional, as with none.
    const valid = OrgTagsSchema.safeParse(tags);
    if (valid.success && (valid.data.settings || valid.data.templates)) await sync.put(valid.data, SYNC_KEYS.orgTags);
    else await sync.delete(SYNC_KEYS.orgTags);
    await tx.done;
    return changed;
  }

  /** Leaving the team: the register's settings and letters as they were before it joined. */
  async function restoreLocalSettings(): Promise<boolean> {
    const tx = (await db()).transaction(['meta', 'sync'], 'readwrite');
    // The tags name what the organisation had in force here: gone with it.
    await tx.objectStore('sync').delete(SYNC_KEYS.orgTags);
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

  return { getOrgTags, forgetOrgTags, applyOrgSettings, restoreLocalSettings };
}
