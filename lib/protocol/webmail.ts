// The part of the message protocol that webmail content scripts speak: what they send about the open
// page, what the background answers (chips and spotter verdicts, already worded in the agent's language),
// and the requests the extension's pages send to them. Written with zod/mini: these schemas ship inside
// the content script, which stays small (see `npm run bench`); lib/protocol/messages.ts embeds them.
import * as z from 'zod/mini';

const id = z.string().check(z.maxLength(200));

export const ScannedMessageSchema = z.object({
  messageId: id,
  threadId: z.nullable(id),
  subject: z.string().check(z.maxLength(500)),
  /** The start of the text is enough for the spotter; the full excerpt is taken at click time. */
  text: z.string().check(z.maxLength(6000)),
  fromEmail: z.string().check(z.maxLength(320)),
});
export type ScannedMessage = z.infer<typeof ScannedMessageSchema>;

export const ChipViewSchema = z.object({
  id: z.string(),
  messageId: z.nullable(z.string()),
  threadId: z.nullable(z.string()),
  state: z.enum(['overdue', 'dueSoon', 'running', 'none']),
  text: z.string(),
  label: z.string(),
  rowText: z.string(),
  rowLabel: z.string(),
});
export type ChipView = z.infer<typeof ChipViewSchema>;

export const CueViewSchema = z.object({ id: z.string(), label: z.string(), weight: z.number(), excerpt: z.string() });

/** A word or word pair the spotter's model weighed most towards "complaint" (lib/spotting/model.ts). */
export const FragmentViewSchema = z.object({ text: z.string().check(z.maxLength(200)), weight: z.number() });

export const SpotViewSchema = z.object({
  likely: z.boolean(),
  score: z.number(),
  cues: z.array(CueViewSchema),
  /** The model's weighing words: a message the model flags may carry no cue at all. */
  fragments: z.optional(z.array(FragmentViewSchema).check(z.maxLength(5))),
  title: z.string(),
});
export type SpotView = z.infer<typeof SpotViewSchema>;

export const ScanAnswerSchema = z.object({
  labels: z.object({ log: z.string(), logLikely: z.string() }),
  chips: z.array(ChipViewSchema),
  spots: z.record(z.string(), SpotViewSchema),
  /** Messages sent from the company's own domains: no "log complaint" button on them. */
  own: z.array(z.string()),
});
export type ScanAnswer = z.infer<typeof ScanAnswerSchema>;

/** Requests the extension's pages send to the webmail tab's content script. */
export const LetterSchema = z.object({
  text: z.string().check(z.minLength(1), z.maxLength(100_000)),
  html: z.optional(z.string().check(z.maxLength(400_000))),
});
export const TabRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('letter/insert'), messageId: z.optional(id), letter: LetterSchema }),
]);
export type TabRequest = z.infer<typeof TabRequestSchema>;

export const InsertResultSchema = z.object({ inserted: z.boolean(), openedReply: z.boolean() });
export type InsertResult = z.infer<typeof InsertResultSchema>;

/** What the content script answers to each request of a page. */
export interface TabResponseMap {
  'letter/insert': InsertResult;
}
export type TabResponseOf<T extends TabRequest['type']> = TabResponseMap[T];
