// The expected match count of every adapter selector on each saved page it names (refined-github's
// selectors.ts habit), for tests/webmail/selectors.test.ts. Test data, kept out of lib/webmail so the content
// script does not ship it. Counts are over the whole document; a selector with `within` counts the sum over
// its scopes. Pages: tests/fixtures/SOURCES.md (ours) and ../shared/fixtures/gmail/SOURCES.md (real).
import type { FreescoutSelectorName } from '../../lib/webmail/freescout-selectors';
import type { GmailSelectorName } from '../../lib/webmail/gmail-selectors';
import type { OutlookSelectorName } from '../../lib/webmail/outlook-selectors';
import type { ZendeskSelectorName } from '../../lib/webmail/zendesk-selectors';

/** `[expected match count, saved page]`. */
export type Expectation = readonly [count: number, page: string];

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

export const OUTLOOK_PAGES = { readingPane: 'outlook-handmade-reading-pane.html' } as const;

const P = GMAIL_PAGES;

export const gmailExpectations: Record<GmailSelectorName, readonly Expectation[]> = {
  pageMarker: [
    [99, P.inbox2025u1],
    [1, P.thread],
    [27, P.inbox2025],
    [300, P.inbox2019],
    [16, P.inbox2014],
    [0, P.addonSidebar],
    [1, P.replyOpen],
    [1, P.hostile],
  ],
  threadSubject: [
    [0, P.inbox2025u1],
    [1, P.thread],
    [0, P.inbox2025],
    [0, P.inbox2019],
    [0, P.inbox2014],
    [0, P.addonSidebar],
    [1, P.replyOpen],
    [1, P.hostile],
  ],
  message: [
    [0, P.inbox2025u1],
    [2, P.thread],
    [0, P.inbox2025],
    [0, P.inbox2019],
    [0, P.inbox2014],
    [0, P.addonSidebar],
    [1, P.replyOpen],
    [1, P.hostile],
  ],
  messageSender: [
    [0, P.inbox2025u1],
    [2, P.thread],
    [0, P.inbox2025],
    [0, P.inbox2019],
    [0, P.inbox2014],
    [1, P.replyOpen],
    [1, P.hostile],
  ],
  messageRecipients: [
    [0, P.inbox2025u1],
    [2, P.thread],
    [0, P.inbox2025],
    [1, P.replyOpen],
    [1, P.hostile],
  ],
  messageDate: [
    [0, P.inbox2025u1],
    [2, P.thread],
    [0, P.inbox2025],
    [1, P.replyOpen],
    [1, P.hostile],
  ],
  messageBody: [
    [0, P.inbox2025u1],
    [2, P.thread],
    [0, P.inbox2025],
    [1, P.replyOpen],
    [1, P.hostile],
  ],
  messageHeaderAnchor: [
    [0, P.inbox2025u1],
    [2, P.thread],
    [0, P.inbox2025],
    [1, P.replyOpen],
    [1, P.hostile],
  ],
  // The hostile email carries a fake Reply button in its body: the adapter only takes header ones.
  messageReplyButton: [
    [0, P.inbox2025u1],
    [2, P.thread],
    [0, P.inbox2025],
    [1, P.replyOpen],
    [2, P.hostile],
  ],
  threadReplyLink: [
    [0, P.inbox2025u1],
    [1, P.thread],
    [0, P.inbox2025],
    [1, P.replyOpen],
    [0, P.hostile],
  ],
  replyEditor: [
    [0, P.inbox2025u1],
    [0, P.thread],
    [0, P.inbox2025],
    [0, P.inbox2019],
    [1, P.replyOpen],
    [1, P.hostile],
  ],
  // The thread page's three forms are Gmail's search and chat forms, without compose inputs.
  composeRoot: [
    [3, P.inbox2025u1],
    [3, P.thread],
    [1, P.replyOpen],
    [1, P.hostile],
  ],
  composeMarker: [
    [0, P.inbox2025u1],
    [0, P.thread],
    [0, P.inbox2025],
    [1, P.replyOpen],
    [1, P.hostile],
  ],
  quote: [
    [0, P.inbox2025u1],
    [1, P.thread],
    [1, P.replyOpen],
    [1, P.hostile],
  ],
  signature: [
    [0, P.inbox2025u1],
    [0, P.thread],
    [1, P.replyOpen],
    [1, P.hostile],
  ],
  trimmedContent: [
    [0, P.inbox2025u1],
    [5, P.thread],
    [1, P.replyOpen],
    [0, P.hostile],
  ],
  threadRow: [
    [50, P.inbox2025u1],
    [15, P.thread],
    [14, P.inbox2025],
    [150, P.inbox2019],
    [16, P.inbox2014],
    [0, P.addonSidebar],
    [0, P.replyOpen],
  ],
  rowSubject: [
    [50, P.inbox2025u1],
    [15, P.thread],
    [14, P.inbox2025],
    [150, P.inbox2019],
    [16, P.inbox2014],
    [0, P.addonSidebar],
  ],
  rowSenders: [
    [77, P.inbox2025u1],
    [18, P.thread],
    [16, P.inbox2025],
    [151, P.inbox2019],
    [16, P.inbox2014],
    [0, P.addonSidebar],
  ],
  rowChipAnchor: [
    [50, P.inbox2025u1],
    [15, P.thread],
    [14, P.inbox2025],
    [150, P.inbox2019],
    [16, P.inbox2014],
    [0, P.addonSidebar],
  ],
  rowDate: [
    [50, P.inbox2025u1],
    [15, P.thread],
    [14, P.inbox2025],
    [150, P.inbox2019],
    [16, P.inbox2014],
    [0, P.addonSidebar],
  ],
};

const O = { ...OUTLOOK_PAGES, gmailThread: GMAIL_PAGES.thread, gmailInbox: GMAIL_PAGES.inbox2025 };

export const outlookExpectations: Record<OutlookSelectorName, readonly Expectation[]> = {
  pageMarker: [
    [3, O.readingPane],
    [0, O.gmailThread],
    [0, O.gmailInbox],
  ],
  readingPane: [
    [1, O.readingPane],
    [0, O.gmailThread],
  ],
  subject: [
    [1, O.readingPane],
    [0, O.gmailThread],
  ],
  messageBody: [
    [2, O.readingPane],
    [0, O.gmailThread],
  ],
  messageDate: [
    [2, O.readingPane],
    [0, O.gmailThread],
  ],
  messageSender: [
    [2, O.readingPane],
    [0, O.gmailThread],
  ],
  messageRecipients: [
    [3, O.readingPane],
    [0, O.gmailThread],
  ],
  messageReplyButton: [
    [2, O.readingPane],
    [0, O.gmailInbox],
  ],
  replyEditor: [
    [1, O.readingPane],
    [0, O.gmailThread],
  ],
  quote: [[2, O.readingPane]],
  signature: [[2, O.readingPane]],
  threadRow: [
    [3, O.readingPane],
    [0, O.gmailThread],
    [0, O.gmailInbox],
  ],
  rowSenders: [[3, O.readingPane]],
};

/** Real pages of a local FreeScout 1.8.235 (../shared/fixtures/freescout/SOURCES.md). */
export const FREESCOUT_PAGES = {
  server: 'freescout-fr-conversation-complaint.server.html',
  complaint: 'freescout-fr-conversation-complaint.dom.html',
  replyInserted: 'freescout-fr-conversation-complaint.dom-reply-inserted.html',
  lateDelivery: 'freescout-fr-conversation-late-delivery.dom.html',
  openingHours: 'freescout-fr-conversation-opening-hours.dom.html',
  billing: 'freescout-fr-conversation-billing.dom.html',
  list: 'freescout-fr-list-unassigned.dom.html',
} as const;

const F = FREESCOUT_PAGES;
/** `[count per page]` in FREESCOUT_PAGES order: one conversation page per column, the list last. */
const perPage = (...counts: number[]): Expectation[] =>
  Object.values(F).map((page, i) => [counts[i] ?? 0, page] as const);

export const freescoutExpectations: Record<FreescoutSelectorName, readonly Expectation[]> = {
  pageMarker: [...perPage(1, 1, 1, 1, 1, 1, 4), [0, GMAIL_PAGES.thread], [0, OUTLOOK_PAGES.readingPane]],
  conversationId: perPage(1, 1, 1, 1, 1, 1, 0),
  conversationNumber: perPage(1, 1, 1, 1, 1, 1, 0),
  subject: perPage(1, 1, 1, 1, 1, 1, 0),
  customerName: perPage(1, 1, 1, 1, 1, 1, 0),
  customerEmail: perPage(1, 1, 1, 1, 1, 1, 0),
  thread: perPage(1, 1, 1, 2, 2, 2, 0),
  // Opening hours has an agent reply, billing an internal note: neither is a customer thread.
  customerThread: perPage(1, 1, 1, 2, 1, 1, 0),
  threadAuthor: perPage(1, 1, 1, 2, 2, 2, 0),
  threadDate: perPage(1, 1, 1, 2, 2, 2, 0),
  threadBody: perPage(1, 1, 1, 2, 2, 2, 0),
  threadHeaderAnchor: perPage(1, 1, 1, 2, 2, 2, 0),
  replyButton: perPage(1, 1, 1, 1, 1, 1, 0),
  replyBlock: perPage(1, 1, 1, 1, 1, 1, 0),
  // The server HTML has only the textarea: Summernote builds its editable area in the browser.
  replyEditor: perPage(0, 1, 1, 1, 1, 1, 0),
  listRow: perPage(0, 0, 0, 0, 0, 0, 4),
  listCustomer: perPage(0, 0, 0, 0, 0, 0, 4),
  listEmail: perPage(0, 0, 0, 0, 0, 0, 4),
  listSubject: perPage(0, 0, 0, 0, 0, 0, 4),
  listDate: perPage(0, 0, 0, 0, 0, 0, 4),
};

/** Our hand-made agent workspace (tests/fixtures/SOURCES.md): two tickets open, #1042 active. */
export const ZENDESK_PAGES = { twoTickets: 'zendesk/zendesk-handmade-two-tickets.html' } as const;

const Z = ZENDESK_PAGES.twoTickets;
const notZendesk = [GMAIL_PAGES.replyOpen, FREESCOUT_PAGES.billing].map((page) => [0, page] as const);

// Counts are over both panes (the adapter scopes to the active one); each hook is checked on other pages too.
export const zendeskExpectations: Record<ZendeskSelectorName, readonly Expectation[]> = {
  pageMarker: [[2, Z], ...notZendesk],
  activeTab: [[1, Z], ...notZendesk],
  ticketPane: [[2, Z], ...notZendesk],
  subject: [[2, Z], ...notZendesk],
  comment: [[5, Z], ...notZendesk],
  commentSender: [[5, Z], ...notZendesk],
  commentTime: [[5, Z], ...notZendesk],
  commentBody: [[5, Z], ...notZendesk],
  replyEditor: [[2, Z], ...notZendesk],
};
