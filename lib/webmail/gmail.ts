// The Gmail adapter: the only module that knows Gmail's DOM (its selectors are data, in gmail-selectors.ts).
// Reading never runs or keeps anything from the page: attributes and textContent only, never innerHTML.
import { parseWebmailDate } from './dates';
import { attr, isHiddenByMarkup, plainText, pressControl, queryChain, queryChainAll } from './dom';
import { gmailSelectors as S } from './gmail-selectors';
import { insertLetterAtStart } from './insert';
import { bodyText } from './text';
import type { MessageRef, Person, ReadMessage, ReadOptions, ReadThreadRow, WebmailAdapter } from './types';

const GMAIL_HOSTS = new Set(['mail.google.com']);

/** "#thread-f:123" → "thread-f:123"; "#msg-a:r-45" → "msg-a:r-45". */
function stripHash(id: string): string {
  return id.replace(/^#/, '').trim();
}

function person(el: Element): Person {
  const email = (attr(el, 'email') || attr(el, 'data-hovercard-id')).toLowerCase();
  return { name: attr(el, 'name') || plainText(el), email };
}

/** Unique by address (a row lists "me" once per message), in page order. */
function people(elements: Element[]): Person[] {
  const seen = new Set<string>();
  const out: Person[] = [];
  for (const el of elements) {
    const p = person(el);
    const key = p.email || p.name;
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}

const sel = (chain: readonly string[]): string => chain.join(', ');
const BODY = sel(S.messageBody.chain);
const QUOTE = sel(S.quote.chain);
const SIGNATURE = sel(S.signature.chain);
const TRIMMED = sel(S.trimmedContent.chain);
const FORWARDED = /^-{5,}\s*(forwarded message|message transf[ée]r[ée])/i;

/** Header elements only: the email's own markup (which may imitate Gmail's) is never taken for Gmail's UI. */
function outsideBody(el: Element): boolean {
  return !el.closest(BODY);
}

/** Quotes and signatures are trimmed, except a forwarded message, which is the complaint itself. */
function skipInBody(el: Element): boolean {
  if (el.matches(QUOTE)) return !FORWARDED.test(plainText(el));
  return el.matches(SIGNATURE) || el.matches(TRIMMED);
}

function threadHeader(doc: Document, message?: Element): Element | null {
  // The subject sits above the message list in the same conversation view; walk up until one is in reach.
  for (let scope = message?.parentElement ?? null; scope; scope = scope.parentElement) {
    const found = queryChain(scope, S.threadSubject.chain);
    if (found) return found;
  }
  return queryChain(doc, S.threadSubject.chain);
}

function threadIdOf(header: Element | null): string | null {
  if (!header) return null;
  return stripHash(attr(header, 'data-thread-perm-id')) || attr(header, 'data-legacy-thread-id') || null;
}

/** The date's title= from its hook, else the first title= in `scope` that reads as a date (the hook moved). */
function dateIn(scope: Element, chain: readonly string[], timeZone: string): string | null {
  const hooked = queryChain(scope, chain, outsideBody);
  const parsed = parseWebmailDate(attr(hooked, 'title'), timeZone);
  if (parsed) return parsed;
  for (const el of Array.from(scope.querySelectorAll('span[title]'))) {
    if (!outsideBody(el)) continue;
    const date = parseWebmailDate(attr(el, 'title'), timeZone);
    if (date) return date;
  }
  return null;
}

function listMessages(doc: Document): MessageRef[] {
  return queryChainAll(doc, S.message.chain).flatMap((element) => {
    const messageId = stripHash(attr(element, 'data-message-id')) || attr(element, 'data-legacy-message-id');
    return messageId ? [{ element, messageId }] : [];
  });
}

function readMessage(doc: Document, { element, messageId }: MessageRef, opts: ReadOptions): ReadMessage {
  const header = threadHeader(doc, element);
  const senderEl = queryChain(element, S.messageSender.chain, outsideBody);
  const recipients = queryChainAll(element, S.messageRecipients.chain).filter(outsideBody);
  const body = queryChain(element, S.messageBody.chain);
  return {
    element,
    messageId,
    threadId: threadIdOf(header),
    from: senderEl ? person(senderEl) : { name: '', email: '' },
    to: people(recipients),
    subject: plainText(header),
    date: dateIn(element, S.messageDate.chain, opts.timeZone),
    text: body ? bodyText(body, { skip: skipInBody, cutSignatureDelimiter: true }) : '',
  };
}

function readMessages(doc: Document, opts: ReadOptions): ReadMessage[] {
  return listMessages(doc).map((ref) => readMessage(doc, ref, opts));
}

function rowThreadId(row: Element, subject: Element | null, index: number): string {
  const hooked = subject?.closest('[data-thread-id], [data-legacy-thread-id]') ?? subject;
  const id = stripHash(attr(hooked, 'data-thread-id')) || attr(hooked, 'data-legacy-thread-id');
  // Classic Gmail (2014) put no id in the row: a page-local "row:" id, never mistaken for a Gmail one.
  return id || `row:${row.id || index}`;
}

function readThreadRows(doc: Document, opts: ReadOptions): ReadThreadRow[] {
  const main = doc.querySelector('[role="main"]') ?? doc;
  return queryChainAll(main, S.threadRow.chain).map((element, index) => {
    const subject = queryChain(element, S.rowSubject.chain);
    return {
      element,
      threadId: rowThreadId(element, subject, index),
      subject: plainText(subject),
      from: people(queryChainAll(element, S.rowSenders.chain)),
      date: dateIn(element, S.rowDate.chain, opts.timeZone),
    };
  });
}

function isComposeBody(el: Element): boolean {
  if (attr(el, 'contenteditable') !== 'true' || attr(el, 'role') === 'combobox') return false;
  const roots = sel(S.composeRoot.chain);
  const markers = sel(S.composeMarker.chain);
  for (let node = el.parentElement; node; node = node.parentElement) {
    if (node.matches(roots) && node.querySelector(markers)) return true;
  }
  return false;
}

function findReplyEditor(doc: Document, message?: Element): HTMLElement | null {
  const scope = message?.closest('[role="listitem"]') ?? message?.parentElement ?? null;
  const found =
    (scope && queryChain(scope, S.replyEditor.chain, isComposeBody)) ??
    queryChain(doc, S.replyEditor.chain, isComposeBody);
  return (found as HTMLElement | null) ?? null;
}

function openReply(doc: Document, message: Element): boolean {
  const visible = (el: Element) => outsideBody(el) && !isHiddenByMarkup(el);
  const own = queryChain(message, S.messageReplyButton.chain, visible);
  const item = message.closest('[role="listitem"]') ?? message.parentElement;
  const control =
    own ??
    (item && queryChain(item, S.threadReplyLink.chain, visible)) ??
    queryChain(doc, S.threadReplyLink.chain, visible);
  if (!control) return false;
  pressControl(control);
  return true;
}

export const gmailAdapter: WebmailAdapter = {
  id: 'gmail',
  matches(doc) {
    const host = doc.location?.hostname ?? '';
    if (host) return GMAIL_HOSTS.has(host);
    return queryChain(doc, S.pageMarker.chain) !== null;
  },
  listMessages,
  readMessage,
  readMessages,
  readThreadRows,
  findReplyEditor,
  openReply,
  insertLetter: (editor, letter) => insertLetterAtStart(editor, letter),
  messageHeaderAnchor: (message) => queryChain(message, S.messageHeaderAnchor.chain, outsideBody),
  rowChipAnchor: (row) => queryChain(row, S.rowChipAnchor.chain),
  // Gmail's title reads "Inbox (14) - name@example.com - Gmail" (or "- <Workspace> Mail").
  accountEmail: (doc) => / - ([^\s@]+@[^\s]+) - /.exec(doc.title)?.[1]?.toLowerCase() ?? null,
};
