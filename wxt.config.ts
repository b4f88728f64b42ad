import { defineConfig } from 'wxt';

// Any https origin may be a self-hosted FreeScout or a Zendesk subdomain: only optional, one origin at a time.
const HELPDESK_HOSTS = ['https://*/*'];
// The team server (issue 13): the one origin the agent connects to, asked for at that moment; https, or
// plain http on the loopback only (a server on the agent's own machine, the tests).
const TEAM_HOSTS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'];
const OPTIONAL_HOSTS = [...new Set([...HELPDESK_HOSTS, ...TEAM_HOSTS])];

// The manifest stays minimal: the register lives in IndexedDB, nothing is sent anywhere.
export default defineConfig({
  // WXT_OUT_DIR lets two builds (e.g. two developers' test runs on one machine) live side by side.
  ...(process.env.WXT_OUT_DIR ? { outDir: process.env.WXT_OUT_DIR } : {}),
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    permissions: ['storage', 'alarms', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // Helpdesks (issue 14): no host at install; the agent's own helpdesk origin is asked for at run time.
    ...(manifestVersion === 3
      ? { optional_host_permissions: OPTIONAL_HOSTS }
      : { optional_permissions: OPTIONAL_HOSTS }),
    // A company may preset the team server's address by browser policy (Chrome: 3rdparty extension policy).
    // Firefox reads managed storage from a native manifest instead (README, "Registre d'équipe").
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed-schema.json' } }),
    // Firefox puts a new toolbar button in its extensions menu, where the badge (the overdue count) is
    // hidden and the sidebar is two clicks away: the button goes on the toolbar itself.
    action: { default_title: '__MSG_actionTitle__', ...(browser === 'firefox' ? { default_area: 'navbar' } : {}) },
    // 128: the helpdesk editors' bridge is registered in the page's own world (`scripting` with
    // `world: 'MAIN'`), which Firefox supports from 128 on (ESR 128 and later).
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: { gecko: { id: 'registre-reclamations@example.fr', strict_min_version: '128.0' } },
        }
      : {}),
  }),
});
