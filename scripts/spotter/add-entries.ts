// npx tsx scripts/spotter/add-entries.ts <candidates.json> [--dry-run]: appends labelled messages to the
// spotter's inbox. Old entries are never edited or moved (the split is frozen by id); each new entry gets its
// split from the same id hash, so nobody picks where a message lands. A candidate whose id or text is already
// in the inbox is refused rather than skipped: a collection that overlaps the set must be cleaned first.
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { INBOX_PATH, InboxEntrySchema, loadInbox, splitOf } from './inbox';

const CandidatesSchema = z.array(InboxEntrySchema.omit({ split: true }));

/** Case, spacing and punctuation folded: the same message copied twice must not count twice. */
const fold = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const [file, ...flags] = process.argv.slice(2);
if (!file) throw new Error('usage: tsx scripts/spotter/add-entries.ts <candidates.json> [--dry-run]');
const candidates = CandidatesSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
const inbox = loadInbox();
const ids = new Set(inbox.entries.map((e) => e.id));
const texts = new Set(inbox.entries.map((e) => fold(`${e.subject} ${e.text}`)));
for (const c of candidates) {
  const text = fold(`${c.subject} ${c.text}`);
  if (ids.has(c.id)) throw new Error(`id already in the inbox: ${c.id}`);
  if (texts.has(text)) throw new Error(`text already in the inbox: ${c.id}`);
  ids.add(c.id);
  texts.add(text);
}
// Key order as in the schema, so the file stays uniform whoever wrote the candidates.
const added = candidates.map((c) => InboxEntrySchema.parse({ ...c, split: splitOf(c.id) }));
const next = { ...inbox, entries: [...inbox.entries, ...added] };
const fr = next.entries.filter((e) => e.lang === 'fr').length;
const count = (split: string) => added.filter((e) => e.split === split).length;
console.log(
  `${added.length} added (dev ${count('dev')}, test ${count('test')}, holdout ${count('holdout')}); ` +
    `inbox ${next.entries.length}, French ${fr} (${((100 * fr) / next.entries.length).toFixed(1)} %)`,
);
if (!flags.includes('--dry-run')) writeFileSync(INBOX_PATH, `${JSON.stringify(next, null, 1)}\n`);
