// Outlook on the web's DOM as data, in the same shape as gmail-selectors.ts. Written against the
// 2024-2025 outlook.office.com / outlook.live.com UI as public projects describe it, and checked only against a
// HAND-MADE page (tests/fixtures/outlook-handmade-reading-pane.html): no real saved page was available.
import type { SelectorSpec } from './dom';
import { GMAIL_PAGES } from './gmail-selectors';

export const OUTLOOK_PAGES = { readingPane: 'outlook-handmade-reading-pane.html' } as const;

const P = { ...OUTLOOK_PAGES, gmailThread: GMAIL_PAGES.thread, gmailInbox: GMAIL_PAGES.inbox2025 };

/** Outlook's labels (English and French UI): page data, not our UI. */
export const OUTLOOK_LABELS = {
  reply: ['Reply', 'Répondre'],
  messageBody: ['Message body', 'Corps du message'],
  from: ['From:', 'De :', 'De:'],
  to: ['To:', 'À :', 'À:'],
} as const;

export const outlookSelectors = {
  /** Any of these means "this is Outlook" for a saved page without a hostname. */
  pageMarker: {
    chain: [
      '[data-convid]',
      '#ReadingPaneContainerId',
      '#ConversationReadingPaneContainer',
      '#ItemReadingPaneContainer',
      '[data-app-section="MessageList"]',
    ],
    expect: [
      [3, P.readingPane],
      [0, P.gmailThread],
      [0, P.gmailInbox],
    ],
  },
  /** The open conversation (or single item) in the reading pane. */
  readingPane: {
    chain: [
      '#ConversationReadingPaneContainer',
      '#ItemReadingPaneContainer',
      '[data-app-section="MailReadCompose"]',
      '#ReadingPaneContainerId',
    ],
    expect: [
      [1, P.readingPane],
      [0, P.gmailThread],
    ],
  },
  subject: {
    within: 'readingPane',
    chain: ['[role="heading"][aria-level="2"] span[title]', '[role="heading"][aria-level="2"]', 'span[id$="_SUBJECT"]'],
    expect: [
      [1, P.readingPane],
      [0, P.gmailThread],
    ],
  },
  /** One per rendered message body; the message is the largest ancestor holding only that body. */
  messageBody: {
    within: 'readingPane',
    chain: [
      'div[id^="UniqueMessageBody"]',
      '[role="document"].allowTextSelection',
      ...OUTLOOK_LABELS.messageBody.map((l) => `[role="document"][aria-label="${l}"]`),
    ],
    expect: [
      [2, P.readingPane],
      [0, P.gmailThread],
    ],
  },
  messageDate: {
    within: 'readingPane',
    chain: ['[data-testid="SentReceivedSavedTime"]', 'time[datetime]'],
    expect: [
      [2, P.readingPane],
      [0, P.gmailThread],
    ],
  },
  messageSender: {
    within: 'readingPane',
    chain: OUTLOOK_LABELS.from.map((l) => `[aria-label^="${l}"]`),
    expect: [
      [2, P.readingPane],
      [0, P.gmailThread],
    ],
  },
  messageRecipients: {
    within: 'readingPane',
    chain: OUTLOOK_LABELS.to.map((l) => `[aria-label^="${l}"] [title*="@"]`),
    expect: [
      [3, P.readingPane],
      [0, P.gmailThread],
    ],
  },
  messageReplyButton: {
    within: 'readingPane',
    chain: OUTLOOK_LABELS.reply.flatMap((l) => [`button[aria-label="${l}"]`, `[role="button"][aria-label="${l}"]`]),
    expect: [
      [2, P.readingPane],
      [0, P.gmailInbox],
    ],
  },
  replyEditor: {
    chain: [
      ...OUTLOOK_LABELS.messageBody.map((l) => `div[contenteditable="true"][role="textbox"][aria-label="${l}"]`),
      'div[id^="editorParent"] div[contenteditable="true"]',
    ],
    expect: [
      [1, P.readingPane],
      [0, P.gmailThread],
    ],
  },
  /** Inside a body or the editor: the quoted history (OWA prefixes received ids with x_) and the signature. */
  quote: {
    chain: ['[id$="divRplyFwdMsg"]', '[id$="appendonsend"]', 'blockquote', '[class$="gmail_quote"]'],
    expect: [[2, P.readingPane]],
  },
  signature: {
    chain: ['[id$="Signature"]', '[id$="signature"]'],
    expect: [[2, P.readingPane]],
  },
  threadRow: {
    chain: [
      '[role="option"][data-convid]',
      '[data-app-section="MessageList"] [role="option"]',
      '[role="option"][data-focusable-row]',
    ],
    expect: [
      [3, P.readingPane],
      [0, P.gmailThread],
      [0, P.gmailInbox],
    ],
  },
  /** Inside a row: people carry their address in title=. */
  rowSenders: {
    within: 'threadRow',
    chain: ['span[title*="@"]'],
    expect: [[3, P.readingPane]],
  },
} as const satisfies Record<string, SelectorSpec>;
