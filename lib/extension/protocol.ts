// The message protocol's transport in the extension: one typed `send` to the background, one to a tab's
// content script, and the register-change signal. The messages themselves are lib/protocol/messages.ts.
import browser from 'webextension-polyfill';
import { t } from '../i18n';
import {
  ChangeSchema,
  ErrorSchema,
  type RegisterChange,
  RequestError,
  type RequestInput,
  RequestSchema,
  type Response,
} from '../protocol/messages';
import { CHANGE_KEY, type TabRequest, TabRequestSchema } from '../protocol/webmail';

/** Sends one typed request to the background and returns its data, or throws a RequestError. */
export async function send<T = unknown>(request: RequestInput): Promise<T> {
  const response = (await browser.runtime.sendMessage(RequestSchema.parse(request))) as Response<T> | undefined;
  if (!response) throw new RequestError({ key: 'error.noBackground', message: t('error.noBackground') });
  if (!response.ok) throw new RequestError(ErrorSchema.parse(response.error));
  return response.data;
}

/** Sends a request to the content script of `tabId`; rejects when no content script answers there. */
export async function sendToTab<T = unknown>(tabId: number, request: TabRequest): Promise<T> {
  const response = (await browser.tabs.sendMessage(tabId, TabRequestSchema.parse(request))) as Response<T> | undefined;
  if (!response) throw new RequestError({ key: 'error.noContentScript', message: t('error.noContentScript') });
  if (!response.ok) throw new RequestError(ErrorSchema.parse(response.error));
  return response.data;
}

/** Key in storage.local bumped on every register change: every context listens to storage.onChanged. */
export { CHANGE_KEY };

export function onRegisterChange(callback: (change: RegisterChange) => void): () => void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area !== 'local' || !changes[CHANGE_KEY]) return;
    const parsed = ChangeSchema.safeParse(changes[CHANGE_KEY].newValue);
    if (parsed.success) callback(parsed.data);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
