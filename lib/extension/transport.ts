// The wire between the extension's contexts, the same for the pages, the background and the webmail content
// scripts: a request out and its raw response back, one way to answer requests, and the register-change
// signal. No zod here: the content scripts ship this file in every webmail page (see `npm run bench`); the
// pages check what comes back with the protocol's schemas (protocol.ts).
import { type Browser, browser } from 'wxt/browser';
import type { Response } from '../protocol/messages';

/** Key in storage.local that the background bumps on every register change; every context listens to it. */
export const CHANGE_KEY = 'registerChange';

export type Sender = Browser.runtime.MessageSender;

/** Sends `message` to the background; `undefined` when nothing answered. */
export function request(message: unknown): Promise<Response<unknown> | undefined> {
  return browser.runtime.sendMessage(message);
}

/** Sends `message` to the content script of `tabId`; `undefined` when nothing answered. */
export function requestTab(tabId: number, message: unknown): Promise<Response<unknown> | undefined> {
  return browser.tabs.sendMessage(tabId, message);
}

/**
 * Answers the requests `reply` takes (it returns `undefined` for the others, left to other listeners).
 * Chrome and Firefox honour `sendResponse` + `return true`; WXT's fake browser (unit tests) passes no
 * `sendResponse` and honours the returned promise.
 */
export function answerRequests(
  reply: (message: unknown, sender: Sender) => Promise<Response<unknown>> | undefined,
): () => void {
  const listener = (message: unknown, sender: Sender, sendResponse?: (response: unknown) => void) => {
    const answer = reply(message, sender);
    if (!answer || !sendResponse) return answer;
    void answer.then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Calls `callback` after every change of the register, whichever context made it. */
export function onRegisterChange(callback: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && CHANGE_KEY in changes) callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
