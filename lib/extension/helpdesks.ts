// Turning a helpdesk on for the agent's own origin: the browser grants that one origin at run time (an
// optional host permission, asked on the options page's click), then the helpdesk's content script and its
// page-world editor bridge are registered for it with `scripting.registerContentScripts`. The registrations
// persist across restarts and are the one record of which helpdesks run where (the options page lists them).
import { browser } from 'wxt/browser';
import { HELPDESK_SYSTEMS, type HelpdeskSystem, originPattern, patternOrigin } from '../webmail/helpdesk-origins';

const scriptId = (system: HelpdeskSystem) => `rr-helpdesk-${system}`;
const bridgeId = (system: HelpdeskSystem) => `rr-helpdesk-${system}-bridge`;
const SCRIPT_FILE: Record<HelpdeskSystem, string> = {
  freescout: 'content-scripts/freescout.js',
  zendesk: 'content-scripts/zendesk.js',
};
const BRIDGE_FILE = 'helpdesk-bridge.js';

export interface EnabledHelpdesk {
  system: HelpdeskSystem;
  origins: string[];
}

export async function listHelpdesks(): Promise<EnabledHelpdesk[]> {
  const scripts = await browser.scripting.getRegisteredContentScripts({ ids: HELPDESK_SYSTEMS.map(scriptId) });
  return HELPDESK_SYSTEMS.map((system) => ({
    system,
    origins: (scripts.find((s) => s.id === scriptId(system))?.matches ?? []).map(patternOrigin),
  }));
}

async function register(system: HelpdeskSystem, origins: string[]): Promise<void> {
  const ids = [scriptId(system), bridgeId(system)];
  const existing = await browser.scripting.getRegisteredContentScripts({ ids });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: existing.map((s) => s.id) });
  if (origins.length === 0) return;
  const matches = origins.map(originPattern);
  await browser.scripting.registerContentScripts([
    { id: scriptId(system), js: [SCRIPT_FILE[system]], matches, runAt: 'document_idle', persistAcrossSessions: true },
    // The page-world half of the editor bridge (lib/webmail/editor-bridge-page.ts).
    {
      id: bridgeId(system),
      js: [BRIDGE_FILE],
      matches,
      runAt: 'document_idle',
      world: 'MAIN',
      persistAcrossSessions: true,
    },
  ]);
}

/**
 * Asks the browser for `origin`, then registers the helpdesk there. Call it first thing in a click handler:
 * the browser shows its permission prompt only inside the user's gesture.
 */
export async function enableHelpdesk(system: HelpdeskSystem, origin: string): Promise<boolean> {
  const granted = await browser.permissions.request({ origins: [originPattern(origin)] });
  if (!granted) return false;
  const current = (await listHelpdesks()).find((h) => h.system === system)?.origins ?? [];
  await register(system, [...new Set([...current, origin])]);
  return true;
}

export async function disableHelpdesk(system: HelpdeskSystem, origin: string): Promise<void> {
  const current = (await listHelpdesks()).find((h) => h.system === system)?.origins ?? [];
  await register(
    system,
    current.filter((o) => o !== origin),
  );
  const stillUsed = (await listHelpdesks()).some((h) => h.origins.includes(origin));
  if (!stillUsed) await browser.permissions.remove({ origins: [originPattern(origin)] }).catch(() => false);
}
