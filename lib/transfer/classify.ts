// What restoring one complaint of a backup would do to the register (pure). A backup never goes back in
// time: a complaint is replaced only by a later revision that continues the history the register holds.
import type { MessageKey, Params } from '../i18n';
import { canonicalJson } from '../register/canonical-json';
import { fastParse } from '../register/fast-parse';
import { ComplaintSchema } from '../register/schema';
import type { BackupEntry } from './backup-schema';

export type Verdict =
  | { kind: 'added' | 'updated' | 'unchanged' }
  | { kind: 'refused'; reason: MessageKey; params: Params };

export interface Stored {
  /** The register's record with the same id, as stored (undefined when there is none). */
  raw: unknown;
  /** The id of the complaint that holds the entry's reference in the register, if any. */
  referenceOwner: string | null;
}

export function classify(entry: BackupEntry, stored: Stored): Verdict {
  const c = entry.complaint;
  const refuse = (reason: MessageKey, params: Params = {}): Verdict => ({
    kind: 'refused',
    reason,
    params: { reference: c.reference, ...params },
  });
  if (stored.referenceOwner !== null && stored.referenceOwner !== c.id) return refuse('data.refused.referenceTaken');
  if (stored.raw === undefined) return { kind: 'added' };
  // A stored record that no longer parses is left for the agent to look at, never overwritten.
  const parsed = fastParse(ComplaintSchema, stored.raw);
  if (!parsed.success) return refuse('data.refused.unreadable');
  const current = parsed.data;
  if (current.reference !== c.reference) return refuse('data.refused.referenceChanged', { current: current.reference });
  if (c.rev > current.rev) {
    // The register's newest event must be in the file's chain: otherwise both went on separately.
    return entry.history.some((e) => e.hash === current.historyHead)
      ? { kind: 'updated' }
      : refuse('data.refused.diverged', { rev: c.rev, current: current.rev });
  }
  if (c.rev < current.rev) return refuse('data.refused.older', { rev: c.rev, current: current.rev });
  return canonicalJson(c) === canonicalJson(current)
    ? { kind: 'unchanged' }
    : refuse('data.refused.sameRevision', { rev: c.rev });
}

/** Tallies of a dry run or a restore, with the first few refusals in words. */
export interface Tally {
  added: number;
  updated: number;
  unchanged: number;
  refused: number;
  reasons: string[];
}

export const MAX_REASONS = 10;

export const emptyTally = (): Tally => ({ added: 0, updated: 0, unchanged: 0, refused: 0, reasons: [] });

export function addTally(into: Tally, more: Tally): Tally {
  into.added += more.added;
  into.updated += more.updated;
  into.unchanged += more.unchanged;
  into.refused += more.refused;
  for (const r of more.reasons) if (into.reasons.length < MAX_REASONS) into.reasons.push(r);
  return into;
}

/** The highest reference number per year among `references` (REC-YYYY-NNNN). */
export function highestReferences(references: Iterable<string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const ref of references) {
    const m = /^REC-(\d{4})-(\d+)$/.exec(ref);
    if (!m?.[1] || !m[2]) continue;
    const n = Number(m[2]);
    if (n > (out[m[1]] ?? 0)) out[m[1]] = n;
  }
  return out;
}
