// Zendesk's agent workspace (https://<company>.zendesk.com/agent/tickets/<id>) as data. No public saved page of
// the workspace exists: these hooks are the `data-test-id` attributes that public extensions and userscripts
// rely on, each cited below (tests/fixtures/SOURCES.md lists the same sources), and they are checked against
// our hand-made page tests/fixtures/zendesk-handmade-two-tickets.html only. Zendesk keeps every open ticket's
// pane in the page at once: every look-up is scoped to the active ticket's pane.
//
// Sources (read, not copied):
// [A] Automattic/support-toolkit, extension/zendesk-selectors.js: omni-log-container, omni-log-comment-item,
//     omni-log-item-message, omni-header-subject, header-tablist.
// [B] toggl/track-extension, src/content/zendesk.js: the selected header tab `header div[data-selected=true]`
//     and its data-entity-id (the active ticket), the per-ticket `[data-side-conversations-anchor-id="<id>"]`,
//     the ticket id in the URL `/tickets/<id>`.
// [C] joaoaguiar264/Automacoes-ALT, "Zendesk - ALT Copilot.user.js": `[data-test-id="header-tab"]` with
//     data-entity-type="TICKET_ENTITY_TYPE" and data-entity-is-selected="true", omni-log-item-sender,
//     omni-log-message-content, `time[data-test-id^="timestamp-"]`.
// [D] several public userscripts found by code search (their repositories are not named by the index): the
//     reply editor `[data-test-id="omnicomposer-rich-text-ckeditor"]` (a CKEditor 5 editable, whose instance is
//     the element's `ckeditorInstance`, CKEditor 5's documented way back from the DOM), and panes scoped by
//     `[data-ticket-id="<id>"]`.
// [E] named by issue 14 without a public source found: the active pane's `data-is-active`, kept as a last
//     fallback only.
import type { SelectorSpec } from './dom';

export const zendeskSelectors = {
  /** Any of these means "this is Zendesk's agent workspace" for a page without a hostname. [A][C] */
  pageMarker: {
    chain: [
      '[data-test-id="omni-log-container"]',
      '[data-test-id="header-tab"][data-entity-type="TICKET_ENTITY_TYPE"]',
    ],
  },
  /** The selected ticket tab, carrying the active ticket's id in data-entity-id. [C][B] */
  activeTab: {
    chain: [
      '[data-test-id="header-tab"][data-entity-type="TICKET_ENTITY_TYPE"][data-entity-is-selected="true"]',
      '[data-test-id="header-tab"][aria-current="page"][data-entity-id]',
      'header [data-selected="true"][data-entity-id]',
    ],
  },
  /** Every open ticket's pane (one per tab); the active one is picked by its id. [D][B][E] */
  ticketPane: {
    chain: ['[data-ticket-id]', '[data-side-conversations-anchor-id]', '[data-is-active]'],
  },
  /** Inside the active pane: the subject input (its value= is the subject). [A] */
  subject: {
    within: 'ticketPane',
    chain: [
      'input[data-test-id="omni-header-subject"]',
      '[data-test-id="omni-header-subject"]',
      'input[aria-label="Subject"]',
    ],
  },
  /** Inside a pane: the conversation log's comments. [A][C] */
  comment: {
    within: 'ticketPane',
    chain: [
      '[data-test-id="omni-log-container"] [data-test-id="omni-log-comment-item"]',
      'article[data-test-id="omni-log-comment-item"]',
    ],
  },
  commentSender: {
    within: 'comment',
    chain: ['[data-test-id="omni-log-item-sender"]'],
  },
  /** The comment's time: an ISO instant in datetime=. [C] */
  commentTime: {
    within: 'comment',
    chain: [
      'time[data-test-id="timestamp-relative"][datetime]',
      'time[data-test-id^="timestamp-"][datetime]',
      'time[datetime]',
    ],
  },
  commentBody: {
    within: 'comment',
    chain: ['[data-test-id="omni-log-message-content"]', '[data-test-id="omni-log-item-message"]'],
  },
  /** Inside a pane: the reply editor (CKEditor 5). [D] */
  replyEditor: {
    within: 'ticketPane',
    chain: [
      '[data-test-id="omnicomposer-rich-text-ckeditor"][contenteditable="true"]',
      '.ck-editor__editable[contenteditable="true"]',
    ],
  },
} as const satisfies Record<string, SelectorSpec>;

export type ZendeskSelectorName = keyof typeof zendeskSelectors;
