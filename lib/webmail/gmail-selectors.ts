// Gmail's DOM as data: every hook the Gmail adapter uses, each as a fallback chain (stable hooks first:
// data-*, email=, role, aria; obfuscated classes last) with its expected match count on each saved page
// (whole document). tests/webmail/gmail-selectors.test.ts walks all of them, so when Gmail moves a hook
// the failing line names it. Pages: tests/fixtures/SOURCES.md (ours) and ../shared/fixtures/gmail/SOURCES.md (real).
import type { SelectorSpec } from './dom';

export const GMAIL_PAGES = {
  thread: 'SubstrateLabs_brocc__gmail-inbox-thread.html',
  inbox2025: 'SubstrateLabs_brocc__gmail-inbox.html',
  inbox2025u1: 'SubstrateLabs_brocc_https-mail-google-com-mail-u-1-inbox.html',
  inbox2019: 'taoqf_node-html-parser_gmail.html',
  inbox2014: 'InboxSDK_InboxSDK_injected-thread-identifier.html',
  addonSidebar: 'InboxSDK_InboxSDK_gmail-2017-06-22-gmail-addon-sidebar.html',
  replyOpen: 'gmail-handmade-reply-open.html',
  hostile: 'gmail-handmade-hostile.html',
} as const;

const P = GMAIL_PAGES;

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
    expect: [
      [99, P.inbox2025u1],
      [1, P.thread],
      [27, P.inbox2025],
      [300, P.inbox2019],
      [16, P.inbox2014],
      [0, P.addonSidebar],
      [1, P.replyOpen],
      [1, P.hostile],
    ],
  },
  /** The open conversation's subject, which also carries its ids. */
  threadSubject: {
    chain: ['h2[data-thread-perm-id]', 'h2[data-legacy-thread-id]', 'h2.hP'],
    expect: [
      [0, P.inbox2025u1],
      [1, P.thread],
      [0, P.inbox2025],
      [0, P.inbox2019],
      [0, P.inbox2014],
      [0, P.addonSidebar],
      [1, P.replyOpen],
      [1, P.hostile],
    ],
  },
  /** One per expanded message. Only div.adn: a Gemini chip also carries an (empty) data-message-id. */
  message: {
    chain: [
      'div.adn[data-message-id]:not([data-message-id=""])',
      'div.adn',
      '[role="listitem"] div[data-message-id]:not([data-message-id=""])',
    ],
    expect: [
      [0, P.inbox2025u1],
      [2, P.thread],
      [0, P.inbox2025],
      [0, P.inbox2019],
      [0, P.inbox2014],
      [0, P.addonSidebar],
      [1, P.replyOpen],
      [1, P.hostile],
    ],
  },
  /** Inside a message: the sender (email= and name= attributes). */
  messageSender: {
    within: 'message',
    chain: ['h3 span[email]', 'span.gD[email]', '[email][data-hovercard-id]'],
    expect: [
      [0, P.inbox2025u1],
      [2, P.thread],
      [0, P.inbox2025],
      [0, P.inbox2019],
      [0, P.inbox2014],
      [1, P.replyOpen],
      [1, P.hostile],
    ],
  },
  /** Inside a message: the recipients shown in the header ("to me"). */
  messageRecipients: {
    within: 'message',
    chain: ['span.hb span[email]', 'span.g2[email]'],
    expect: [
      [0, P.inbox2025u1],
      [2, P.thread],
      [0, P.inbox2025],
      [1, P.replyOpen],
      [1, P.hostile],
    ],
  },
  /** Inside a message: the date, full text in title= (local time, no zone). */
  messageDate: {
    within: 'message',
    chain: ['span.g3[title]', 'td.gH span[title][role="gridcell"]'],
    expect: [
      [0, P.inbox2025u1],
      [2, P.thread],
      [0, P.inbox2025],
      [1, P.replyOpen],
      [1, P.hostile],
    ],
  },
  /** Inside a message: the body as Gmail renders it. */
  messageBody: {
    within: 'message',
    chain: ['div.a3s', 'div.ii.gt'],
    expect: [
      [0, P.inbox2025u1],
      [2, P.thread],
      [0, P.inbox2025],
      [1, P.replyOpen],
      [1, P.hostile],
    ],
  },
  /** Where an injected button goes: the header cell holding the date and star. */
  messageHeaderAnchor: {
    within: 'message',
    chain: ['td.gH.bAk div.gK', 'td.gH.bAk', 'table.cf.gJ'],
    expect: [
      [0, P.inbox2025u1],
      [2, P.thread],
      [0, P.inbox2025],
      [1, P.replyOpen],
      [1, P.hostile],
    ],
  },
  /** Inside a message header: its own Reply button. */
  messageReplyButton: {
    within: 'message',
    chain: replyButtons,
    // The hostile email carries a fake Reply button in its body: the adapter only takes header ones.
    expect: [
      [0, P.inbox2025u1],
      [2, P.thread],
      [0, P.inbox2025],
      [1, P.replyOpen],
      [2, P.hostile],
    ],
  },
  /** Below the last message: the thread's Reply link. */
  threadReplyLink: {
    chain: [
      'div.amn span.ams.bkH[role="link"]',
      ...GMAIL_LABELS.reply.map((label) => `[role="link"][data-tooltip*="${label}"]`),
      ...GMAIL_LABELS.reply.map((label) => `[role="link"][aria-label="${label}"]`),
      'span.ams.bkH',
    ],
    expect: [
      [0, P.inbox2025u1],
      [1, P.thread],
      [0, P.inbox2025],
      [1, P.replyOpen],
      [0, P.hostile],
    ],
  },
  /** The reply/compose body; it must also sit in a compose form (below). The Gemini prompt never matches. */
  replyEditor: {
    chain: [
      'div[contenteditable="true"][role="textbox"][g_editable="true"]',
      'div.Am.Al.editable[contenteditable="true"]',
      ...GMAIL_LABELS.messageBody.map((label) => `div[contenteditable="true"][aria-label="${label}"]`),
    ],
    expect: [
      [0, P.inbox2025u1],
      [0, P.thread],
      [0, P.inbox2025],
      [0, P.inbox2019],
      [1, P.replyOpen],
      [1, P.hostile],
    ],
  },
  /** A compose root (an ancestor of the editor) ... */
  composeRoot: {
    chain: ['div.M9', 'div.aoP', 'form', '[role="dialog"]'],
    // The thread page's three forms are Gmail's search and chat forms, without compose inputs.
    expect: [
      [3, P.inbox2025u1],
      [3, P.thread],
      [1, P.replyOpen],
      [1, P.hostile],
    ],
  },
  /** ... that holds Gmail's hidden compose inputs. */
  composeMarker: {
    chain: ['input[name="subjectbox"]', 'input[name="composeid"]'],
    expect: [
      [0, P.inbox2025u1],
      [0, P.thread],
      [0, P.inbox2025],
      [1, P.replyOpen],
      [1, P.hostile],
    ],
  },
  /** Inside an editor or body: the quoted previous message. */
  quote: {
    chain: ['div.gmail_quote', 'blockquote.gmail_quote', '[class$="gmail_quote"]'],
    expect: [
      [0, P.inbox2025u1],
      [1, P.thread],
      [1, P.replyOpen],
      [1, P.hostile],
    ],
  },
  /** Inside an editor or body: the signature. */
  signature: {
    chain: ['[data-smartmail="gmail_signature"]', 'div.gmail_signature'],
    expect: [
      [0, P.inbox2025u1],
      [0, P.thread],
      [1, P.replyOpen],
      [1, P.hostile],
    ],
  },
  /** Inside a body: Gmail's own hidden "trimmed content" (the quoted history) and its toggle. */
  trimmedContent: {
    chain: ['div.yj6qo, div.adL, div.h5'],
    expect: [
      [0, P.inbox2025u1],
      [5, P.thread],
      [1, P.replyOpen],
      [0, P.hostile],
    ],
  },
  /** Thread list rows (inbox, labels, search). */
  threadRow: {
    chain: ['tr.zA', 'table[role="grid"] tr[role="row"]'],
    expect: [
      [50, P.inbox2025u1],
      [15, P.thread],
      [14, P.inbox2025],
      [150, P.inbox2019],
      [16, P.inbox2014],
      [0, P.addonSidebar],
      [0, P.replyOpen],
    ],
  },
  /** Inside a row: the subject span carrying data-thread-id (the visible one sits in the role=link cell). */
  rowSubject: {
    within: 'threadRow',
    chain: ['[role="link"] [data-thread-id]', '[data-thread-id]', '[data-legacy-thread-id]', 'div.y6 > span:not(.y2)'],
    expect: [
      [50, P.inbox2025u1],
      [15, P.thread],
      [14, P.inbox2025],
      [150, P.inbox2019],
      [16, P.inbox2014],
      [0, P.addonSidebar],
    ],
  },
  /** Inside a row: the senders (email= attributes); a hidden accessibility copy is skipped by preferring div.yW. */
  rowSenders: {
    within: 'threadRow',
    chain: ['div.yW [email]', 'td.yX [email]', 'span.yP[email], span.zF[email]'],
    expect: [
      [77, P.inbox2025u1],
      [18, P.thread],
      [16, P.inbox2025],
      [151, P.inbox2019],
      [16, P.inbox2014],
      [0, P.addonSidebar],
    ],
  },
  /** Inside a row: the subject-and-snippet block, where a logged thread's chip goes (before the subject). */
  rowChipAnchor: {
    within: 'threadRow',
    chain: ['div.xT', 'td.a4W', 'td[role="gridcell"]'],
    expect: [
      [50, P.inbox2025u1],
      [15, P.thread],
      [14, P.inbox2025],
      [150, P.inbox2019],
      [16, P.inbox2014],
      [0, P.addonSidebar],
    ],
  },
  /** Inside a row: the date, full text in title= (local time, no zone). */
  rowDate: {
    within: 'threadRow',
    chain: ['td.xW span[title]', 'td[role="gridcell"] span[title][aria-label]'],
    expect: [
      [50, P.inbox2025u1],
      [15, P.thread],
      [14, P.inbox2025],
      [150, P.inbox2019],
      [16, P.inbox2014],
      [0, P.addonSidebar],
    ],
  },
} as const satisfies Record<string, SelectorSpec>;

export type GmailSelectorName = keyof typeof gmailSelectors;
