// The compact form of a complaint's history at rest gives back, for every reader, exactly the events that
// were sealed, whatever they hold: intact chains, broken ones, and records that never parsed.
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, type HistoryEvent, sealEvent, type UnsealedEvent, verifyChain } from '@/lib/register/history';
import { base64urlToHex, eventsOf, hexToBase64url, mergeEvents, recordOf } from '@/lib/register/store/history-record';

const ID = '6f1c2b1e-8d3a-4c55-9a1e-2f4b7c9d0e11';

async function chain(length: number): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  for (let i = 0; i < length; i++) {
    const prev = events.at(-1);
    const event: UnsealedEvent = {
      id: crypto.randomUUID(),
      complaintId: ID,
      at: `2026-03-0${i + 1}T10:00:00.000Z`,
      actor: 'Agent test',
      type: i === 0 ? 'created' : 'noteAdded',
      changes: [{ path: 'notes', from: null, to: `note ${i}` }],
    };
    events.push(await sealEvent(event, prev?.hash ?? GENESIS_HASH, prev?.seq ?? 0));
  }
  return events;
}

describe('a history record at rest', () => {
  it('turns hex into base64url and back, for hashes and salts', () => {
    const hash = 'ff00a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e';
    expect(hexToBase64url(hash)).toHaveLength(43);
    expect(base64urlToHex(hexToBase64url(hash), 64)).toBe(hash);
    expect(base64urlToHex(hexToBase64url(GENESIS_HASH), 64)).toBe(GENESIS_HASH);
    expect(base64urlToHex(hexToBase64url('0123456789abcdeffedcba9876543210'), 32)).toBe(
      '0123456789abcdeffedcba9876543210',
    );
    expect(base64urlToHex('pas du base64url!', 64)).toBe('pas du base64url!');
    // The right length but a character outside the alphabet (last, or not ASCII): kept as stored.
    const odd = `${hexToBase64url(hash).slice(0, 42)}=`;
    expect(base64urlToHex(odd, 64)).toBe(odd);
    expect(base64urlToHex('é'.repeat(22), 32)).toBe('é'.repeat(22));
  });

  it('gives back the sealed events exactly, with the chain verifying, in fewer bytes', async () => {
    const events = await chain(4);
    const record = recordOf(ID, events);
    expect(eventsOf(record)).toEqual(events);
    expect(await verifyChain(eventsOf(record) as HistoryEvent[], events.at(-1)?.hash)).toMatchObject({ ok: true });
    const text = JSON.stringify(record);
    expect(text).not.toContain(events[0]?.hash as string);
    expect(text.split(ID)).toHaveLength(2); // once, as the record's key, not once per event
    expect(text.length).toBeLessThan(JSON.stringify(events).length * 0.8);
  });

  it('keeps what does not fit an intact chain as it was: a broken link, a foreign id, a gap, an explicit undefined', async () => {
    const events: Record<string, unknown>[] = await chain(4);
    events[1] = { ...events[1], prevHash: 'a'.repeat(64) };
    events[2] = { ...events[2], complaintId: crypto.randomUUID(), atSalt: undefined };
    events[3] = { ...events[3], seq: 7 };
    expect(eventsOf(recordOf(ID, events))).toEqual(events);
    expect(Object.keys(eventsOf(recordOf(ID, events))?.[2] as object)).toContain('atSalt');
  });

  it('keeps an unreadable event whole, for the readers to report', async () => {
    const [first] = await chain(1);
    const odd = [
      { ...first, hash: 'pas un hash' },
      { raw: 'un champ au nom piège', hash: 42 },
      'pas un objet',
      null,
      { ...first, changes: [{ path: 'x', salt: 'zz' }] },
    ];
    expect(eventsOf(recordOf(ID, odd))).toEqual(odd);
    expect(eventsOf({ complaintId: ID, events: 'pas une liste' })).toBeNull();
  });

  it('writes an event over the one with its seq, as the one-record-per-event store did', async () => {
    const [a, b, c] = (await chain(3)) as [HistoryEvent, HistoryEvent, HistoryEvent];
    const edited = { ...b, actor: 'Autre' };
    expect(mergeEvents([a, b], [edited, c])).toEqual([a, edited, c]);
    expect(mergeEvents([c], [a])).toEqual([a, c]);
  });
});
