// The shapes every webmail adapter returns. zod is the single definition; the types are inferred from it.
import { z } from 'zod';

export const PersonSchema = z.object({
  name: z.string(),
  /** Lower-cased; '' when the page shows no address. */
  email: z.string().trim().toLowerCase(),
});

export const MailMessageSchema = z.object({
  messageId: z.string().min(1),
  threadId: z.string().min(1).nullable(),
  from: PersonSchema,
  to: z.array(PersonSchema),
  subject: z.string(),
  /** ISO instant (UTC), or null when the page's date could not be read. */
  date: z.iso.datetime().nullable(),
  /** Plain text body: quoted replies and signatures trimmed where they can be told apart. */
  text: z.string(),
});

export const ThreadRowSchema = z.object({
  threadId: z.string().min(1),
  subject: z.string(),
  from: z.array(PersonSchema),
  date: z.iso.datetime().nullable(),
});

/** The systems a page adapter reads: webmails and helpdesks. */
export const AdapterIdSchema = z.enum(['gmail', 'outlook', 'zendesk', 'freescout']);

export const PageReadingSchema = z.object({
  adapter: AdapterIdSchema.nullable(),
  messages: z.array(MailMessageSchema),
  threads: z.array(ThreadRowSchema),
});

export type Person = z.infer<typeof PersonSchema>;
export type MailMessage = z.infer<typeof MailMessageSchema>;
export type ThreadRow = z.infer<typeof ThreadRowSchema>;
export type AdapterId = z.infer<typeof AdapterIdSchema>;
export type PageReading = z.infer<typeof PageReadingSchema>;

/** A message as read from the live page: the data plus the element it came from (for buttons and replies). */
export type ReadMessage = MailMessage & {
  element: Element;
  /** Where a helpdesk adapter read the data from: the helpdesk's API or the page (the panel says which). */
  readVia?: 'api' | 'dom';
};
export type ReadThreadRow = ThreadRow & { element: Element };

/** Webmails show dates in the viewer's local time without a zone: they are read in `timeZone` (IANA name). */
export interface ReadOptions {
  timeZone: string;
}

export interface Letter {
  /** Plain text of the letter; used as is (as text nodes) when `html` cannot be inserted. */
  text: string;
  /** Already-escaped HTML from the template engine; inserted verbatim, never mixed with page content. */
  html?: string;
}

/** A message of the open thread, found without reading it (cheap: for following a busy page). */
export interface MessageRef {
  element: Element;
  messageId: string;
}

export interface WebmailAdapter {
  id: AdapterId;
  matches(doc: Document): boolean;
  /** The open thread's messages, ids only. */
  listMessages(doc: Document, opts: ReadOptions): MessageRef[];
  /** One message read in full (sender, recipients, date, text). */
  readMessage(doc: Document, ref: MessageRef, opts: ReadOptions): ReadMessage;
  readMessages(doc: Document, opts: ReadOptions): ReadMessage[];
  readThreadRows(doc: Document, opts: ReadOptions): ReadThreadRow[];
  findReplyEditor(doc: Document, message?: Element): HTMLElement | null;
  /** Clicks the webmail's own Reply control for `message`; false when none was found. */
  openReply(doc: Document, message: Element): boolean;
  /** Puts the letter at the start of the editor, above the quoted text and signature. */
  insertLetter(editor: HTMLElement, letter: Letter): boolean;
  /** Where an injected button goes, in the message header. */
  messageHeaderAnchor(message: Element): Element | null;
  /** Where a logged thread's chip goes, in its row of the thread list. */
  rowChipAnchor(row: Element): Element | null;
  /** The signed-in account's address, when the page shows it (the agent's own messages get no button). */
  accountEmail(doc: Document): string | null;
}
