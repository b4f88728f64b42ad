// FreeScout's DOM as data (self-hosted helpdesk, Laravel + Bootstrap 3 + Summernote): every hook the FreeScout
// adapter uses, each as a fallback chain. The hooks are FreeScout's own `data-*` attributes and ids, found on
// the real pages rendered by a local FreeScout 1.8.235 (../shared/fixtures/freescout/SOURCES.md); the expected
// counts per page are test data (tests/webmail/selector-expectations.ts).
import type { SelectorSpec } from './dom';

export const freescoutSelectors = {
  /** Any of these means "this is FreeScout" (a conversation or a mailbox list), with or without a hostname. */
  pageMarker: {
    chain: ['body[data-conversation_id]', 'table.table-conversations tr.conv-row[data-conversation_id]'],
  },
  /** The open conversation: its id on <body>, else in the reply form. */
  conversationId: {
    chain: ['body[data-conversation_id]', 'form.form-reply input[name="conversation_id"]'],
  },
  /** The number shown as "# 1" (equal to the id on most instances, not on all). */
  conversationNumber: {
    chain: ['.conv-numnav strong'],
  },
  /** The subject: the editor input's value= (exact), else the shown text. */
  subject: {
    chain: ['input#conv-subj-value[value]', '.conv-subjtext > span'],
  },
  /** The conversation's customer (a customer thread's sender: FreeScout shows no per-thread address). */
  customerName: {
    chain: ['#conv-layout-customer .customer-name', '.customer-snippet .customer-name'],
  },
  customerEmail: {
    chain: ['#conv-layout-customer .customer-email .contact-main', '.customer-snippet .customer-email a'],
  },
  /** Every thread, newest first; the type is a class (customer / message = agent reply / note). */
  thread: {
    chain: ['#conv-layout-main .thread[data-thread_id]', '.thread[data-thread_id]'],
  },
  /** Only the customer's threads: what can be logged as a complaint. */
  customerThread: {
    chain: ['#conv-layout-main .thread.thread-type-customer[data-thread_id]', '.thread.thread-type-customer'],
  },
  threadAuthor: {
    within: 'thread',
    chain: ['.thread-person strong', '.thread-person'],
  },
  /** The absolute date: title= in the server HTML, data-original-title= once Bootstrap's tooltip ran. */
  threadDate: {
    within: 'thread',
    chain: ['.thread-date[data-original-title]', '.thread-date[title]'],
  },
  threadBody: {
    within: 'thread',
    chain: ['.thread-content', '.thread-body'],
  },
  /** Where the "log complaint" button goes: the thread's header title line. */
  threadHeaderAnchor: {
    within: 'thread',
    chain: ['.thread-title', '.thread-header'],
  },
  /** The conversation's Reply control (FreeScout's JS opens `.conv-reply-block`). */
  replyButton: {
    chain: ['.conv-actions .conv-reply', 'span.conv-reply[role="button"]', '.conv-reply'],
  },
  /** The reply form's block, hidden until Reply is pressed. */
  replyBlock: {
    chain: ['.conv-reply-block'],
  },
  /** Summernote's editable area inside the reply block (absent from the server HTML, before Summernote ran). */
  replyEditor: {
    chain: ['.conv-reply-block .note-editable[contenteditable="true"]', '.conv-reply-body .note-editable'],
  },
  /** Mailbox list rows. */
  listRow: {
    chain: ['table.table-conversations tbody tr.conv-row[data-conversation_id]', 'tr.conv-row'],
  },
  listCustomer: {
    within: 'listRow',
    chain: ['td.conv-customer > a', 'td.conv-customer'],
  },
  listEmail: {
    within: 'listRow',
    chain: ['td.conv-customer span.conv-email', 'td.conv-customer > a[title*="@"]'],
  },
  /** The row's subject line, where a logged conversation's chip goes. */
  listSubject: {
    within: 'listRow',
    chain: ['td.conv-subject p:not(.conv-preview)', 'td.conv-subject'],
  },
  /** The row's date cell (relative text; the absolute date is its title=). */
  listDate: {
    within: 'listRow',
    chain: ['td.conv-date [data-original-title]', 'td.conv-date [title]'],
  },
} as const satisfies Record<string, SelectorSpec>;

export type FreescoutSelectorName = keyof typeof freescoutSelectors;
