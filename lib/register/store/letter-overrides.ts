// Agent-edited copies of the letter templates, kept in the register database's `meta` store under one key
// and parsed on every read. An unreadable value is reported and read as "no edited copies"; it is never
// overwritten behind the agent's back: only an explicit save replaces it, after moving it whole to quarantine.
import type { Lang } from '../../i18n';
import { templateMeta } from '../../letters/catalog';
import {
  type TemplateId,
  type TemplateOverride,
  TemplateOverrideSchema,
  type TemplateOverrides,
  TemplateOverridesSchema,
} from '../../letters/meta';
import { defaultConnection, type InvalidRecord, type RegisterConnection } from './db';
import { describeIssues } from './queries';

export const OVERRIDES_KEY = 'templateOverrides';

export type ReportInvalid = (record: InvalidRecord) => void;

type Parsed = { ok: true; overrides: TemplateOverrides } | { ok: false; overrides: TemplateOverrides; issues: string };

function parse(raw: unknown, report: ReportInvalid): Parsed {
  if (raw === undefined) return { ok: true, overrides: {} };
  const result = TemplateOverridesSchema.safeParse(raw);
  if (result.success) return { ok: true, overrides: result.data };
  const issues = describeIssues(result.error);
  report({ store: 'meta', key: OVERRIDES_KEY, issues });
  return { ok: false, overrides: {}, issues };
}

/** A copy's version: the shipped version + 1 for the first copy, then + 1 per save (per language). */
export function nextTemplateVersion(shippedVersion: number, current?: TemplateOverride): number {
  return Math.max(shippedVersion, current?.version ?? 0) + 1;
}

/** The edited letters of one register (see register.ts); the module-level functions below use the product's. */
export function templateOverridesOn(connection: RegisterConnection) {
  /** The edited copies by template id; `{}` when there are none or when the stored value is unreadable. */
  async function getTemplateOverrides(report: ReportInvalid = () => {}): Promise<TemplateOverrides> {
    return parse(await (await connection.db()).get('meta', OVERRIDES_KEY), report).overrides;
  }

  /** Stores `source` as the edited copy of `id` in `lang`, with its next version. The caller validates it first. */
  async function saveTemplateOverride(
    id: TemplateId,
    lang: Lang,
    source: string,
    now: Date,
    report: ReportInvalid = () => {},
  ): Promise<TemplateOverride> {
    const meta = templateMeta(id);
    if (!meta) throw new Error(`unknown template ${id}`);
    const db = await connection.db();
    // One transaction: two saves racing from two option tabs still get two different versions.
    const tx = db.transaction(['meta', 'quarantine'], 'readwrite');
    const raw = await tx.objectStore('meta').get(OVERRIDES_KEY);
    const current = parse(raw, report);
    if (!current.ok) {
      await tx.objectStore('quarantine').put({
        key: `meta:${OVERRIDES_KEY}:${now.toISOString()}`,
        store: 'meta',
        raw,
        issues: current.issues,
        at: now.toISOString(),
      });
    }
    const override = TemplateOverrideSchema.parse({
      source,
      lang,
      version: nextTemplateVersion(meta.version, current.overrides[id]?.[lang]),
    });
    await tx
      .objectStore('meta')
      .put({ ...current.overrides, [id]: { ...current.overrides[id], [lang]: override } }, OVERRIDES_KEY);
    await tx.done;
    return override;
  }

  /** Removes the edited copy of `id` in `lang`, if there is one; says whether one was removed. */
  async function resetTemplateOverride(id: TemplateId, lang: Lang, report: ReportInvalid = () => {}): Promise<boolean> {
    const db = await connection.db();
    const tx = db.transaction('meta', 'readwrite');
    const current = parse(await tx.store.get(OVERRIDES_KEY), report);
    const copies = current.overrides[id];
    // An unreadable value is left as it is: resetting one letter must not wipe what the agent may still recover.
    if (!current.ok || !copies?.[lang]) {
      await tx.done;
      return false;
    }
    const { [lang]: _removed, ...otherLanguages } = copies;
    const { [id]: _all, ...rest } = current.overrides;
    await tx.store.put(Object.keys(otherLanguages).length ? { ...rest, [id]: otherLanguages } : rest, OVERRIDES_KEY);
    await tx.done;
    return true;
  }

  return { getTemplateOverrides, saveTemplateOverride, resetTemplateOverride };
}

export const { getTemplateOverrides, saveTemplateOverride, resetTemplateOverride } =
  templateOverridesOn(defaultConnection);
