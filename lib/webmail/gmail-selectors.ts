// Gmail's DOM as data: every hook the Gmail adapter uses, each as a fallback chain (stable hooks first:
// data-*, email=, role, aria; obfuscated classes last). The expected match counts per saved page are test data
// (tests/webmail/selector-expectations.ts), so the content script does not ship them; when Gmail moves a hook,
// tests/webmail/selectors.test.ts names the selector and the page.
import type { SelectorSpec } from './dom';

/** Gmail's labels for its Reply controls and message body (English and French UI): page data, not our UI. */
export const GMAIL_LABELS = {
  reply: ['Reply', 'Répondre'],
  messageBody: ['Message Body', 'Corps du message'],
} as const;

const replyButtons = GMAIL_LABELS.reply.flatMap((label) => [
  `[role="button"][data-tooltip="${label}"]`,
  `[role="button"][aria-label="${label}"]`,
]);

export const gmailSelectors = {
  /** Any of these means "this is Gmail" for a saved page without a hostname. */
  pageMarker: {
    chain: ['h2[data-thread-perm-id]', '[data-legacy-thread-id]', 'div.adn', 'tr.zA', 'div[g_editable="true"]'],
  },
  /** The open conversation's subject, which also carries its ids. */
  threadSubject: {
    chain: ['h2[data-thread-perm-id]', 'h2[data-legacy-thread-id]', 'h2.hP'],
  },
  /** One per expanded message. Only div.adn: a Gemini chip also carries an (empty) data-message-id. */
  message: {
    chain: [
      'div.adn[data-message-id]:not([data-message-id=""])',
      'div.adn',
      '[role="listitem"] div[data-message-id]:not([data-message-id=""])',
    ],
  },
  /** Inside a message: the sender (email= and name= attributes). */
  messageSender: {
    within: 'message',
    chain: ['h3 span[email]', 'span.gD[email]', '[email][data-hovercard-id]'],
  },
  /** Inside a message: the recipients shown in the header ("to me"). */
  messageRecipients: {
    within: 'message',
    chain: ['span.hb span[email]', 'span.g2[email]'],
  },
  /** Inside a message: the date, full text in title= (local time, no zone). */
  messageDate: {
    within: 'message',
    chain: ['span.g3[title]', 'td.gH span[title][role="gridcell"]'],
  },
  /** Inside a message: the body as Gmail renders it. */
  messageBody: {
    within: 'message',
    chain: ['div.a3s', 'div.ii.gt'],
  },
  /** Where an injected button goes: the header cell holding the date and star. */
  messageHeaderAnchor: {
    within: 'message',
    chain: ['td.gH.bAk div.gK', 'td.gH.bAk', 'table.cf.gJ'],
  },
  /** Inside a message header: its own Reply button. */
  messageReplyButton: {
    within: 'message',
    chain: replyButtons,
  },
  /** Below the last message: the thread's Reply link. */
  threadReplyLink: {
    chain: [
      'div.amn span.ams.bkH[role="link"]',
      ...GMAIL_LABELS.reply.map((label) => `[role="link"][data-tooltip*="${label}"]`),
      ...GMAIL_LABELS.reply.map((label) => `[role="link"][aria-label="${label}"]`),
      'span.ams.bkH',
    ],
  },
  /** The reply/compose body; it must also sit in a compose form (below). The Gemini prompt never matches. */
  replyEditor: {
    chain: [
      'div[contenteditable="true"][role="textbox"][g_editable="true"]',
      'div.Am.Al.editable[contenteditable="true"]',
      ...GMAIL_LABELS.messageBody.map((label) => `div[contenteditable="true"][aria-label="${label}"]`),
    ],
  },
  /** A compose root (an ancestor of the editor) ... */
  composeRoot: {
    chain: ['div.M9', 'div.aoP', 'form', '[role="dialog"]'],
  },
  /** ... that holds Gmail's hidden compose inputs. */
  composeMarker: {
    chain: ['input[name="subjectbox"]', 'input[name="composeid"]'],
  },
  /** Inside an editor or body: the quoted previous message. */
  quote: {
    chain: ['div.gmail_quote', 'blockquote.gmail_quote', '[class$="gmail_quote"]'],
  },
  /** Inside an editor or body: the signature. */
  signature: {
    chain: ['[data-smartmail="gmail_signature"]', 'div.gmail_signature'],
  },
  /** Inside a body: Gmail's own hidden "trimmed content" (the quoted history) and its toggle. */
  trimmedContent: {
    chain: ['div.yj6qo, div.adL, div.h5'],
  },
  /** Thread list rows (inbox, labels, search). */
  threadRow: {
    chain: ['tr.zA', 'table[role="grid"] tr[role="row"]'],
  },
  /** Inside a row: the subject span carrying data-thread-id (the visible one sits in the role=link cell). */
  rowSubject: {
    within: 'threadRow',
    chain: ['[role="link"] [data-thread-id]', '[data-thread-id]', '[data-legacy-thread-id]', 'div.y6 > span:not(.y2)'],
  },
  /** Inside a row: the senders (email= attributes); a hidden accessibility copy is skipped by preferring div.yW. */
  rowSenders: {
    within: 'threadRow',
    chain: ['div.yW [email]', 'td.yX [email]', 'span.yP[email], span.zF[email]'],
  },
  /** Inside a row: the subject-and-snippet block, where a logged thread's chip goes (before the subject). */
  rowChipAnchor: {
    within: 'threadRow',
    chain: ['div.xT', 'td.a4W', 'td[role="gridcell"]'],
  },
  /** Inside a row: the date, full text in title= (local time, no zone). */
  rowDate: {
    within: 'threadRow',
    chain: ['td.xW span[title]', 'td[role="gridcell"] span[title][aria-label]'],
  },
} as const satisfies Record<string, SelectorSpec>;

export type GmailSelectorName = keyof typeof gmailSelectors;
