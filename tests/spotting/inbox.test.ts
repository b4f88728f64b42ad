// Issue 15: the labelled inbox the model is trained and measured on. It looks like a real inbox (French
// first, hard negatives included), every message names its source and licence, and its split is the
// hash rule recorded in the file, frozen before any tuning.
import { loadInbox, splitOf } from '../../scripts/spotter/inbox';

const inbox = loadInbox();
const { entries } = inbox;

describe('the labelled inbox', () => {
  it('holds at least 600 messages, 60 % of them French, complaints and not in both languages', () => {
    expect(entries.length).toBeGreaterThanOrEqual(600);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    expect(entries.filter((e) => e.lang === 'fr').length / entries.length).toBeGreaterThanOrEqual(0.6);
    for (const lang of ['fr', 'en'] as const)
      for (const label of ['complaint', 'not-complaint'] as const)
        expect(entries.filter((e) => e.lang === lang && e.label === label).length).toBeGreaterThanOrEqual(50);
  });

  it('names a source and a licence for every message, and nothing from the repository kept for evaluation', () => {
    for (const entry of entries) {
      expect(entry.source, entry.id).not.toBe('hand-written');
      expect(entry.licence.length, entry.id).toBeGreaterThan(0);
      expect(`${entry.source} ${entry.note ?? ''}`.toLowerCase(), entry.id).not.toContain('kikoo-rag-system');
    }
  });

  it('contains hard negatives that say "remboursement", "retard" or "annul…" without complaining', () => {
    const hard = entries.filter(
      (e) => e.label === 'not-complaint' && e.lang === 'fr' && /rembours|retard|annul/i.test(`${e.subject} ${e.text}`),
    );

    expect(hard.length).toBeGreaterThanOrEqual(10);
  });

  it('is split by the hash of each id, as the file states, with every split holding both languages', () => {
    expect(inbox.split.method).toContain('sha256(id)');
    for (const entry of entries) expect(entry.split, entry.id).toBe(splitOf(entry.id));
    for (const split of ['dev', 'test', 'holdout'] as const)
      for (const lang of ['fr', 'en'] as const)
        expect(entries.filter((e) => e.split === split && e.lang === lang).length).toBeGreaterThanOrEqual(30);
  });
});
