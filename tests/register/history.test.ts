import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '@/lib/register/canonical-json';
import { diff, GENESIS_HASH, type HistoryEvent, redactEvent, sealEvent, verifyChain } from '@/lib/register/history';

const complaintId = crypto.randomUUID();
const base = (n: number) => ({
  id: crypto.randomUUID(),
  complaintId,
  at: `2026-03-0${n}T10:00:00.000Z`,
  actor: 'Agent',
  type: 'updated' as const,
  changes: [{ path: 'severity', from: n - 1, to: n }],
});

async function chainOf(length: number): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= length; i++) {
    const event = await sealEvent(base(i), prev, i - 1);
    events.push(event);
    prev = event.hash;
  }
  return events;
}

describe('the history hash chain', () => {
  it('hashes with SHA-256 (WebCrypto)', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes the same event the same way whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 2, y: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":1,"z":2}]},"b":1}',
    );
  });

  it('verifies an intact chain and the head recorded on the complaint', async () => {
    const events = await chainOf(4);
    expect(await verifyChain(events, events[3]?.hash)).toEqual({ ok: true, length: 4, redacted: 0 });
  });

  it('detects an edited event', async () => {
    const events = await chainOf(4);
    const tampered = events.map((e) => (e.seq === 2 ? { ...e, changes: [{ path: 'severity', from: 1, to: 4 }] } : e));
    expect(await verifyChain(tampered)).toEqual({ ok: false, brokenAt: 2, reason: 'hash' });
  });

  it('detects an edited event whose hash was recomputed, at the next link', async () => {
    const events = await chainOf(4);
    const forged = await sealEvent({ ...base(2), actor: 'Quelqu’un d’autre' }, events[0]!.hash, 1);
    expect(await verifyChain([events[0]!, forged, events[2]!, events[3]!])).toEqual({
      ok: false,
      brokenAt: 3,
      reason: 'link',
    });
  });

  it('detects a deleted event in the middle and at the end', async () => {
    const events = await chainOf(4);
    expect(await verifyChain([events[0]!, events[2]!, events[3]!])).toMatchObject({ ok: false, reason: 'seq' });
    expect(await verifyChain(events.slice(0, 3), events[3]!.hash)).toEqual({ ok: false, brokenAt: 4, reason: 'head' });
  });

  it('detects a change whose value was edited, even with the event hash left alone', async () => {
    const events = await chainOf(3);
    const edited = events.map((e) => (e.seq === 2 ? { ...e, changes: e.changes.map((c) => ({ ...c, to: 99 })) } : e));
    expect(await verifyChain(edited)).toEqual({ ok: false, brokenAt: 2, reason: 'change' });
  });

  it('erases personal data from an event and the chain still verifies, with nothing of the value left', async () => {
    const events = await chainOf(3);
    const erased = events.map((e) => redactEvent(e, (path) => path === 'severity' && e.seq === 2));
    expect(await verifyChain(erased, events[2]!.hash)).toEqual({ ok: true, length: 3, redacted: 1 });
    const change = erased[1]!.changes[0]!;
    expect(change).toEqual({
      path: 'severity',
      from: null,
      to: null,
      digest: events[1]!.changes[0]!.digest,
      redacted: true,
    });
    expect(JSON.stringify(erased[1])).not.toContain('"salt"');
  });

  it('refuses a redacted change that still carries a value', async () => {
    const events = await chainOf(2);
    const fake = events.map((e) =>
      e.seq === 2 ? { ...e, changes: e.changes.map((c) => ({ ...c, salt: undefined, redacted: true })) } : e,
    );
    expect(await verifyChain(fake)).toEqual({ ok: false, brokenAt: 2, reason: 'change' });
  });

  it('records field-level changes from → to', () => {
    expect(diff({ a: 1, b: { c: 'x', d: [1] } }, { a: 1, b: { c: 'y', d: [1, 2] }, e: true })).toEqual([
      { path: 'b.c', from: 'x', to: 'y' },
      { path: 'b.d', from: [1], to: [1, 2] },
      { path: 'e', from: null, to: true },
    ]);
  });
});
