// Wiring of a webmail content script: the controller, the answers to the extension's pages (insert a
// letter, which message is open), and a refresh of the chips when the register changes.
import { browser } from 'wxt/browser';
import type { TabRequest } from '../../protocol/webmail';
import type { WebmailAdapter } from '../../webmail/types';
import { onRegisterChanged, sendToBackground } from './channel';
import { startController } from './controller';
import { draftFromMessage } from './draft';
import { isTabRequest } from './guards';
import { insertLetter } from './insertion';

type Listener = Parameters<typeof browser.runtime.onMessage.addListener>[0];

export function startWebmail(adapter: WebmailAdapter, doc: Document, onInvalidated: (stop: () => void) => void): void {
  const controller = startController({ adapter, doc, send: sendToBackground });
  const unsubscribe = onRegisterChanged(() => void controller.refresh());

  const answer = async (request: TabRequest) => {
    await controller.scan();
    if (request.type === 'letter/insert')
      return insertLetter(adapter, doc, controller.messages(), request.letter, request.messageId);
    const last = controller.messages().at(-1);
    return last ? draftFromMessage(last, adapter.id, doc.location.href) : null;
  };
  // Both the returned promise and sendResponse: Chrome honours the latter, Firefox the former.
  const listener = (message: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
    if (!isTabRequest(message)) return undefined;
    const reply = answer(message).then(
      (data) => ({ ok: true, data }),
      (error: unknown) => ({ ok: false, error: { key: 'error.unexpected', message: String(error) } }),
    );
    void reply.then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(listener as unknown as Listener);
  onInvalidated(() => {
    controller.stop();
    unsubscribe();
    browser.runtime.onMessage.removeListener(listener as unknown as Listener);
  });
}
