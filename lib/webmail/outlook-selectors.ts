// Outlook on the web's DOM as data, in the same shape as gmail-selectors.ts. Written against the
// 2024-2025 outlook.office.com / outlook.live.com UI as public projects describe it, and checked only against a
// HAND-MADE page (tests/fixtures/outlook-handmade-reading-pane.html): no real saved page was available.
import type { SelectorSpec } from './dom';

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
  },
  /** The open conversation (or single item) in the reading pane. */
  readingPane: {
    chain: [
      '#ConversationReadingPaneContainer',
      '#ItemReadingPaneContainer',
      '[data-app-section="MailReadCompose"]',
      '#ReadingPaneContainerId',
    ],
  },
  subject: {
    within: 'readingPane',
    chain: ['[role="heading"][aria-level="2"] span[title]', '[role="heading"][aria-level="2"]', 'span[id$="_SUBJECT"]'],
  },
  /** One per rendered message body; the message is the largest ancestor holding only that body. */
  messageBody: {
    within: 'readingPane',
    chain: [
      'div[id^="UniqueMessageBody"]',
      '[role="document"].allowTextSelection',
      ...OUTLOOK_LABELS.messageBody.map((l) => `[role="document"][aria-label="${l}"]`),
    ],
  },
  messageDate: {
    within: 'readingPane',
    chain: ['[data-testid="SentReceivedSavedTime"]', 'time[datetime]'],
  },
  messageSender: {
    within: 'readingPane',
    chain: OUTLOOK_LABELS.from.map((l) => `[aria-label^="${l}"]`),
  },
  messageRecipients: {
    within: 'readingPane',
    chain: OUTLOOK_LABELS.to.map((l) => `[aria-label^="${l}"] [title*="@"]`),
  },
  messageReplyButton: {
    within: 'readingPane',
    chain: OUTLOOK_LABELS.reply.flatMap((l) => [`button[aria-label="${l}"]`, `[role="button"][aria-label="${l}"]`]),
  },
  replyEditor: {
    chain: [
      ...OUTLOOK_LABELS.messageBody.map((l) => `div[contenteditable="true"][role="textbox"][aria-label="${l}"]`),
      'div[id^="editorParent"] div[contenteditable="true"]',
    ],
  },
  /** Inside a body or the editor: the quoted history (OWA prefixes received ids with x_) and the signature. */
  quote: {
    chain: ['[id$="divRplyFwdMsg"]', '[id$="appendonsend"]', 'blockquote', '[class$="gmail_quote"]'],
  },
  signature: {
    chain: ['[id$="Signature"]', '[id$="signature"]'],
  },
  threadRow: {
    chain: [
      '[role="option"][data-convid]',
      '[data-app-section="MessageList"] [role="option"]',
      '[role="option"][data-focusable-row]',
    ],
  },
  /** Inside a row: people carry their address in title=. */
  rowSenders: {
    within: 'threadRow',
    chain: ['span[title*="@"]'],
  },
} as const satisfies Record<string, SelectorSpec>;

export type OutlookSelectorName = keyof typeof outlookSelectors;
