import { defineConfig } from 'wxt';

// Any https origin may be a self-hosted FreeScout or a Zendesk subdomain: only optional, one origin at a time.
const HELPDESK_HOSTS = ['https://*/*'];

// The manifest stays minimal: the register lives in IndexedDB, nothing is sent anywhere.
export default defineConfig({
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    permissions: ['storage', 'alarms', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // Helpdesks (issue 14): no host at install; the agent's own helpdesk origin is asked for at run time.
    ...(manifestVersion === 3
      ? { optional_host_permissions: HELPDESK_HOSTS }
      : { optional_permissions: HELPDESK_HOSTS }),
    // Firefox puts a new toolbar button in its extensions menu, where the badge (the overdue count) is
    // hidden and the sidebar is two clicks away: the button goes on the toolbar itself.
    action: { default_title: '__MSG_actionTitle__', ...(browser === 'firefox' ? { default_area: 'navbar' } : {}) },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: { gecko: { id: 'registre-reclamations@example.fr', strict_min_version: '115.0' } },
        }
      : {}),
  }),
});
