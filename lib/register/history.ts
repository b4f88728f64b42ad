// Append-only history of a complaint. Each event carries the SHA-256 of the previous one, so an edited,
// reordered or deleted event breaks the chain and `verifyChain` says where.
import { z } from 'zod';
import { isoInstant } from './schema';

export const GENESIS_HASH = '0'.repeat(64);

export const ChangeSchema = z.object({ path: z.string().max(300), from: z.unknown(), to: z.unknown() });
export type Change = z.infer<typeof ChangeSchema>;

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
export type UnsealedEvent = Omit<HistoryEvent, 'hash' | 'prevHash' | 'seq'>;

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

export async function hashEvent(event: Omit<HistoryEvent, 'hash'>): Promise<string> {
  return sha256Hex(canonicalJson(event));
}

/** Links `event` after the event whose hash is `prevHash` (seq `prevSeq`). */
export async function sealEvent(event: UnsealedEvent, prevHash: string, prevSeq: number): Promise<HistoryEvent> {
  const unsealed = { ...event, seq: prevSeq + 1, prevHash };
  return { ...unsealed, hash: await hashEvent(unsealed) };
}

export type ChainVerdict =
  | { ok: true; length: number }
  | { ok: false; brokenAt: number; reason: 'hash' | 'link' | 'seq' | 'head' };

/** Checks a complaint's events (in seq order) against each other and, when given, the complaint's recorded head. */
export async function verifyChain(events: readonly HistoryEvent[], head?: string): Promise<ChainVerdict> {
  let prev = GENESIS_HASH;
  for (const [i, event] of events.entries()) {
    if (event.seq !== i + 1) return { ok: false, brokenAt: i + 1, reason: 'seq' };
    if (event.prevHash !== prev) return { ok: false, brokenAt: event.seq, reason: 'link' };
    const { hash, ...rest } = event;
    if ((await hashEvent(rest)) !== hash) return { ok: false, brokenAt: event.seq, reason: 'hash' };
    prev = hash;
  }
  if (head !== undefined && head !== prev) return { ok: false, brokenAt: events.length + 1, reason: 'head' };
  return { ok: true, length: events.length };
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
