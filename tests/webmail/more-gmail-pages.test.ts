// Real saved Gmail pages the adapter was not tuned on (the shared set's SOURCES.md); skipped without it.
// Personal data: only rows from commercial senders are spelled out in full; other rows are checked by shape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterFor, readPage } from '../../lib/webmail/index';
import type { SavedPage } from '../../scripts/cli/saved-page';
import { loadFixture, PARIS, sharedFixturesPresent } from './fixtures';

describe.skipIf(!sharedFixturesPresent)('brocc personal-account inbox, /mail/u/1/ (April 2025, 50 rows)', () => {
  let page: SavedPage | undefined;
  beforeAll(() => {
    page = loadFixture('SubstrateLabs_brocc_https-mail-google-com-mail-u-1-inbox.html');
  });
  afterAll(async () => {
    await page?.close();
  });
  const doc = (): Document => {
    if (!page) throw new Error('page not loaded');
    return page.document;
  };

  it('is recognised as Gmail, with no open conversation', () => {
    expect(adapterFor(doc())?.id).toBe('gmail');
    expect(readPage(doc(), PARIS).messages).toEqual([]);
  });

  it('lists all 50 rows, each with a unique thread id, a subject, a sender and a date', () => {
    const { threads } = readPage(doc(), PARIS);
    expect(threads).toHaveLength(50);
    expect(new Set(threads.map((t) => t.threadId)).size).toBe(50);
    for (const t of threads) {
      expect(t.threadId).toMatch(/^thread-[af]:r?-?\d+$/);
      expect(t.subject).not.toBe('');
      expect(t.from.length).toBeGreaterThan(0);
      expect(t.from.every((p) => p.email.includes('@'))).toBe(true);
      expect(t.date).toMatch(/^2025-0[2-4]-\d\dT\d\d:\d\d:00\.000Z$/);
    }
    expect(threads.reduce((n, t) => n + t.from.length, 0)).toBe(77);
    // 10 threads started from this account (thread-a:r…), the last row among them.
    expect(threads.filter((t) => t.threadId.startsWith('thread-a:')).length).toBe(10);
    expect(threads[49]?.threadId).toBe('thread-a:r3169928593137276562');
    expect(threads[49]?.date).toBe('2025-02-04T20:31:00.000Z'); // "Tue, Feb 4, 2025, 9:31 PM" in Paris (CET)
  });

  it('reads the first row date in summer time, and an old thread id (2016) bumped by a new reply', () => {
    const { threads } = readPage(doc(), PARIS);
    expect(threads[0]).toMatchObject({
      threadId: 'thread-f:1828834710016574800',
      date: '2025-04-08T05:44:00.000Z', // "Tue, Apr 8, 2025, 7:44 AM" (U+202F before AM), CEST
    });
    expect(threads[0]?.from.map((p) => p.name)).toEqual(['Robert', 'me']);
    expect(threads[5]?.threadId).toBe('thread-f:1534369996232127375');
    expect(threads[5]?.from).toHaveLength(3);
    expect(threads[5]?.date).toBe('2025-04-07T12:17:00.000Z'); // "Mon, Apr 7, 2025, 2:17 PM"
  });

  it('reads commercial-sender rows exactly (winter time, before the 30 March 2025 change)', () => {
    const { threads } = readPage(doc(), PARIS);
    expect(threads[23]).toEqual({
      threadId: 'thread-f:1827324910352005027',
      subject: 'This is going to be fun',
      from: [{ name: 'Aura Frames', email: 'no-reply@auraframes.com' }],
      date: '2025-03-22T14:47:00.000Z', // "Sat, Mar 22, 2025, 3:47 PM", CET
    });
    expect(threads[26]).toEqual({
      threadId: 'thread-f:1826978148902643823',
      subject: 'New free subscriber to Absorbent!',
      from: [{ name: 'Substack', email: 'no-reply@substack.com' }],
      date: '2025-03-18T18:55:00.000Z', // "Tue, Mar 18, 2025, 7:55 PM"
    });
  });

  it('carries the legacy hex ids on the row subject span', () => {
    const span = doc().querySelector('tr.zA [data-thread-id="#thread-f:1827324910352005027"]');
    expect(span?.getAttribute('data-legacy-thread-id')).toBe('195bf6530ac0f7a3');
    expect(span?.getAttribute('data-legacy-last-message-id')).toBe('195bf6530ac0f7a3');
  });
});
