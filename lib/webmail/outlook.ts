// The Outlook on the web adapter (outlook.office.com, outlook.office365.com, outlook.live.com): the only module
// that knows Outlook's DOM. Written against the 2024-2025 "Monarch" UI as public projects describe it; no real
// saved page was available, so it is checked only against tests/fixtures/outlook-handmade-reading-pane.html.
// Outlook shows no message id in the DOM: messageId is derived ("owa:<conversation>:<date>:<sender>").
import { type DateReading, parseWebmailDate } from './dates';
import { attr, plainText, pressControl, queryChain, queryChainAll } from './dom';
import { insertLetterAtStart } from './insert';
import { outlookSelectors as S } from './outlook-selectors';
import { bodyText } from './text';
import type { MessageRef, Person, ReadMessage, ReadOptions, ReadThreadRow, WebmailAdapter } from './types';

const OUTLOOK_HOSTS = new Set([
  'outlook.office.com',
  'outlook.office365.com',
  'outlook.live.com',
  'outlook.cloud.microsoft',
]);

const sel = (chain: readonly string[]): string => chain.join(', ');
const BODY = sel(S.messageBody.chain);
const QUOTE = sel(S.quote.chain);
const SIGNATURE = sel(S.signature.chain);
const EMAIL = /[^\s<>()"',;:]+@[^\s<>()"',;:]+\.[^\s<>()"',;:]+/;

function dateReading(doc: Document): DateReading {
  return { numericOrder: /^en-us\b/i.test(doc.documentElement.getAttribute('lang') ?? '') ? 'mdy' : 'dmy' };
}

/** A persona: address from title= (or the text), name from the text. */
function person(el: Element): Person {
  const titled = el.matches('[title*="@"]') ? el : el.querySelector('[title*="@"]');
  const email = (EMAIL.exec(attr(titled, 'title'))?.[0] ?? EMAIL.exec(plainText(el))?.[0] ?? '').toLowerCase();
  const name = plainText(titled ?? el)
    .replace(`<${email}>`, '')
    .trim();
  return { name: name === email ? '' : name, email };
}

function outsideBody(el: Element): boolean {
  return !el.closest(BODY);
}

/** The message around a body: climb while the ancestor still holds this body only. */
function messageOf(body: Element, pane: Element): Element {
  let message = body;
  for (
    let up = body.parentElement;
    up && up !== pane && up.querySelectorAll(BODY).length === 1;
    up = up.parentElement
  ) {
    message = up;
  }
  return message;
}

function conversationId(doc: Document, pane: Element | null): string | null {
  const own = pane?.closest('[data-convid]') ?? pane?.querySelector('[data-convid]');
  const selected = doc.querySelector('[role="option"][data-convid][aria-selected="true"]');
  const fromUrl = /\/id\/([^/?#]+)/.exec(doc.location?.pathname ?? '')?.[1];
  return attr(own, 'data-convid') || attr(selected, 'data-convid') || (fromUrl ? decodeURIComponent(fromUrl) : null);
}

/** Outlook shows no message id: one is made from the conversation, the date and the sender (no body read). */
function listMessages(doc: Document, opts: ReadOptions): MessageRef[] {
  const pane = queryChain(doc, S.readingPane.chain);
  if (!pane) return [];
  const threadId = conversationId(doc, pane);
  const reading = dateReading(doc);
  return queryChainAll(pane, S.messageBody.chain).map((body, index) => {
    const element = messageOf(body, pane);
    const dateEl = queryChain(element, S.messageDate.chain, outsideBody);
    const date = parseWebmailDate(attr(dateEl, 'title') || plainText(dateEl), opts.timeZone, reading);
    const senderEl = queryChain(element, S.messageSender.chain, outsideBody);
    const email = senderEl ? person(senderEl).email : '';
    return { element, messageId: `owa:${threadId ?? 'conversation'}:${date ?? index}:${email}` };
  });
}

function readMessage(doc: Document, { element, messageId }: MessageRef, opts: ReadOptions): ReadMessage {
  const pane = queryChain(doc, S.readingPane.chain);
  const body = queryChain(element, S.messageBody.chain) ?? element;
  const dateEl = queryChain(element, S.messageDate.chain, outsideBody);
  const senderEl = queryChain(element, S.messageSender.chain, outsideBody);
  return {
    element,
    messageId,
    threadId: conversationId(doc, pane),
    from: senderEl ? person(senderEl) : { name: '', email: '' },
    to: queryChainAll(element, S.messageRecipients.chain).filter(outsideBody).map(person),
    subject: plainText(pane && queryChain(pane, S.subject.chain)),
    date: parseWebmailDate(attr(dateEl, 'title') || plainText(dateEl), opts.timeZone, dateReading(doc)),
    // Outlook puts the quoted history after its reply marker, as siblings: stop at the marker.
    text: bodyText(body, {
      stopAt: (el) => el.matches(QUOTE) || (el.matches('hr') && !!el.nextElementSibling?.matches(QUOTE)),
      skip: (el) => el.matches(SIGNATURE),
      cutSignatureDelimiter: true,
    }),
  };
}

function readMessages(doc: Document, opts: ReadOptions): ReadMessage[] {
  return listMessages(doc, opts).map((ref) => readMessage(doc, ref, opts));
}

function readThreadRows(doc: Document, opts: ReadOptions): ReadThreadRow[] {
  const reading = dateReading(doc);
  return queryChainAll(doc, S.threadRow.chain).map((element, index) => {
    const titled = Array.from(element.querySelectorAll('span[title]'));
    const dated = titled.map((el) => parseWebmailDate(attr(el, 'title'), opts.timeZone, reading));
    const subjectEl = titled.find((el, i) => !attr(el, 'title').includes('@') && dated[i] === null);
    return {
      element,
      threadId: attr(element, 'data-convid') || `row:${element.id || index}`,
      subject: plainText(subjectEl),
      from: queryChainAll(element, S.rowSenders.chain).map(person),
      date: dated.find((date) => date !== null) ?? null,
    };
  });
}

function isComposeBody(el: Element): boolean {
  return attr(el, 'contenteditable') === 'true' && attr(el, 'role') !== 'combobox' && outsideBody(el);
}

export const outlookAdapter: WebmailAdapter = {
  id: 'outlook',
  matches(doc) {
    const host = doc.location?.hostname ?? '';
    if (host) return OUTLOOK_HOSTS.has(host);
    return queryChain(doc, S.pageMarker.chain) !== null;
  },
  listMessages,
  readMessage,
  readMessages,
  readThreadRows,
  findReplyEditor(doc, message) {
    const found =
      (message && queryChain(message, S.replyEditor.chain, isComposeBody)) ??
      queryChain(doc, S.replyEditor.chain, isComposeBody);
    return (found as HTMLElement | null) ?? null;
  },
  openReply(_doc, message) {
    const control = queryChain(message, S.messageReplyButton.chain, outsideBody);
    if (!control) return false;
    pressControl(control);
    return true;
  },
  insertLetter: (editor, letter) => insertLetterAtStart(editor, letter),
  messageHeaderAnchor: (message) => queryChain(message, S.messageDate.chain, outsideBody)?.parentElement ?? null,
  // Before the senders' line of the row; the row itself when that line moved.
  rowChipAnchor: (row) => queryChain(row, S.rowSenders.chain)?.parentElement ?? row,
  // Outlook does not show the account's address in a stable place: own domains (settings) cover it.
  accountEmail: () => null,
};
