import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '@/lib/register/history';
import type { Complaint } from '@/lib/register/schema';
import type { BackupEntry } from '@/lib/transfer/backup-schema';
import { classify, highestReferences } from '@/lib/transfer/classify';
import { complaint } from '../support/complaints';

const hash = (n: number) => n.toString(16).padStart(64, '0');
/** A complaint at revision `rev` whose history is events 1…rev (hashes 1…rev). */
function entryAt(base: Complaint, rev: number, changes: Partial<Complaint> = {}): BackupEntry {
  const history = Array.from({ length: rev }, (_, i) => ({ seq: i + 1, hash: hash(i + 1) }) as HistoryEvent);
  return { complaint: { ...base, ...changes, rev, historyHead: hash(rev) }, history };
}
const none = { raw: undefined, referenceOwner: null };
const holding = (e: BackupEntry) => ({ raw: e.complaint, referenceOwner: e.complaint.id });

describe('what restoring one complaint would do', () => {
  const base = complaint();

  it('adds a complaint the register does not hold', () => {
    expect(classify(entryAt(base, 1), none)).toEqual({ kind: 'added' });
  });

  it('leaves alone the same revision with the same content', () => {
    const e = entryAt(base, 2);
    expect(classify(e, holding(e))).toEqual({ kind: 'unchanged' });
  });

  it('updates from a later revision whose history continues the register’s', () => {
    expect(classify(entryAt(base, 3), holding(entryAt(base, 2)))).toEqual({ kind: 'updated' });
  });

  it('refuses a later revision that does not continue the register’s history', () => {
    const stored = { ...entryAt(base, 2).complaint, historyHead: hash(99) };
    expect(classify(entryAt(base, 3), { raw: stored, referenceOwner: base.id })).toMatchObject({
      kind: 'refused',
      reason: 'data.refused.diverged',
      params: { rev: 3, current: 2 },
    });
  });

  it('refuses an older revision, and the same revision with other content', () => {
    expect(classify(entryAt(base, 2), holding(entryAt(base, 4)))).toMatchObject({ reason: 'data.refused.older' });
    expect(classify(entryAt(base, 2, { subject: 'Autre' }), holding(entryAt(base, 2)))).toMatchObject({
      reason: 'data.refused.sameRevision',
    });
  });

  it('refuses a reference that another complaint holds, or that this complaint no longer has', () => {
    expect(classify(entryAt(base, 1), { raw: undefined, referenceOwner: crypto.randomUUID() })).toMatchObject({
      reason: 'data.refused.referenceTaken',
      params: { reference: base.reference },
    });
    const renamed = entryAt(base, 1, { reference: 'REC-2026-0999' });
    expect(classify(renamed, { raw: base, referenceOwner: null })).toMatchObject({
      reason: 'data.refused.referenceChanged',
    });
  });

  it('never overwrites a stored record that no longer parses', () => {
    expect(classify(entryAt(base, 2), { raw: { ...base, phase: 'perdue' }, referenceOwner: base.id })).toMatchObject({
      reason: 'data.refused.unreadable',
    });
  });

  it('finds the highest reference number per year', () => {
    expect(highestReferences(['REC-2025-0042', 'REC-2026-0007', 'REC-2026-0012', 'REC-2026-0003', 'x'])).toEqual({
      '2025': 42,
      '2026': 12,
    });
  });
});
