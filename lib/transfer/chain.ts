// The history chain checked synchronously, for bulk work (a restore checks every event of every complaint).
// Same rules and same hashes as lib/register/history.ts (`verifyChain`, `hashEvent`, `changeDigest`): the
// tests hold the two to agreement. WebCrypto's one promise per digest is what this avoids.
import {
  type ChainVerdict,
  canonicalJson,
  checkChain,
  type HistoryEvent,
  hashedForm,
  parisMonth,
} from '../register/history';
import { sha256HexSync } from '../register/sha256';

type Sealed = HistoryEvent['changes'][number];

const str = JSON.stringify;

/** `canonicalJson({ path, from, to })` written out: keys in order, an undefined value left out. */
function changeText(change: Pick<Sealed, 'path' | 'from' | 'to'>): string {
  const from = change.from === undefined ? '' : `"from":${canonicalJson(change.from)},`;
  const to = change.to === undefined ? '' : `,"to":${canonicalJson(change.to)}`;
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
