// The extension pages' side of the message protocol: one `send` to the background and one to a tab's content
// script, typed by the request and checked with the protocol's schemas, over the shared transport
// (transport.ts). The messages themselves are lib/protocol/messages.ts.
import { t } from '../i18n';
import {
  ErrorSchema,
  RequestError,
  type RequestInput,
  RequestSchema,
  type Response,
  type ResponseOf,
} from '../protocol/messages';
import { type TabRequest, TabRequestSchema, type TabResponseOf } from '../protocol/webmail';
import { request, requestTab } from './transport';

export { CHANGE_KEY, onRegisterChange } from './transport';

function unwrap<T>(response: Response<unknown> | undefined, nobody: 'error.noBackground' | 'error.noContentScript'): T {
  if (!response) throw new RequestError({ key: nobody, message: t(nobody) });
  if (!response.ok) throw new RequestError(ErrorSchema.parse(response.error));
  return response.data as T;
}

/** Sends one request to the background and returns its data, typed by the request; throws a RequestError. */
export async function send<R extends RequestInput>(message: R): Promise<ResponseOf<R['type']>> {
  return unwrap(await request(RequestSchema.parse(message)), 'error.noBackground');
}

/** Sends a request to the content script of `tabId`; rejects when no content script answers there. */
export async function sendToTab<R extends TabRequest>(tabId: number, message: R): Promise<TabResponseOf<R['type']>> {
  return unwrap(await requestTab(tabId, TabRequestSchema.parse(message)), 'error.noContentScript');
}
