// Wiring of a webmail content script: the controller, the answer to the extension's pages (insert a
// letter), and a refresh of the chips when the register changes.
import type { Send } from '../../protocol/messages';
import type { TabRequest } from '../../protocol/webmail';
import type { WebmailAdapter } from '../../webmail/types';
import { answerRequests, onRegisterChange, request } from '../transport';
import { startController } from './controller';
import { isTabRequest } from './guards';
import { insertLetter } from './insertion';

// The background checks every request and its answers are shaped by it (see guards.ts): no zod here.
const send: Send = async (message) => {
  const response = await request(message);
  if (!response?.ok) throw new Error(response?.error.message ?? 'no answer');
  return response.data as never;
};

export function startWebmail(adapter: WebmailAdapter, doc: Document, onInvalidated: (stop: () => void) => void): void {
  const controller = startController({ adapter, doc, send });
  const unsubscribe = onRegisterChange(() => void controller.refresh());

  const answer = async (request: TabRequest) => {
    await controller.scan();
    return insertLetter(adapter, doc, controller.messages(), request.letter, request.messageId);
  };
  const stopAnswering = answerRequests((message) =>
    isTabRequest(message)
      ? answer(message).then(
          (data) => ({ ok: true as const, data }),
          (error: unknown) => ({ ok: false as const, error: { key: 'error.unexpected', message: String(error) } }),
        )
      : undefined,
  );
  onInvalidated(() => {
    controller.stop();
    unsubscribe();
    stopAnswering();
  });
}
