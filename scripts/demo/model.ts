// The demo mailbox as the page receives it: threads with absolute dates and Gmail's ids, one zod/mini schema
// (the page script parses its embedded JSON and its sessionStorage with it). The source data, with dates
// relative to the demo's start, is in emails.ts; `resolveMailbox` turns one into the other.
import * as z from 'zod/mini';
import { AGENT, type Ago, type DemoThread } from './emails';

const PersonSchema = z.object({ name: z.string(), email: z.string() });

export const MailboxMessageSchema = z.object({
  /** Gmail's form without the hash: "msg-f:1851…" (received) or "msg-a:r…" (sent from the demo). */
  messageId: z.string(),
  legacyId: z.string(),
  from: PersonSchema,
  to: z.array(PersonSchema),
  /** ISO instant. */
  date: z.string(),
  /** Lines inside a paragraph are separated by "\n". */
  paragraphs: z.array(z.string()),
});

export const MailboxThreadSchema = z.object({
  threadId: z.string(),
  legacyId: z.string(),
  subject: z.string(),
  unread: z.boolean(),
  messages: z.array(MailboxMessageSchema),
});

export const MailboxSchema = z.object({
  agent: PersonSchema,
  signature: z.array(z.string()),
  threads: z.array(MailboxThreadSchema),
});

export type Person = z.infer<typeof PersonSchema>;
export type MailboxMessage = z.infer<typeof MailboxMessageSchema>;
export type MailboxThread = z.infer<typeof MailboxThreadSchema>;
export type Mailbox = z.infer<typeof MailboxSchema>;

/** Gmail's legacy (hexadecimal) id is the same 64-bit number as its decimal "thread-f:"/"msg-f:" id. */
export function legacyIdOf(digits: string): string {
  return BigInt(digits).toString(16);
}

const MINUTE = 60_000;

function receivedAt(ago: Ago, startMs: number): Date {
  return new Date(startMs - ((ago.days ?? 0) * 1440 + (ago.minutes ?? 0)) * MINUTE);
}

/** The mailbox as it stands at `now`: each message received `ago` before it, to the minute. */
export function resolveMailbox(threads: readonly DemoThread[], now: Date): Mailbox {
  const start = Math.floor(now.getTime() / MINUTE) * MINUTE;
  return {
    agent: AGENT,
    signature: [
      'Service client',
      'Maison Lumen — luminaires et éclairage',
      '01 84 00 00 00 (du lundi au vendredi, 9 h – 18 h)',
    ],
    // Gmail's thread id is the id of its first message.
    threads: threads.map((thread) => ({
      threadId: `thread-f:${thread.messages[0].id}`,
      legacyId: legacyIdOf(thread.messages[0].id),
      subject: thread.subject,
      unread: thread.unread ?? false,
      messages: thread.messages.map((message) => ({
        messageId: `msg-f:${message.id}`,
        legacyId: legacyIdOf(message.id),
        from: message.from,
        to: [AGENT],
        date: receivedAt(message.ago, start).toISOString(),
        paragraphs: [...message.paragraphs],
      })),
    })),
  };
}

/** Most recent activity first, as Gmail orders the inbox. */
export function byLastActivity(threads: readonly MailboxThread[]): MailboxThread[] {
  const last = (t: MailboxThread) => Math.max(...t.messages.map((m) => Date.parse(m.date)));
  return [...threads].sort((a, b) => last(b) - last(a));
}
