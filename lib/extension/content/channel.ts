// The content script's side of the message protocol, on WXT's thin `browser` (no polyfill: the script
// runs in every webmail page and stays small). Requests are typed by lib/messages.ts and validated by
// the background; answers are validated here with the zod/mini schemas of lib/messages-webmail.ts.
import { browser } from 'wxt/browser';
import { CHANGE_KEY } from '../../protocol/keys';
import type { RequestInput, Response } from '../../protocol/messages';

export async function sendToBackground<T>(request: RequestInput): Promise<T> {
  const response = (await browser.runtime.sendMessage(request)) as Response<T> | undefined;
  if (!response?.ok) throw new Error(response?.error.message ?? 'no answer');
  return response.data;
}

/** Calls `callback` whenever the background announces a register change. */
export function onRegisterChanged(callback: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && CHANGE_KEY in changes) callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
