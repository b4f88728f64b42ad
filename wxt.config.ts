import { defineConfig } from 'wxt';

// The manifest stays minimal: the register lives in IndexedDB, nothing is sent anywhere.
export default defineConfig({
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    permissions: ['storage', 'alarms', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    action: { default_title: '__MSG_actionTitle__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: { gecko: { id: 'registre-reclamations@example.fr', strict_min_version: '115.0' } },
        }
      : {}),
  }),
});
