// storage.session, with a memory fallback where a browser lacks it: what is kept there (the webmail tabs'
// reports, which hold an excerpt of an email) stays off the disk and ends with the browser session.
import { type Browser, browser } from 'wxt/browser';

const memory = new Map<string, unknown>();
const area = () => (browser.storage as { session?: Browser.storage.StorageArea }).session;

export async function readSession(key: string): Promise<unknown> {
  const session = area();
  return session ? (await session.get(key))[key] : memory.get(key);
}

export async function writeSession(key: string, value: unknown): Promise<void> {
  const session = area();
  if (session) await session.set({ [key]: value });
  else memory.set(key, value);
}

/** Calls `callback` when `key` changes in storage.session (the memory fallback, in one context only, announces nothing). */
export function onSessionChange(key: string, callback: () => void): () => void {
  const listener = (changes: Record<string, unknown>, name: string) => {
    if (name === 'session' && key in changes) callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
