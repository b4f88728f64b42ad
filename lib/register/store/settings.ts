// Settings live in the register's database, validated on the way in and out. Unreadable settings are
// reported and replaced by the defaults for this read only: the stored value is left for the agent to fix.

import { DEFAULT_SETTINGS, type Settings, SettingsSchema } from '../../settings/schema';
import { registerDb } from './db';
import { describeIssues, type InvalidRecord } from './queries';

const KEY = 'settings';

export async function getSettings(report: (r: InvalidRecord) => void = () => {}): Promise<Settings> {
  const raw = await (await registerDb()).get('meta', KEY);
  if (raw === undefined) return DEFAULT_SETTINGS;
  const result = SettingsSchema.safeParse(raw);
  if (result.success) return result.data;
  report({ store: 'meta', key: KEY, issues: describeIssues(result.error) });
  return DEFAULT_SETTINGS;
}

export async function saveSettings(input: unknown): Promise<Settings> {
  const settings = SettingsSchema.parse(input);
  await (await registerDb()).put('meta', settings, KEY);
  return settings;
}
