// The webmail adapters and the one entry point that reads a page into plain JSON.
import { freescoutAdapter } from './freescout';
import { gmailAdapter } from './gmail';
import { outlookAdapter } from './outlook';
import {
  MailMessageSchema,
  type PageReading,
  PageReadingSchema,
  type ReadOptions,
  ThreadRowSchema,
  type WebmailAdapter,
} from './types';
import { zendeskAdapter } from './zendesk';

export * from './types';
export { freescoutAdapter, gmailAdapter, outlookAdapter, zendeskAdapter };

// Helpdesks last: they run on any origin and are told by their markup, which a webmail's page never has.
export const ADAPTERS: readonly WebmailAdapter[] = [gmailAdapter, outlookAdapter, freescoutAdapter, zendeskAdapter];

/** The adapter for this document: by hostname on a live page, by DOM shape for a saved page (no hostname). */
export function adapterFor(doc: Document): WebmailAdapter | null {
  return ADAPTERS.find((adapter) => adapter.matches(doc)) ?? null;
}

/** Everything the page shows, as plain JSON (no elements): the open thread's messages and the listed threads. */
export function readPage(doc: Document, opts: ReadOptions): PageReading {
  const adapter = adapterFor(doc);
  if (!adapter) return { adapter: null, messages: [], threads: [] };
  // Parse at the boundary: the page is foreign input, and the element references are dropped here.
  const messages = adapter
    .readMessages(doc, opts)
    .map(({ element: _, ...message }) => MailMessageSchema.parse(message));
  const threads = adapter.readThreadRows(doc, opts).map(({ element: _, ...row }) => ThreadRowSchema.parse(row));
  return PageReadingSchema.parse({ adapter: adapter.id, messages, threads });
}
