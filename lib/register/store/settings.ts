// Settings live in the register's database, validated on the way in and out. Unreadable settings are
// reported and replaced by the defaults for this read only: the stored value is left for the agent to fix.

import { DEFAULT_SETTINGS, type Settings, SettingsSchema } from '../../settings/schema';
import { defaultConnection, type InvalidRecord, type RegisterConnection } from './db';
import { describeIssues } from './queries';

const KEY = 'settings';

/** The settings of one register (see register.ts); the module-level functions below use the product's. */
export function settingsOn(connection: RegisterConnection) {
  return {
    async getSettings(report: (r: InvalidRecord) => void = () => {}): Promise<Settings> {
      const raw = await (await connection.db()).get('meta', KEY);
      if (raw === undefined) return DEFAULT_SETTINGS;
      const result = SettingsSchema.safeParse(raw);
      if (result.success) return result.data;
      report({ store: 'meta', key: KEY, issues: describeIssues(result.error) });
      return DEFAULT_SETTINGS;
    },

    async saveSettings(input: unknown): Promise<Settings> {
      const settings = SettingsSchema.parse(input);
      await (await connection.db()).put('meta', settings, KEY);
      return settings;
    },
  };
}

export const { getSettings, saveSettings } = settingsOn(defaultConnection);
