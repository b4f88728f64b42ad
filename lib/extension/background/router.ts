// Receives every message, validates it against the protocol, and dispatches it to its one handler.
import { type Request, RequestSchema, type Response } from '../../protocol/messages';
import type { Sender } from '../transport';
import { toErrorPayload } from './errors';
import { handlers } from './handlers';
import { openPanelNow } from './panel';

export function route(message: unknown, sender: Sender): Promise<Response<unknown>> {
  const parsed = RequestSchema.safeParse(message);
  if (!parsed.success) return Promise.resolve({ ok: false, error: toErrorPayload(parsed.error) });
  const request = parsed.data;
  if (request.type === 'sidepanel/open') openPanelNow(sender);
  const handler = handlers[request.type] as (r: Request, s: Sender) => Promise<unknown>;
  return handler(request, sender).then(
    (data) => ({ ok: true as const, data }),
    (error: unknown) => ({ ok: false as const, error: toErrorPayload(error) }),
  );
}
