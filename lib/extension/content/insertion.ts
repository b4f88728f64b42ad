// Putting a letter into the webmail's reply editor: the open one, or the one the webmail opens when we
// press its own Reply control. The letter's HTML comes escaped from the template engine; nothing of
// the email is ever inserted.
import type { InsertResult } from '../../protocol/webmail';
import type { ReadMessage, WebmailAdapter } from '../../webmail/types';

export const EDITOR_WAIT_MS = 5000;

function waitFor<T>(doc: Document, probe: () => T | null, timeoutMs: number): Promise<T | null> {
  return new Promise((resolve) => {
    const first = probe();
    if (first) return resolve(first);
    const observer = new MutationObserver(() => {
      const found = probe();
      if (found) finish(found);
    });
    const timer = setTimeout(() => finish(null), timeoutMs);
    function finish(value: T | null) {
      clearTimeout(timer);
      observer.disconnect();
      resolve(value);
    }
    observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true, attributes: true });
  });
}

/** The message to answer: the one asked for, else the last one of the open thread. */
export function targetMessage(messages: ReadMessage[], messageId?: string): ReadMessage | undefined {
  return (messageId && messages.find((m) => m.messageId === messageId)) || messages[messages.length - 1];
}

export async function insertLetter(
  adapter: WebmailAdapter,
  doc: Document,
  messages: ReadMessage[],
  letter: { text: string; html?: string },
  messageId?: string,
  timeoutMs = EDITOR_WAIT_MS,
): Promise<InsertResult> {
  const target = targetMessage(messages, messageId);
  let editor = adapter.findReplyEditor(doc, target?.element);
  let openedReply = false;
  if (!editor && target) {
    openedReply = adapter.openReply(doc, target.element);
    if (openedReply) editor = await waitFor(doc, () => adapter.findReplyEditor(doc, target.element), timeoutMs);
  }
  if (!editor) return { inserted: false, openedReply };
  return { inserted: adapter.insertLetter(editor, letter), openedReply };
}
