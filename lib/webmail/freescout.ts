// The FreeScout adapter (self-hosted helpdesk): the only module that knows FreeScout's DOM (its selectors are
// data, in freescout-selectors.ts). A FreeScout "conversation" is the thread, its customer "threads" are the
// messages; agent replies and internal notes are never offered for logging. FreeScout runs on any origin the
// agent enters in the options, so the page is recognised by its markup, not by a hostname.
// Ids are namespaced ("freescout:<conversation>", "freescout:<conversation>:<thread>") so that they never meet
// a Gmail id or a Zendesk ticket of the same number in the register's look-ups.
import { parseWebmailDate } from './dates';
import { attr, plainText, pressControl, queryChain, queryChainAll } from './dom';
import { insertThroughEditorApi } from './editor-bridge';
import { freescoutSelectors as S } from './freescout-selectors';
import { bodyText } from './text';
import type { MessageRef, Person, ReadMessage, ReadOptions, ReadThreadRow, WebmailAdapter } from './types';

export const FREESCOUT_PREFIX = 'freescout:';

export const freescoutThreadId = (conversationId: string): string => `${FREESCOUT_PREFIX}${conversationId}`;

function conversationId(doc: Document): string | null {
  const el = queryChain(doc, S.conversationId.chain);
  return attr(el, 'data-conversation_id') || attr(el, 'value') || null;
}

function customer(doc: Document): Person {
  return {
    name: plainText(queryChain(doc, S.customerName.chain)),
    email: plainText(queryChain(doc, S.customerEmail.chain)).toLowerCase(),
  };
}

function subject(doc: Document): string {
  const el = queryChain(doc, S.subject.chain);
  return el?.matches('input') ? attr(el, 'value') : plainText(el);
}

/** "Créé par Client<br/>Déc 2, 2026 01:08" (a list tooltip) or "Déc 2, 2026 01:08": the date after the last tag. */
function dateOf(el: Element | null, timeZone: string): string | null {
  const raw = attr(el, 'data-original-title') || attr(el, 'title');
  return parseWebmailDate(raw.split('>').pop() ?? '', timeZone);
}

/** Customer threads only, oldest first as in the other adapters (FreeScout shows the newest first). */
function listMessages(doc: Document): MessageRef[] {
  const conversation = conversationId(doc);
  if (!conversation) return [];
  return queryChainAll(doc, S.customerThread.chain)
    .flatMap((element) => {
      const thread = attr(element, 'data-thread_id');
      return thread ? [{ element, messageId: `${FREESCOUT_PREFIX}${conversation}:${thread}` }] : [];
    })
    .reverse();
}

function readMessage(doc: Document, { element, messageId }: MessageRef, opts: ReadOptions): ReadMessage {
  const conversation = conversationId(doc);
  const who = customer(doc);
  const author = plainText(queryChain(element, S.threadAuthor.chain));
  const body = queryChain(element, S.threadBody.chain);
  return {
    element,
    messageId,
    threadId: conversation ? freescoutThreadId(conversation) : null,
    // FreeScout shows no address per thread: a customer thread's sender is the conversation's customer.
    from: { name: author || who.name, email: who.email },
    to: [],
    subject: subject(doc),
    date: dateOf(queryChain(element, S.threadDate.chain), opts.timeZone),
    text: body ? bodyText(body, { cutSignatureDelimiter: true }) : '',
  };
}

function readMessages(doc: Document, opts: ReadOptions): ReadMessage[] {
  return listMessages(doc).map((ref) => readMessage(doc, ref, opts));
}

/** The customer's name is the link's first text node ("Marie Dupont&nbsp;"), before the counter and the address. */
function rowCustomer(row: Element): Person {
  const link = queryChain(row, S.listCustomer.chain);
  const first = Array.from(link?.childNodes ?? []).find((n) => n.nodeType === 3 && (n.textContent ?? '').trim());
  const email = plainText(queryChain(row, S.listEmail.chain)) || attr(link, 'title');
  return { name: (first?.textContent ?? '').replace(/\s+/g, ' ').trim(), email: email.toLowerCase() };
}

function readThreadRows(doc: Document, opts: ReadOptions): ReadThreadRow[] {
  return queryChainAll(doc, S.listRow.chain).flatMap((element) => {
    const id = attr(element, 'data-conversation_id');
    if (!id) return [];
    return [
      {
        element,
        threadId: freescoutThreadId(id),
        subject: plainText(queryChain(element, S.listSubject.chain)),
        from: [rowCustomer(element)],
        date: dateOf(queryChain(element, S.listDate.chain), opts.timeZone),
      },
    ];
  });
}

function findReplyEditor(doc: Document): HTMLElement | null {
  const block = queryChain(doc, S.replyBlock.chain);
  // A closed reply block keeps its (empty) editor: it counts only once FreeScout has opened the block.
  if (!block || block.classList.contains('hidden')) return null;
  return (queryChain(block.parentElement ?? doc, S.replyEditor.chain) as HTMLElement | null) ?? null;
}

export const freescoutAdapter: WebmailAdapter = {
  id: 'freescout',
  matches: (doc) => queryChain(doc, S.pageMarker.chain) !== null,
  listMessages,
  readMessage,
  readMessages,
  readThreadRows,
  findReplyEditor,
  openReply(doc) {
    const control = queryChain(doc, S.replyButton.chain);
    if (!control) return false;
    pressControl(control);
    return true;
  },
  // Summernote keeps its own undo history and range: its API first (through the page's bridge), DOM second.
  insertLetter: (editor, letter) => insertThroughEditorApi(editor, letter, 'summernote'),
  messageHeaderAnchor: (message) => queryChain(message, S.threadHeaderAnchor.chain),
  rowChipAnchor: (row) => queryChain(row, S.listSubject.chain),
  // The agent's own threads are never customer threads: no address is needed to leave them out.
  accountEmail: () => null,
};
