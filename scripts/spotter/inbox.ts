// The spotter's labelled inbox (tests/fixtures/spotting/inbox.json): its shape, its split rule and its
// loader, shared by the training script, the evaluation and the tests.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const INBOX_PATH = join(dirname(fileURLToPath(import.meta.url)), '../../tests/fixtures/spotting/inbox.json');

export const SplitSchema = z.enum(['dev', 'test', 'holdout']);
export type Split = z.infer<typeof SplitSchema>;

export const InboxEntrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{3,40}$/),
    lang: z.enum(['fr', 'en']),
    label: z.enum(['complaint', 'not-complaint']),
    split: SplitSchema,
    subject: z.string(),
    text: z.string().min(1),
    fromEmail: z.string().optional(),
    ownDomains: z.array(z.string()).optional(),
    source: z.string().min(1),
    licence: z.string().min(1),
    note: z.string().optional(),
  })
  .strict();
export type InboxEntry = z.infer<typeof InboxEntrySchema>;

export const InboxSchema = z.object({
  about: z.string(),
  split: z.object({ method: z.string(), dev: z.number(), test: z.number(), holdout: z.number(), frozen: z.string() }),
  entries: z.array(InboxEntrySchema),
});
export type Inbox = z.infer<typeof InboxSchema>;

/** The split an id falls in: fixed by the id alone, so adding messages never moves the old ones. */
export function splitOf(id: string): Split {
  const v = Number.parseInt(createHash('sha256').update(id).digest('hex').slice(0, 8), 16) / 2 ** 32;
  return v < 0.6 ? 'dev' : v < 0.8 ? 'test' : 'holdout';
}

export function loadInbox(path = INBOX_PATH): Inbox {
  return InboxSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}
