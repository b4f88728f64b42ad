// Receives every message, validates it against the protocol, and dispatches it to its one handler.
import type browser from 'webextension-polyfill';
import { type Request, RequestSchema, type Response } from '../../protocol/messages';
import { toErrorPayload } from './errors';
import { handlers } from './handlers';
import { openPanelNow } from './panel';

export function route(message: unknown, sender: browser.Runtime.MessageSender): Promise<Response<unknown>> {
  const parsed = RequestSchema.safeParse(message);
  if (!parsed.success) return Promise.resolve({ ok: false, error: toErrorPayload(parsed.error) });
  const request = parsed.data;
  if (request.type === 'sidepanel/open') openPanelNow(sender);
  const handler = handlers[request.type] as (r: Request, s: browser.Runtime.MessageSender) => Promise<unknown>;
  return handler(request, sender).then(
    (data) => ({ ok: true as const, data }),
    (error: unknown) => ({ ok: false as const, error: toErrorPayload(error) }),
  );
}

/**
 * The listener both returns the promise and calls `sendResponse`: fake-browser 1.x and Firefox honour
 * the promise, Chrome's native API honours `sendResponse` + `return true`.
 */
export function messageListener(
  message: unknown,
  sender: browser.Runtime.MessageSender,
  sendResponse?: (response: unknown) => void,
): Promise<Response<unknown>> | true {
  const reply = route(message, sender);
  if (sendResponse) {
    void reply.then(sendResponse);
    return true;
  }
  return reply;
}
