// The server seals with node:crypto's SHA-256 (server/store/sha256.ts), the extension with the pure one
// (lib/register/sha256.ts): both must give the very same digests, or the agent's and the server's chains
// would part. Edge cases of UTF-8 (multi-byte, astral, lone surrogates) and of padding (55/56/64 bytes).
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, sealEvent, type UnsealedEvent } from '../../lib/register/history';
import { sha256HexSync } from '../../lib/register/sha256';
import { nodeSha256 } from '../../server/store/sha256';

const texts = [
  '',
  'abc',
  'a'.repeat(55),
  'a'.repeat(56),
  'a'.repeat(63),
  'a'.repeat(64),
  'a'.repeat(1000),
  'Réclamation n° 42 : colis endommagé — « très déçue »',
  'emoji 📦🇫🇷 and CJK 投诉',
  'lone surrogates \ud800 and \udfff',
  'é'.repeat(5000),
];

describe('the server’s SHA-256', () => {
  it('gives the pure SHA-256’s digest on every text', () => {
    for (const text of texts) expect(nodeSha256(text), JSON.stringify(text.slice(0, 20))).toBe(sha256HexSync(text));
  });

  it('seals an event into the very same event as the pure one', async () => {
    const event: UnsealedEvent = {
      id: '3f0c3a39-0c5e-4d55-9d36-8a43c3b5f4a1',
      complaintId: 'a4b9d6e2-61d1-4d8e-8b8f-2f3c1e0d9a77',
      at: '2026-03-29T01:30:00.000Z',
      actor: 'Claire Martin',
      type: 'updated',
      changes: [
        { path: 'summary', from: '', to: 'Colis arrivé cassé — photos reçues 📷' },
        { path: 'customer', from: { name: 'A' }, to: { name: 'Zoé', email: 'zoe@example.fr' } },
      ],
    };
    const salts = ['0'.repeat(32), 'a'.repeat(32), 'f'.repeat(32)];
    const pure = await sealEvent(event, GENESIS_HASH, 0, salts);
    const native = await sealEvent(event, GENESIS_HASH, 0, salts, nodeSha256);
    expect(native).toEqual(pure);
  });
});
