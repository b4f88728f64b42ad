// The history chain checked synchronously, for bulk work (a restore checks every event of every complaint).
// Same rules and same hashes as lib/register/history.ts (`verifyChain`, `hashEvent`, `changeDigest`): the
// tests hold the two to agreement. WebCrypto's one promise per digest is what this avoids.
import { canonicalJson } from '../register/canonical-json';
import { type ChainVerdict, checkChain, type HistoryEvent, hashedForm, parisMonth } from '../register/history';
import { sha256HexSync } from '../register/sha256';

type Sealed = HistoryEvent['changes'][number];

const str = JSON.stringify;

/** Thrown by `sorted` on a value that JSON.stringify would not write as canonicalJson does. */
const NOT_PLAIN = Symbol('not plain JSON data');
const INDEX_KEY = /^(?:0|[1-9]\d*)$/;

/**
 * A copy of JSON data with each object's keys inserted in sorted order, for the native JSON.stringify to
 * write canonically (the 'created' event's change holds the whole complaint: half the cost of a check).
 * Anything else (array-index or `__proto__` keys, which objects do not keep in insertion order, holes,
 * non-plain objects, functions) throws NOT_PLAIN: canonicalJson writes it then.
 */
function sorted(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) {
    if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') throw NOT_PLAIN;
    return value;
  }
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) throw NOT_PLAIN;
      out[i] = sorted(value[i]);
    }
    return out;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw NOT_PLAIN;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) {
    if (INDEX_KEY.test(key) || key === '__proto__') throw NOT_PLAIN;
    const v = record[key];
    if (v !== undefined) out[key] = sorted(v);
  }
  return out;
}

/** `canonicalJson(value)` for a defined value, through the native JSON.stringify when it can. */
function canonicalText(value: unknown): string {
  try {
    return JSON.stringify(sorted(value));
  } catch (error) {
    if (error === NOT_PLAIN) return canonicalJson(value);
    throw error;
  }
}

/** `canonicalJson({ path, from, to })` written out: keys in order, an undefined value left out. */
function changeText(change: Pick<Sealed, 'path' | 'from' | 'to'>): string {
  const from = change.from === undefined ? '' : `"from":${canonicalText(change.from)},`;
  const to = change.to === undefined ? '' : `,"to":${canonicalText(change.to)}`;
  return `{${from}"path":${str(change.path)}${to}}`;
}

export function changeDigestSync(change: Pick<Sealed, 'path' | 'from' | 'to'>, salt: string): string {
  return sha256HexSync(`${salt}:${changeText(change)}`);
}

const EVENT_KEYS = 'actor,at,changes,complaintId,id,prevHash,seq,type';
/** Format 2 as sealed (history.ts `sealEvent`): `at` counts through its digest and its Paris month. */
const EVENT_KEYS_2 = 'actor,at,atDigest,atSalt,changes,complaintId,id,prevHash,seq,type';

/** `canonicalJson` of what an event's hash covers, written out for the two event shapes sealing gives. */
function hashedText(event: Omit<HistoryEvent, 'hash'>): string {
  const changes = event.changes.map((c) => ({ path: c.path, digest: c.digest }));
  const keys = Object.keys(event).sort().join(',');
  if (keys !== EVENT_KEYS && keys !== EVENT_KEYS_2) return canonicalJson(hashedForm(event));
  const list = changes
    .map((c) =>
      c.digest === undefined ? `{"path":${str(c.path)}}` : `{"digest":${str(c.digest)},"path":${str(c.path)}}`,
    )
    .join(',');
  const time =
    keys === EVENT_KEYS
      ? `"at":${str(event.at)}`
      : `"atDigest":${str(event.atDigest)},"atMonth":${str(parisMonth(event.at))}`;
  return (
    `{"actor":${str(event.actor)},${time},"changes":[${list}],"complaintId":${str(event.complaintId)},` +
    `"id":${str(event.id)},"prevHash":${str(event.prevHash)},"seq":${str(event.seq)},"type":${str(event.type)}}`
  );
}

/** What an event's hash covers: everything but the changes' values, which count through their digests. */
export function hashEventSync(event: Omit<HistoryEvent, 'hash'>): string {
  return sha256HexSync(hashedText(event));
}

/** `verifyChain`, synchronous: the same rules (`checkChain`), with the synchronous SHA-256. */
export function verifyChainSync(events: readonly HistoryEvent[], head?: string): ChainVerdict {
  return checkChain(events, head, {
    event: ({ hash: _hash, ...rest }) => hashEventSync(rest),
    change: changeDigestSync,
    at: (at, salt) => sha256HexSync(`${salt}:${at}`),
  });
}
