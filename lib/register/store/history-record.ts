// A complaint's history at rest: ONE record per complaint (store `histories`, keyed by complaint id) holding
// its events in seq order, so that a reader, a backup or a verification gets a whole chain in one read.
//
// At rest the record is compact: hashes and salts are base64url (43 and 22 characters instead of 64 and 32
// hex digits), and what an event's place in the record already says is left out (its complaint id, its seq,
// and its `prevHash` when it is the previous event's hash, as in every intact chain). `eventsOf` gives the
// events back exactly as they were sealed, so hashing and every reader work on the canonical form,
// unchanged. An event that is not a well-formed sealed event (a legacy or damaged one) is kept whole as
// `{ raw }`, so the readers still report it: nothing unreadable is dropped or "repaired" on the way.
import { z } from 'zod';
import { fastParse } from '../fast-parse';
import { GENESIS_HASH, HistoryEventSchema } from '../history';

export interface HistoryRecord {
  complaintId: string;
  /** Compact events (see above), in seq order. */
  events: unknown[];
}

/** The record's envelope, parsed before its events are decoded (a record that fails is reported whole). */
export const HistoryRecordSchema = z.object({ complaintId: z.string(), events: z.array(z.unknown()) });

const HEX64 = /^[0-9a-f]{64}$/;
const HEX32 = /^[0-9a-f]{32}$/;
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const HEX = '0123456789abcdef';
const HEX_VALUE = new Map([...HEX].map((ch, i) => [ch, i]));

/** Hex digit value by char code (0 for anything else, as before), and the two base64url chars of each 12 bits. */
const HEX_CODE = Uint8Array.from({ length: 128 }, (_, code) => HEX_VALUE.get(String.fromCharCode(code)) ?? 0);
const B64_PAIR = Array.from({ length: 4096 }, (_, v) => `${B64[v >> 6]}${B64[v & 63]}`);
const hexAt = (hex: string, i: number) => {
  const code = hex.charCodeAt(i);
  return code < 128 ? (HEX_CODE[code] as number) : 0;
};

/**
 * Hex digits (an even number) as base64url without padding. Three digits (12 bits) become two characters at
 * a time: a restore encodes ~10 of these per event, and digit by digit it was most of building the records.
 */
export function hexToBase64url(hex: string): string {
  let out = '';
  let i = 0;
  for (; i + 2 < hex.length; i += 3) {
    out += B64_PAIR[(hexAt(hex, i) << 8) | (hexAt(hex, i + 1) << 4) | hexAt(hex, i + 2)];
  }
  if (hex.length - i === 1) out += B64[hexAt(hex, i) << 2];
  else if (hex.length - i === 2) {
    const v = (hexAt(hex, i) << 4) | hexAt(hex, i + 1);
    out += `${B64[v >> 2]}${B64[(v & 3) << 4]}`;
  }
  return out;
}

/** Base64url alphabet position by char code (-1 outside it), and the char code of each hex digit. */
const B64_CODE = Int8Array.from({ length: 128 }, (_, code) => B64.indexOf(String.fromCharCode(code)));
const HEX_CHAR = Uint16Array.from(HEX, (ch) => ch.charCodeAt(0));
const b64At = (text: string, i: number) => {
  const code = text.charCodeAt(i);
  return code < 128 ? (B64_CODE[code] as number) : -1;
};
/** The digits being decoded, as char codes (room for a 64-digit hash; longer values get their own). */
const digitCodes = new Uint16Array(66);

/**
 * The inverse of `hexToBase64url` for `digits` hex digits; anything else comes back as it was stored.
 * Every backup decodes ~10 of these per event: the digits are gathered as char codes and made into one flat
 * string at the end, which measured twice as fast in Chromium as appending them three at a time (a string of
 * 22 pieces that the format check and JSON then had to flatten).
 */
export function base64urlToHex(text: string, digits: number): string {
  if (text.length !== Math.ceil((digits * 4) / 6)) return text;
  const codes = digits + 2 <= digitCodes.length ? digitCodes : new Uint16Array(digits + 2);
  let n = 0;
  let i = 0;
  for (; i + 1 < text.length; i += 2) {
    const hi = b64At(text, i);
    const lo = b64At(text, i + 1);
    if (hi < 0 || lo < 0) return text;
    const v = (hi << 6) | lo;
    codes[n++] = HEX_CHAR[v >> 8] as number;
    codes[n++] = HEX_CHAR[(v >> 4) & 15] as number;
    codes[n++] = HEX_CHAR[v & 15] as number;
  }
  if (i < text.length) {
    const last = b64At(text, i);
    if (last < 0) return text;
    codes[n++] = HEX_CHAR[last >> 2] as number;
  }
  return String.fromCharCode.apply(null, codes.subarray(0, Math.min(n, digits)) as unknown as number[]);
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const optionalHex = (v: Obj, key: string, re: RegExp) => !(key in v) || v[key] === undefined || re.test(String(v[key]));

/** Whether `e` has every field the compact form relies on, in the form it relies on. */
function compactable(e: unknown): e is Obj & { changes: Obj[] } {
  return (
    isObject(e) &&
    typeof e.hash === 'string' &&
    HEX64.test(e.hash) &&
    typeof e.prevHash === 'string' &&
    HEX64.test(e.prevHash) &&
    typeof e.complaintId === 'string' &&
    typeof e.seq === 'number' &&
    optionalHex(e, 'atSalt', HEX32) &&
    optionalHex(e, 'atDigest', HEX64) &&
    Array.isArray(e.changes) &&
    e.changes.every((c) => isObject(c) && optionalHex(c, 'salt', HEX32) && optionalHex(c, 'digest', HEX64))
  );
}

/** Converts `key` of a copy in place, when present and set (an explicit `undefined` stays as it was). */
function convert(out: Obj, key: string, to: (v: string) => string): void {
  if (typeof out[key] === 'string') out[key] = to(out[key] as string);
}

function encodeEvent(e: unknown, index: number, expectedPrev: unknown, complaintId: string): unknown {
  if (!compactable(e)) return { raw: e };
  const { complaintId: cid, seq, prevHash, ...rest } = e;
  const out: Obj = { ...rest, hash: hexToBase64url(e.hash as string) };
  if (prevHash !== expectedPrev) out.prevHash = hexToBase64url(prevHash as string);
  if (cid !== complaintId) out.complaintId = cid;
  if (seq !== index + 1) out.seq = seq;
  convert(out, 'atSalt', hexToBase64url);
  convert(out, 'atDigest', hexToBase64url);
  out.changes = e.changes.map((c) => {
    const change = { ...c };
    convert(change, 'salt', hexToBase64url);
    convert(change, 'digest', hexToBase64url);
    return change;
  });
  return out;
}

/** A compact change's salt and digest back in hex (anything else handed on as it is). */
function decodeChange(c: unknown): unknown {
  if (!isObject(c)) return c;
  const change = { ...c };
  convert(change, 'salt', (v) => base64urlToHex(v, 32));
  convert(change, 'digest', (v) => base64urlToHex(v, 64));
  return change;
}

/** The fields of a sealed event in the schema's order: the order every reader and backup sees them in. */
const EVENT_ORDER = Object.keys(HistoryEventSchema.shape);
const hexOf = (v: unknown, digits: number) => (typeof v === 'string' ? base64urlToHex(v, digits) : v);

/**
 * The canonical event of a compact one, its fields in the schema's order then any others: the order zod's
 * parse gave them before a backup took stored events without copying them (fast-parse.ts), so a backup's
 * bytes stay the same.
 */
function decodeEvent(stored: unknown, index: number, expectedPrev: unknown, complaintId: string): unknown {
  // Compact events always hold `hash`; anything else is a kept `{ raw }` (or damage, handed on as it is).
  if (!isObject(stored) || !('hash' in stored)) return isObject(stored) && 'raw' in stored ? stored.raw : stored;
  const out: Obj = {};
  for (const key of EVENT_ORDER) {
    if (key === 'complaintId') out.complaintId = 'complaintId' in stored ? stored.complaintId : complaintId;
    else if (key === 'seq') out.seq = 'seq' in stored ? stored.seq : index + 1;
    else if (key === 'prevHash')
      out.prevHash = 'prevHash' in stored ? base64urlToHex(String(stored.prevHash), 64) : expectedPrev;
    else if (key === 'hash') out.hash = base64urlToHex(String(stored.hash), 64);
    else if (key === 'changes')
      out.changes = Array.isArray(stored.changes) ? stored.changes.map(decodeChange) : stored.changes;
    else if (key in stored) {
      if (key === 'atSalt') out.atSalt = hexOf(stored.atSalt, 32);
      else if (key === 'atDigest') out.atDigest = hexOf(stored.atDigest, 64);
      else out[key] = stored[key];
    }
  }
  for (const key of Object.keys(stored)) if (!(key in out)) out[key] = stored[key];
  return out;
}

const hashOf = (e: unknown) => (isObject(e) ? e.hash : undefined);

/** The record holding `events` (canonical, raw or parsed, in seq order) of complaint `complaintId`. */
export function recordOf(complaintId: string, events: readonly unknown[]): HistoryRecord {
  return {
    complaintId,
    events: events.map((e, i) => encodeEvent(e, i, i === 0 ? GENESIS_HASH : hashOf(events[i - 1]), complaintId)),
  };
}

/** The events of a record in their canonical form (unparsed); null when the record itself is not one. */
export function eventsOf(record: unknown): unknown[] | null {
  const parsed = fastParse(HistoryRecordSchema, record);
  if (!parsed.success) return null;
  const { complaintId, events } = parsed.data;
  const out: unknown[] = [];
  for (const [i, stored] of events.entries()) {
    out.push(decodeEvent(stored, i, i === 0 ? GENESIS_HASH : hashOf(out[i - 1]), complaintId));
  }
  return out;
}

const seqOf = (e: unknown) => (isObject(e) && typeof e.seq === 'number' ? e.seq : Number.POSITIVE_INFINITY);

/**
 * `events` written over `stored` as the one-record-per-event store did: an event replaces the one with its
 * seq, the others keep their place, and the whole stays in seq order.
 */
export function mergeEvents(stored: readonly unknown[], events: readonly unknown[]): unknown[] {
  const incoming = new Set(events.map(seqOf));
  const kept = stored.filter((e) => !incoming.has(seqOf(e)) || seqOf(e) === Number.POSITIVE_INFINITY);
  // A stable sort: events without a numeric seq (damaged) stay after the others, in their order.
  return [...kept, ...events].sort((a, b) => {
    const d = seqOf(a) - seqOf(b);
    return Number.isNaN(d) ? 0 : d;
  });
}

/** The part of an IndexedDB store (or its idb wrapper) that the helpers below use. */
export interface HistoriesReader {
  get(key: string): Promise<unknown>;
}
export interface HistoriesStore extends HistoriesReader {
  put(value: HistoryRecord): Promise<unknown>;
}

/**
 * The stored events of complaint `id`, canonical and unparsed ([] when it has none). A record that is not
 * one comes back as a single raw event, so a write keeps it (for the readers to report) rather than lose it.
 */
export async function storedEvents(store: HistoriesReader, id: string): Promise<unknown[]> {
  const record = await store.get(id);
  if (record === undefined) return [];
  return eventsOf(record) ?? [record];
}

/** Writes `events` into complaint `id`'s record (see `mergeEvents`), in the caller's transaction. */
export async function putEvents(store: HistoriesStore, id: string, events: readonly unknown[]): Promise<void> {
  const merged = mergeEvents(await storedEvents(store, id), events);
  await store.put(recordOf(id, merged));
}
