// Typed reads of the register. Every record read is parsed with zod; an unreadable one is never dropped
// silently: it is reported to the sink (the background moves it to quarantine, the UI warns).
import type { z } from 'zod';
import { type ChainVerdict, type HistoryEvent, HistoryEventSchema, verifyChain } from '../history';
import { type RegisterRow, RegisterRowSchema, rowOf } from '../rows';
import { type Complaint, ComplaintSchema } from '../schema';
import { registerDb } from './db';

export interface InvalidRecord {
  store: 'complaints' | 'history' | 'meta';
  key: string;
  issues: string;
}

let sink: (record: InvalidRecord) => void = () => {};

export function onInvalidRecord(callback: (record: InvalidRecord) => void): void {
  sink = callback;
}

export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(racine)'} : ${i.message}`).join(' ; ');
}

function parseComplaint(raw: unknown, key: string): Complaint | null {
  const result = ComplaintSchema.safeParse(raw);
  if (result.success) return result.data;
  sink({ store: 'complaints', key, issues: describeIssues(result.error) });
  return null;
}

const keyOf = (raw: unknown) => String((raw as { id?: unknown } | null)?.id ?? '?');
const valid = (raws: unknown[]) =>
  raws.map((raw) => parseComplaint(raw, keyOf(raw))).filter((c): c is Complaint => c !== null);

export async function getComplaint(id: string): Promise<Complaint | null> {
  const raw = await (await registerDb()).get('complaints', id);
  return raw === undefined ? null : parseComplaint(raw, id);
}

export async function getByReference(reference: string): Promise<Complaint | null> {
  const raw = await (await registerDb()).getFromIndex('complaints', 'reference', reference);
  return raw === undefined ? null : parseComplaint(raw, keyOf(raw));
}

export async function findByThreadId(threadId: string): Promise<Complaint[]> {
  return valid(await (await registerDb()).getAllFromIndex('complaints', 'threadId', threadId));
}

export async function findByMessageId(messageId: string): Promise<Complaint[]> {
  return valid(await (await registerDb()).getAllFromIndex('complaints', 'messageId', messageId));
}

export async function findByCustomerEmail(email: string): Promise<Complaint[]> {
  return valid(await (await registerDb()).getAllFromIndex('complaints', 'customerEmail', email.trim().toLowerCase()));
}

/** Complaints with a clock overdue at `now`, counted on the index without reading any record. */
export async function countOverdue(now: Date): Promise<number> {
  return (await registerDb()).countFromIndex(
    'complaints',
    'nextDueAt',
    IDBKeyRange.upperBound(now.toISOString(), true),
  );
}

/** Complaints whose next deadline falls within `hours` from `now` (not yet overdue). */
export async function countDueSoon(now: Date, hours: number): Promise<number> {
  const until = new Date(now.getTime() + hours * 3_600_000).toISOString();
  return (await registerDb()).countFromIndex('complaints', 'nextDueAt', IDBKeyRange.bound(now.toISOString(), until));
}

/** The `limit` complaints whose running deadline comes first (overdue ones lead), read through the index. */
export async function listUrgent(limit: number): Promise<Complaint[]> {
  const db = await registerDb();
  const out: unknown[] = [];
  let cursor = await db.transaction('complaints').store.index('nextDueAt').openCursor();
  while (cursor && out.length < limit) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return valid(out);
}

/** Every complaint, in batches, without holding the whole register in memory. */
export async function forEachComplaint(visit: (c: Complaint) => void, batch = 500): Promise<void> {
  const db = await registerDb();
  let after: string | undefined;
  for (;;) {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const raws = await db.getAll('complaints', range, batch);
    for (const c of valid(raws)) visit(c);
    if (raws.length < batch) return;
    after = keyOf(raws[raws.length - 1]);
  }
}

// Complaint ids are UUIDs (lower-case hex): eight key ranges of about equal size, read side by side so that
// IndexedDB fetches one range while this thread decodes another. Every string key falls in exactly one range.
const ROW_RANGES = ['', '2', '4', '6', '8', 'a', 'c', 'e'] as const;
const ROW_CHUNK = 4_000;

function rowRange(part: number, after: string | undefined): IDBKeyRange {
  const upper = ROW_RANGES[part + 1];
  const lower = after ?? ROW_RANGES[part] ?? '';
  const open = after !== undefined;
  return upper === undefined ? IDBKeyRange.lowerBound(lower, open) : IDBKeyRange.bound(lower, upper, open, true);
}

/** A row that does not parse is made again from its complaint (itself parsed, and reported if it fails). */
async function checkedRows(raws: unknown[]): Promise<RegisterRow[]> {
  const rows: RegisterRow[] = [];
  for (const raw of raws) {
    const parsed = RegisterRowSchema.safeParse(raw);
    if (parsed.success) rows.push(parsed.data);
    else {
      const complaint = await getComplaint(keyOf(raw));
      if (complaint) rows.push(rowOf(complaint));
    }
  }
  return rows;
}

/**
 * Visits the rows of the read model (rows.ts) of the given key-range parts (all by default) in batches,
 * each tagged with its part: batches of different parts arrive interleaved; within a part they come in id
 * order, and part n holds ids before part n + 1.
 */
export async function forEachRowBatch(
  visit: (rows: RegisterRow[], part: number) => void,
  parts: readonly number[] = ROW_RANGES.map((_, i) => i),
): Promise<void> {
  const db = await registerDb();
  await Promise.all(
    parts.map(async (part) => {
      let after: string | undefined;
      for (;;) {
        const raws = await db.getAll('rows', rowRange(part, after), ROW_CHUNK);
        visit(await checkedRows(raws), part);
        if (raws.length < ROW_CHUNK) return;
        after = keyOf(raws[raws.length - 1]);
      }
    }),
  );
}

export const ROW_PARTS = ROW_RANGES.length;

export async function listAll(): Promise<Complaint[]> {
  const out: Complaint[] = [];
  await forEachComplaint((c) => out.push(c));
  return out;
}

export async function getHistory(complaintId: string): Promise<HistoryEvent[]> {
  const raws = await (await registerDb()).getAll(
    'history',
    IDBKeyRange.bound([complaintId, 0], [complaintId, Number.MAX_SAFE_INTEGER]),
  );
  const events: HistoryEvent[] = [];
  for (const raw of raws) {
    const result = HistoryEventSchema.safeParse(raw);
    if (result.success) events.push(result.data);
    else {
      const seq = (raw as { seq?: unknown } | null)?.seq;
      sink({ store: 'history', key: `${complaintId}#${String(seq)}`, issues: describeIssues(result.error) });
    }
  }
  return events;
}

/** Whether the complaint's history is intact: every event hashes to what the next one and the record say. */
export async function verifyComplaintChain(complaintId: string): Promise<ChainVerdict> {
  const complaint = await getComplaint(complaintId);
  const events = await getHistory(complaintId);
  return verifyChain(events, complaint?.historyHead);
}

/**
 * One page of the register, most urgent first, read through the indexes: complaints with a running
 * deadline by due date (overdue ones come first by construction), then the others, newest first.
 * Stops as soon as `limit` matches are found, so the first page of a large register is quick.
 */
export async function listRegisterPage(
  accept: (c: Complaint) => boolean,
  limit: number,
): Promise<{ complaints: Complaint[]; more: boolean }> {
  const db = await registerDb();
  const tx = db.transaction('complaints');
  const out: Complaint[] = [];
  let more = false;
  const take = (raw: unknown): boolean => {
    const c = parseComplaint(raw, keyOf(raw));
    if (!c || !accept(c)) return true;
    if (out.length === limit) {
      more = true;
      return false;
    }
    out.push(c);
    return true;
  };
  let due = await tx.store.index('nextDueAt').openCursor();
  while (due && take(due.value)) due = await due.continue();
  if (!more) {
    let rest = await tx.store.index('receivedAt').openCursor(null, 'prev');
    while (rest) {
      if ((rest.value as { nextDueAt?: string }).nextDueAt === undefined && !take(rest.value)) break;
      rest = await rest.continue();
    }
  }
  return { complaints: out, more };
}

/** Complaints received since `since` (ISO instant), read on the receivedAt index. */
export async function listReceivedSince(since: string): Promise<Complaint[]> {
  return valid(await (await registerDb()).getAllFromIndex('complaints', 'receivedAt', IDBKeyRange.lowerBound(since)));
}
