// The pages' side of the team register: the sync state the background publishes (storage.local, never the
// token), the live channel a panel holds open so the background long-polls for the team's changes, the
// host permission asked for the server's one origin, and the address a company may set by policy.
import { browser } from 'wxt/browser';
import { OFF_STATUS, originPattern, type SyncStatus, SyncStatusSchema } from '../sync/connection';

/** Key in storage.local where the background keeps the sync state for the pages (no secret in it). */
export const SYNC_STATUS_KEY = 'teamSyncStatus';
/** The port a page opens while it shows the register: the background long-polls while one is open. */
export const LIVE_PORT = 'team-live';
/** The managed-storage key (Chrome policy, see public/managed-schema.json) holding the server address. */
export const MANAGED_SERVER_KEY = 'teamServer';

const parse = (raw: unknown): SyncStatus => {
  const parsed = SyncStatusSchema.safeParse(raw);
  return parsed.success ? parsed.data : OFF_STATUS;
};

export async function readSyncStatus(): Promise<SyncStatus> {
  return parse((await browser.storage.local.get(SYNC_STATUS_KEY))[SYNC_STATUS_KEY]);
}

/** Calls `callback` with each new sync state; returns the removal. */
export function onSyncStatus(callback: (status: SyncStatus) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SYNC_STATUS_KEY in changes) callback(parse(changes[SYNC_STATUS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Keeps the live channel open until the returned function is called (or the page goes). */
export function openLiveChannel(): () => void {
  try {
    const port = browser.runtime.connect({ name: LIVE_PORT });
    return () => port.disconnect();
  } catch {
    return () => undefined; // no background to talk to (a page opened outside the extension)
  }
}

/**
 * Asks for the permission to reach `origin`, and only it. Must be called first thing in the click's
 * handler: the browser only shows its prompt inside the user's gesture.
 */
export function requestServerPermission(origin: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern(origin)] });
}

/** The server address set by the company's browser policy, if any. */
export async function managedServer(): Promise<string | null> {
  try {
    const value = (await browser.storage.managed.get(MANAGED_SERVER_KEY))[MANAGED_SERVER_KEY];
    return typeof value === 'string' && value.trim() ? value.trim() : null;
  } catch {
    return null; // no policy set: Chrome rejects the read, Firefox has no managed manifest
  }
}
