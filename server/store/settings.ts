// Settings and letter templates of an organisation: one row of settings, one row per template and language.
import { DEFAULT_SETTINGS, type Settings, SettingsSchema } from '../../lib/settings/schema';
import type { Db } from '../db/db';

export function readSettings(db: Db, org: string): Promise<Settings> {
  return db.transaction({ org }, async (tx) => {
    const { rows } = await tx.query<{ settings: unknown }>('SELECT settings FROM settings WHERE org_id = $1', [org]);
    return rows[0] ? SettingsSchema.parse(rows[0].settings) : DEFAULT_SETTINGS;
  });
}

export async function writeSettings(db: Db, org: string, agentId: string, settings: Settings): Promise<void> {
  await db.transaction({ org }, (tx) =>
    tx.query(
      `INSERT INTO settings (org_id, settings, updated_by) VALUES ($1, $2, $3)
       ON CONFLICT (org_id) DO UPDATE SET settings = excluded.settings, updated_at = now(), updated_by = excluded.updated_by`,
      [org, JSON.stringify(settings), agentId],
    ),
  );
}

export interface TemplateRow {
  templateId: string;
  lang: string;
  source: string;
  version: number;
}

export function readTemplates(db: Db, org: string): Promise<TemplateRow[]> {
  return db.transaction({ org }, async (tx) => {
    const { rows } = await tx.query<TemplateRow>(
      `SELECT template_id AS "templateId", lang, source, version FROM templates WHERE org_id = $1
       ORDER BY template_id, lang`,
      [org],
    );
    return rows;
  });
}

export async function writeTemplate(db: Db, org: string, agentId: string, t: TemplateRow): Promise<void> {
  await db.transaction({ org }, (tx) =>
    tx.query(
      `INSERT INTO templates (org_id, template_id, lang, source, version, updated_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (org_id, template_id, lang) DO UPDATE SET source = excluded.source, version = excluded.version,
         updated_at = now(), updated_by = excluded.updated_by`,
      [org, t.templateId, t.lang, t.source, t.version, agentId],
    ),
  );
}

/** Removes the organisation's copy of one letter in one language; says whether there was one. */
export async function deleteTemplate(db: Db, org: string, templateId: string, lang: string): Promise<boolean> {
  const { rows } = await db.transaction({ org }, (tx) =>
    tx.query('DELETE FROM templates WHERE org_id = $1 AND template_id = $2 AND lang = $3 RETURNING template_id', [
      org,
      templateId,
      lang,
    ]),
  );
  return rows.length > 0;
}

/** The auditors' view (migrations/002): one row per complaint with both deadlines and the decision. */
export function auditRegister(db: Db, org: string): Promise<Record<string, unknown>[]> {
  return db.transaction({ org }, async (tx) => {
    const { rows } = await tx.query('SELECT * FROM audit_register WHERE org_id = $1 ORDER BY received_at, reference', [
      org,
    ]);
    return rows;
  });
}
