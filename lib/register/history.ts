// Append-only history of a complaint. Each event carries the SHA-256 of the previous one, so an edited,
// reordered or deleted event breaks the chain and `verifyChain` says where.
//
// Personal data can still be erased (GDPR art. 17) without breaking the chain: an event's hash covers a
// salted digest of each change, not the change itself. Erasing a change removes its values and its salt
// and keeps the digest, so the chain still verifies while nothing of the erased value remains (the
// 128-bit salt goes with it, so the digest cannot be tested against guesses).
//
// Times can be coarsened the same way. Format 2 (every event sealed since anonymisation reduces dates to
// the month) hashes a salted digest of `at` and its Paris month instead of `at`: an anonymisation drops the
// salt and moves `at` to the start of its month, and the chain still verifies (the month too). A format-1
// event (`atDigest` absent: its hash covers `at` itself) cannot be coarsened in place; the anonymisation
// checks it, moves it to format 2 and records the hash of its new form in the `anonymized` event
// (`anonymization.legacySeals`), which the chain covers: the event's own `hash` keeps linking the chain.

import { z } from 'zod';
import { parisDay, startOfParisDay } from '../deadlines/paris-time';
import { canonicalJson } from './canonical-json';
import { isoInstant } from './schema';
import { sha256HexSync } from './sha256';

export const GENESIS_HASH = '0'.repeat(64);

const hex = (n: number) => z.string().regex(new RegExp(`^[0-9a-f]{${n}}$`));

/** A change as recorded: its values, the salt and digest that the event's hash covers, or `redacted`. */
export const ChangeSchema = z.object({
  path: z.string().max(300),
  from: z.unknown(),
  to: z.unknown(),
  salt: hex(32).optional(),
  digest: hex(64).optional(),
  redacted: z.boolean().optional(),
});
export type SealedChange = z.infer<typeof ChangeSchema>;
export type Change = Pick<SealedChange, 'path' | 'from' | 'to'>;

export const EVENT_TYPES = [
  'created',
  'updated',
  'transition',
  'deadlineExtended',
  'noteAdded',
  'letterRecorded',
  'anonymized',
  // The team server's official reference replacing a provisional one (lib/sync/references.ts).
  'referenceAssigned',
  // A team complaint handed to another agent (lib/register/assignment.ts).
  'assigned',
] as const;

export const HistoryEventSchema = z.object({
  id: z.uuid(),
  complaintId: z.uuid(),
  seq: z.number().int().min(1),
  at: isoInstant,
  /** Format 2: the salted digest of `at` that the hash covers, and its salt (gone once coarsened). */
  atSalt: hex(32).optional(),
  atDigest: hex(64).optional(),
  /** `at` was reduced to the start of its Paris month by an anonymisation. */
  atCoarsened: z.boolean().optional(),
  actor: z.string().max(200),
  type: z.enum(EVENT_TYPES),
  changes: z.array(ChangeSchema).max(2000),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type HistoryEvent = z.infer<typeof HistoryEventSchema>;
export type UnsealedEvent = Omit<
  HistoryEvent,
  'hash' | 'prevHash' | 'seq' | 'changes' | 'atSalt' | 'atDigest' | 'atCoarsened'
> & { changes: Change[] };

/** The change of an `anonymized` event that vouches for the format-1 events it coarsened: `{ seq, hash }[]`. */
export const LEGACY_SEALS_PATH = 'anonymization.legacySeals';

/**
 * How the sealing functions hash a text (hex SHA-256 of its UTF-8). The pure one by default (the extension);
 * the team server passes node:crypto's, several times faster on its bulk replays: same digests, byte for byte
 * (tests/server/hasher.spec.ts holds them equal).
 */
export type TextHasher = (text: string) => string;

const randomHex = (bytes: number) =>
  Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');

export async function changeDigest(change: Change, salt: string, hash: TextHasher = sha256HexSync): Promise<string> {
  return hash(`${salt}:${canonicalJson({ path: change.path, from: change.from, to: change.to })}`);
}

export async function atDigestOf(at: string, salt: string, hash: TextHasher = sha256HexSync): Promise<string> {
  return hash(`${salt}:${at}`);
}

/** "2026-03" for any instant of March 2026 in Paris. */
export const parisMonth = (at: string) => parisDay(at).slice(0, 7);

/**
 * What the event's hash covers: everything but the changes' values, which count through their digests;
 * in format 2, `at` counts through its digest and its Paris month.
 */
export function hashedForm(event: Omit<HistoryEvent, 'hash'>) {
  const changes = event.changes.map((c) => ({ path: c.path, digest: c.digest }));
  if (event.atDigest === undefined) return { ...event, changes };
  const { at, atSalt: _salt, atCoarsened: _coarsened, ...rest } = event;
  return { ...rest, changes, atMonth: parisMonth(at) };
}

export async function hashEvent(event: Omit<HistoryEvent, 'hash'>, hash: TextHasher = sha256HexSync): Promise<string> {
  return hash(canonicalJson(hashedForm(event)));
}

/**
 * Links `event` after the event whose hash is `prevHash` (seq `prevSeq`). `salts` (one per change, then one
 * for `at`) replays a sealing done elsewhere: the team server seals an agent's event again and gets the very
 * same hash. `hash`: see TextHasher.
 */
export async function sealEvent(
  event: UnsealedEvent,
  prevHash: string,
  prevSeq: number,
  salts: readonly string[] = [],
  hash: TextHasher = sha256HexSync,
): Promise<HistoryEvent> {
  const changes: SealedChange[] = [];
  for (const [i, c] of event.changes.entries()) {
    const salt = salts[i] ?? randomHex(16);
    changes.push({
      path: c.path,
      from: c.from ?? null,
      to: c.to ?? null,
      salt,
      digest: await changeDigest(c, salt, hash),
    });
  }
  const atSalt = salts[event.changes.length] ?? randomHex(16);
  const unsealed = {
    ...event,
    atSalt,
    atDigest: await atDigestOf(event.at, atSalt, hash),
    changes,
    seq: prevSeq + 1,
    prevHash,
  };
  return { ...unsealed, hash: await hashEvent(unsealed, hash) };
}

/** A format-2 event with its time reduced to the start of its Paris month, and the salt gone. */
export function coarsenEventTime(event: HistoryEvent): HistoryEvent {
  const { atSalt: _salt, ...rest } = event;
  return { ...rest, at: startOfParisDay(`${parisMonth(event.at)}-01`), atCoarsened: true };
}

/**
 * A format-1 event moved to format 2 and coarsened, with the hash of its new form (`seal`) that the
 * `anonymized` event records. Null when the event does not hash to its own `hash`: a broken event is left
 * as it is, so the chain keeps saying where it was broken.
 */
export async function coarsenLegacyEvent(event: HistoryEvent): Promise<{ event: HistoryEvent; seal: string } | null> {
  const { hash, ...rest } = event;
  if (event.atDigest !== undefined || (await hashEvent(rest)) !== hash) return null;
  const atSalt = randomHex(16);
  const coarse = coarsenEventTime({ ...event, atSalt, atDigest: await atDigestOf(event.at, atSalt) });
  const { hash: _old, ...form } = coarse;
  return { event: coarse, seal: await hashEvent(form) };
}

/** Erases the values of the changes whose path `erase` selects; the event still verifies. */
export function redactEvent(event: HistoryEvent, erase: (path: string) => boolean): HistoryEvent {
  return {
    ...event,
    changes: event.changes.map((c) =>
      erase(c.path) && !c.redacted ? { path: c.path, from: null, to: null, digest: c.digest, redacted: true } : c,
    ),
  };
}

export type ChainVerdict =
  | { ok: true; length: number; redacted: number }
  | { ok: false; brokenAt: number; reason: 'hash' | 'link' | 'seq' | 'head' | 'change' };

/** How an event's hash and a change's digest are computed: WebCrypto here, a synchronous SHA-256 for bulk work. */
export interface ChainHasher {
  event(event: HistoryEvent): string;
  change(change: SealedChange, salt: string): string;
  at(at: string, salt: string): string;
}

/** The seals recorded by `anonymized` events for the format-1 events they coarsened, by seq. */
function legacySeals(events: readonly HistoryEvent[]): Map<number, string> {
  const seals = new Map<number, string>();
  for (const event of events) {
    if (event.type !== 'anonymized') continue;
    for (const change of event.changes) {
      if (change.path !== LEGACY_SEALS_PATH || change.redacted || !Array.isArray(change.to)) continue;
      for (const item of change.to as { seq?: unknown; hash?: unknown }[]) {
        if (typeof item?.seq === 'number' && typeof item.hash === 'string') seals.set(item.seq, item.hash);
      }
    }
  }
  return seals;
}

/** The chain's rules, written once: events (in seq order) against each other and the complaint's recorded head. */
export function checkChain(
  events: readonly HistoryEvent[],
  head: string | undefined,
  hasher: ChainHasher,
): ChainVerdict {
  let prev = GENESIS_HASH;
  let redacted = 0;
  const seals = legacySeals(events);
  for (const [i, event] of events.entries()) {
    if (event.seq !== i + 1) return { ok: false, brokenAt: i + 1, reason: 'seq' };
    if (event.prevHash !== prev) return { ok: false, brokenAt: event.seq, reason: 'link' };
    // A coarsened format-1 event hashes to the seal its anonymisation recorded; its own hash links the chain.
    const expected = event.atDigest === undefined ? event.hash : (seals.get(event.seq) ?? event.hash);
    if (hasher.event(event) !== expected) return { ok: false, brokenAt: event.seq, reason: 'hash' };
    if (event.atDigest !== undefined) {
      const timeOk = event.atSalt ? hasher.at(event.at, event.atSalt) === event.atDigest : event.atCoarsened === true;
      if (!timeOk) return { ok: false, brokenAt: event.seq, reason: 'change' };
    }
    for (const change of event.changes) {
      if (change.redacted) {
        redacted++;
        if (change.from !== null || change.to !== null) return { ok: false, brokenAt: event.seq, reason: 'change' };
      } else if (!change.salt || !change.digest || hasher.change(change, change.salt) !== change.digest) {
        return { ok: false, brokenAt: event.seq, reason: 'change' };
      }
    }
    prev = event.hash;
  }
  if (head !== undefined && head !== prev) return { ok: false, brokenAt: events.length + 1, reason: 'head' };
  return { ok: true, length: events.length, redacted };
}

/** `checkChain` with WebCrypto: the hashes are computed first (asynchronously), then the rules applied. */
export async function verifyChain(events: readonly HistoryEvent[], head?: string): Promise<ChainVerdict> {
  const eventHashes = new Map<HistoryEvent, string>();
  const changeDigests = new Map<SealedChange, string>();
  const atDigests = new Map<string, string>();
  for (const event of events) {
    const { hash: _hash, ...rest } = event;
    eventHashes.set(event, await hashEvent(rest));
    if (event.atSalt) atDigests.set(`${event.atSalt}:${event.at}`, await atDigestOf(event.at, event.atSalt));
    for (const change of event.changes) {
      if (!change.redacted && change.salt) changeDigests.set(change, await changeDigest(change, change.salt));
    }
  }
  return checkChain(events, head, {
    event: (event) => eventHashes.get(event) ?? '',
    change: (change) => changeDigests.get(change) ?? '',
    at: (at, salt) => atDigests.get(`${salt}:${at}`) ?? '',
  });
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Field-level differences between two versions of a record (arrays compare as whole values). */
export function diff(before: unknown, after: unknown, path = ''): Change[] {
  // The same value (a field a step left as it was) has no differences: no need to walk or serialise it.
  if (before === after) return [];
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => diff(before[k], after[k], path ? `${path}.${k}` : k));
  }
  return canonicalJson(before) === canonicalJson(after) ? [] : [{ path, from: before ?? null, to: after ?? null }];
}
