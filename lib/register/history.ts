// Append-only history of a complaint. Each event carries the SHA-256 of the previous one, so an edited,
// reordered or deleted event breaks the chain and `verifyChain` says where.
//
// Personal data can still be erased (GDPR art. 17) without breaking the chain: an event's hash covers a
// salted digest of each change, not the change itself. Erasing a change removes its values and its salt
// and keeps the digest, so the chain still verifies while nothing of the erased value remains (the
// 128-bit salt goes with it, so the digest cannot be tested against guesses).
import { z } from 'zod';
import { isoInstant } from './schema';

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
] as const;

export const HistoryEventSchema = z.object({
  id: z.uuid(),
  complaintId: z.uuid(),
  seq: z.number().int().min(1),
  at: isoInstant,
  actor: z.string().max(200),
  type: z.enum(EVENT_TYPES),
  changes: z.array(ChangeSchema).max(2000),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type HistoryEvent = z.infer<typeof HistoryEventSchema>;
export type UnsealedEvent = Omit<HistoryEvent, 'hash' | 'prevHash' | 'seq' | 'changes'> & { changes: Change[] };

/** JSON with object keys sorted at every level: the same event always hashes the same way. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

const randomHex = (bytes: number) =>
  Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');

export function changeDigest(change: Change, salt: string): Promise<string> {
  return sha256Hex(`${salt}:${canonicalJson({ path: change.path, from: change.from, to: change.to })}`);
}

/** What the event's hash covers: everything but the changes' values, which count through their digests. */
function hashedForm(event: Omit<HistoryEvent, 'hash'>) {
  return { ...event, changes: event.changes.map((c) => ({ path: c.path, digest: c.digest })) };
}

export async function hashEvent(event: Omit<HistoryEvent, 'hash'>): Promise<string> {
  return sha256Hex(canonicalJson(hashedForm(event)));
}

/** Links `event` after the event whose hash is `prevHash` (seq `prevSeq`). */
export async function sealEvent(event: UnsealedEvent, prevHash: string, prevSeq: number): Promise<HistoryEvent> {
  const changes = await Promise.all(
    event.changes.map(async (c) => {
      const salt = randomHex(16);
      return { path: c.path, from: c.from ?? null, to: c.to ?? null, salt, digest: await changeDigest(c, salt) };
    }),
  );
  const unsealed = { ...event, changes, seq: prevSeq + 1, prevHash };
  return { ...unsealed, hash: await hashEvent(unsealed) };
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
}

/** The chain's rules, written once: events (in seq order) against each other and the complaint's recorded head. */
export function checkChain(
  events: readonly HistoryEvent[],
  head: string | undefined,
  hasher: ChainHasher,
): ChainVerdict {
  let prev = GENESIS_HASH;
  let redacted = 0;
  for (const [i, event] of events.entries()) {
    if (event.seq !== i + 1) return { ok: false, brokenAt: i + 1, reason: 'seq' };
    if (event.prevHash !== prev) return { ok: false, brokenAt: event.seq, reason: 'link' };
    if (hasher.event(event) !== event.hash) return { ok: false, brokenAt: event.seq, reason: 'hash' };
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
  for (const event of events) {
    const { hash: _hash, ...rest } = event;
    eventHashes.set(event, await hashEvent(rest));
    for (const change of event.changes) {
      if (!change.redacted && change.salt) changeDigests.set(change, await changeDigest(change, change.salt));
    }
  }
  return checkChain(events, head, {
    event: (event) => eventHashes.get(event) ?? '',
    change: (change) => changeDigests.get(change) ?? '',
  });
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Field-level differences between two versions of a record (arrays compare as whole values). */
export function diff(before: unknown, after: unknown, path = ''): Change[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => diff(before[k], after[k], path ? `${path}.${k}` : k));
  }
  return canonicalJson(before) === canonicalJson(after) ? [] : [{ path, from: before ?? null, to: after ?? null }];
}
