import { describe, expect, it } from 'vitest';
import { sha256Hex } from '@/lib/register/canonical-json';
import {
  changeDigest,
  GENESIS_HASH,
  type HistoryEvent,
  hashEvent,
  redactEvent,
  sealEvent,
  verifyChain,
} from '@/lib/register/history';
import { sha256HexSync } from '@/lib/register/sha256';
import { changeDigestSync, hashEventSync, verifyChainSync } from '@/lib/transfer/chain';

const event = (complaintId: string, changes: { path: string; from: unknown; to: unknown }[]) => ({
  id: crypto.randomUUID(),
  complaintId,
  at: '2026-03-02T10:00:00.000Z',
  actor: 'Agent test',
  type: 'updated' as const,
  changes,
});

async function chain(): Promise<HistoryEvent[]> {
  const id = crypto.randomUUID();
  const first = await sealEvent(
    { ...event(id, [{ path: 'customer.name', from: null, to: 'Élodie « Zoé » Martin' }]), type: 'created' },
    GENESIS_HASH,
    0,
  );
  const second = await sealEvent(
    event(id, [
      { path: 'severity', from: null, to: 3 },
      { path: 'notes', from: null, to: { id: 'n1', text: 'Rappel 😀', tags: ['a', 'b'] } },
    ]),
    first.hash,
    1,
  );
  return [first, second];
}

describe('the synchronous chain check used by restores', () => {
  it('hashes text exactly as WebCrypto does (empty, block boundaries, accents, emoji, long)', async () => {
    for (const text of [
      '',
      'abc',
      'x'.repeat(55),
      'x'.repeat(56),
      'x'.repeat(64),
      'é'.repeat(300),
      '𝄞😀'.repeat(900),
    ]) {
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
      const webCrypto = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
      expect(sha256HexSync(text)).toBe(webCrypto);
      expect(await sha256Hex(text)).toBe(webCrypto);
    }
    expect(sha256HexSync('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('gives the same event hashes and change digests as lib/register/history', async () => {
    const [first, second] = (await chain()) as [HistoryEvent, HistoryEvent];
    const { hash, ...rest } = second;
    expect(hashEventSync(rest)).toBe(await hashEvent(rest));
    expect(hashEventSync(rest)).toBe(hash);
    const change = second.changes[1] as HistoryEvent['changes'][number];
    expect(changeDigestSync(change, change.salt ?? '')).toBe(await changeDigest(change, change.salt ?? ''));
    expect(verifyChainSync([first, second], second.hash)).toEqual(await verifyChain([first, second], second.hash));
  });

  it('agrees with verifyChain on redacted, reordered, edited and shortened chains', async () => {
    const [first, second] = (await chain()) as [HistoryEvent, HistoryEvent];
    const redacted = redactEvent(first, (p) => p.startsWith('customer.'));
    const cases: [HistoryEvent[], string][] = [
      [[redacted, second], second.hash],
      [[second, first], second.hash],
      [[first, { ...second, actor: 'Intrus' }], second.hash],
      [[first, { ...second, changes: second.changes.map((c, i) => (i === 0 ? { ...c, to: 4 } : c)) }], second.hash],
      [[first], second.hash],
      [
        [{ ...redacted, changes: [{ ...(redacted.changes[0] as HistoryEvent['changes'][number]), to: 'retour' }] }],
        first.hash,
      ],
    ];
    const verdicts = cases.map(([events, head]) => verifyChainSync(events, head));
    expect(verdicts).toEqual(await Promise.all(cases.map(([events, head]) => verifyChain(events, head))));
    expect(verdicts.map((v) => (v.ok ? 'ok' : v.reason))).toEqual(['ok', 'seq', 'hash', 'change', 'head', 'change']);
  });
});

describe('the written-out hashed forms', () => {
  it('match canonicalJson for values of every kind and for events with missing or extra fields', async () => {
    const values = [
      null,
      undefined,
      0,
      -1.5,
      'é"\\\n',
      true,
      [1, undefined, { b: 2, a: [null] }],
      { z: 1, a: { y: undefined, x: 'x' } },
      // Keys objects do not keep in insertion order, and values JSON.stringify writes its own way.
      { b: 1, 10: 'dix', 2: 'deux', a: { 1: null } },
      JSON.parse('{"__proto__":{"x":1},"a":2}'),
      { when: new Date('2026-03-02T10:00:00Z') },
      new Array(3).fill(1, 0, 1),
      { é: 1, e: 2, Z: 3, '😀': 4, '\uffff': 5 },
      { nested: [{ d: 4, c: [{ b: 2, a: 1 }] }], n: -0, big: 1e21, nan: Number.NaN },
    ];
    for (const from of values) {
      for (const to of values) {
        const change = { path: 'a.b', from, to };
        expect(changeDigestSync(change, 'f'.repeat(32))).toBe(await changeDigest(change, 'f'.repeat(32)));
      }
    }
    const [first] = (await chain()) as [HistoryEvent];
    const { hash: _hash, ...base } = first;
    const variants = [
      base,
      { ...base, changes: [{ path: 'x', from: null, to: null, redacted: true }] },
      { ...base, changes: [] },
      { ...base, extra: 'kept in the hash' } as typeof base,
    ];
    for (const v of variants) expect(hashEventSync(v)).toBe(await hashEvent(v));
  });
});
