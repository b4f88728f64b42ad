// Typed reads of the register. Every record read is parsed with zod; an unreadable one is never dropped
// silently: it is reported to the caller's `onInvalid` (the page that read it warns) and to the register's
// listeners (the background moves it to quarantine).
import type { z } from 'zod';
import { issuesText } from '../../i18n/zod-issues';
import { fastParse } from '../fast-parse';
import { type ChainVerdict, type HistoryEvent, verifyChain } from '../history';
import { type RegisterRow, RegisterRowSchema, rowOf } from '../rows';
import { type Complaint, ComplaintSchema, type Phase } from '../schema';
import { defaultConnection, type InvalidRecord, type InvalidRecordListener, type RegisterConnection } from './db';
import { parsedEvents } from './history-read';

export type { InvalidRecord, InvalidRecordListener };

export interface ReadOptions {
  /** Told of each unreadable record this read meets, besides the register's listeners. */
  onInvalid?: InvalidRecordListener;
}

/** Adds a listener of the register's unreadable records; returns the function that removes it. */
export function listenInvalid(connection: RegisterConnection, listener: InvalidRecordListener): () => void {
  connection.invalidListeners.add(listener);
  return () => connection.invalidListeners.delete(listener);
}

/** `listenInvalid` on the product's register. */
export const onInvalidRecord = (listener: InvalidRecordListener) => listenInvalid(defaultConnection, listener);

/** Every issue, for the quarantine and the warnings (lib/i18n/zod-issues.ts writes them). */
export const describeIssues = (error: z.ZodError): string => issuesText(error, Number.POSITIVE_INFINITY);

const keyOf = (raw: unknown) => String((raw as { id?: unknown } | null)?.id ?? '?');

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

export const ROW_PARTS = ROW_RANGES.length;

/** The reads of one register (see register.ts); the module-level functions below read the product's. */
export function queriesOn(connection: RegisterConnection) {
  const database = () => connection.db();

  function report(record: InvalidRecord, opts: ReadOptions): void {
    opts.onInvalid?.(record);
    for (const listener of connection.invalidListeners) listener(record);
  }

  // zod's own verdict without zod's deep copy (fast-parse.ts): a record read from IndexedDB is a fresh copy
  // that no one else holds. At 100,000 complaints the retention list the management page opens with spent
  // 3.2 s of the page's time, 2.7 s of it in zod (a profile of the page; README, issue 11); the CSV export too.
  function parseComplaint(raw: unknown, key: string, opts: ReadOptions): Complaint | null {
    const result = fastParse(ComplaintSchema, raw);
    if (result.success) return result.data;
    report({ store: 'complaints', key, issues: describeIssues(result.error) }, opts);
    return null;
  }

  const valid = (raws: unknown[], opts: ReadOptions) =>
    raws.map((raw) => parseComplaint(raw, keyOf(raw), opts)).filter((c): c is Complaint => c !== null);

  async function getComplaint(id: string, opts: ReadOptions = {}): Promise<Complaint | null> {
    const raw = await (await database()).get('complaints', id);
    return raw === undefined ? null : parseComplaint(raw, id, opts);
  }

  async function getByReference(reference: string, opts: ReadOptions = {}): Promise<Complaint | null> {
    const raw = await (await database()).getFromIndex('complaints', 'reference', reference);
    return raw === undefined ? null : parseComplaint(raw, keyOf(raw), opts);
  }

  async function findByThreadId(threadId: string, opts: ReadOptions = {}): Promise<Complaint[]> {
    return valid(await (await database()).getAllFromIndex('complaints', 'threadId', threadId), opts);
  }

  async function findByMessageId(messageId: string, opts: ReadOptions = {}): Promise<Complaint[]> {
    return valid(await (await database()).getAllFromIndex('complaints', 'messageId', messageId), opts);
  }

  async function findByCustomerEmail(email: string, opts: ReadOptions = {}): Promise<Complaint[]> {
    const key = email.trim().toLowerCase();
    return valid(await (await database()).getAllFromIndex('complaints', 'customerEmail', key), opts);
  }

  /** Complaints with a clock overdue at `now`, counted on the index without reading any record. */
  async function countOverdue(now: Date): Promise<number> {
    return (await database()).countFromIndex(
      'complaints',
      'nextDueAt',
      IDBKeyRange.upperBound(now.toISOString(), true),
    );
  }

  /** Complaints whose next deadline falls within `hours` from `now` (not yet overdue). */
  async function countDueSoon(now: Date, hours: number): Promise<number> {
    const until = new Date(now.getTime() + hours * 3_600_000).toISOString();
    return (await database()).countFromIndex('complaints', 'nextDueAt', IDBKeyRange.bound(now.toISOString(), until));
  }

  /**
   * Complaints per phase, counted on the index without reading a record, in ONE transaction so that the
   * counts add up to the same register; `each` hears each count as it comes (`phases` sets the order asked).
   */
  async function countByPhase(
    phases: readonly Phase[],
    each: (phase: Phase, count: number) => void = () => {},
  ): Promise<Partial<Record<Phase, number>>> {
    const index = (await database()).transaction('complaints').store.index('phase');
    const counts = await Promise.all(
      phases.map(async (phase) => {
        const count = await index.count(phase);
        each(phase, count);
        return count;
      }),
    );
    return Object.fromEntries(phases.map((phase, i) => [phase, counts[i]]));
  }

  /** The `limit` complaints whose running deadline comes first (overdue ones lead), read through the index. */
  async function listUrgent(limit: number, opts: ReadOptions = {}): Promise<Complaint[]> {
    const db = await database();
    const out: unknown[] = [];
    let cursor = await db.transaction('complaints').store.index('nextDueAt').openCursor();
    while (cursor && out.length < limit) {
      out.push(cursor.value);
      cursor = await cursor.continue();
    }
    return valid(out, opts);
  }

  /**
   * Every complaint, in batches of `batch`, without holding the whole register in memory. Once `signal` is
   * aborted no further batch is read and the pass rejects with the signal's reason: a page that reads the
   * register again after each change stops the pass it no longer needs instead of running both to the end.
   */
  async function forEachComplaint(
    visit: (c: Complaint) => void,
    { batch = 500, signal, ...opts }: ReadOptions & { batch?: number; signal?: AbortSignal | undefined } = {},
  ): Promise<void> {
    const db = await database();
    let after: string | undefined;
    for (;;) {
      signal?.throwIfAborted();
      const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
      const raws = await db.getAll('complaints', range, batch);
      for (const c of valid(raws, opts)) visit(c);
      if (raws.length < batch) return;
      after = keyOf(raws[raws.length - 1]);
    }
  }

  /** A row that does not parse is made again from its complaint (itself parsed, and reported if it fails). */
  async function checkedRows(raws: unknown[], opts: ReadOptions): Promise<RegisterRow[]> {
    const rows: RegisterRow[] = [];
    for (const raw of raws) {
      const parsed = fastParse(RegisterRowSchema, raw);
      if (parsed.success) rows.push(parsed.data);
      else {
        const complaint = await getComplaint(keyOf(raw), opts);
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
  async function forEachRowBatch(
    visit: (rows: RegisterRow[], part: number) => void,
    parts: readonly number[] = ROW_RANGES.map((_, i) => i),
    opts: ReadOptions = {},
  ): Promise<void> {
    const db = await database();
    await Promise.all(
      parts.map(async (part) => {
        let after: string | undefined;
        for (;;) {
          const raws = await db.getAll('rows', rowRange(part, after), ROW_CHUNK);
          visit(await checkedRows(raws, opts), part);
          if (raws.length < ROW_CHUNK) return;
          after = keyOf(raws[raws.length - 1]);
        }
      }),
    );
  }

  async function listAll(opts: ReadOptions = {}): Promise<Complaint[]> {
    const out: Complaint[] = [];
    await forEachComplaint((c) => out.push(c), opts);
    return out;
  }

  async function getHistory(complaintId: string, opts: ReadOptions = {}): Promise<HistoryEvent[]> {
    const record = await (await database()).get('histories', complaintId);
    if (record === undefined) return [];
    return parsedEvents(record, complaintId, (key, issues) => report({ store: 'history', key, issues }, opts));
  }

  /** Whether the complaint's history is intact: every event hashes to what the next one and the record say. */
  async function verifyComplaintChain(complaintId: string, opts: ReadOptions = {}): Promise<ChainVerdict> {
    const complaint = await getComplaint(complaintId, opts);
    const events = await getHistory(complaintId, opts);
    return verifyChain(events, complaint?.historyHead);
  }

  /**
   * One page of the register, most urgent first, read through the indexes: complaints with a running
   * deadline by due date (overdue ones come first by construction), then the others, newest first.
   * Stops as soon as `limit` matches are found, so the first page of a large register is quick.
   */
  async function listRegisterPage(
    accept: (c: Complaint) => boolean,
    limit: number,
    opts: ReadOptions = {},
  ): Promise<{ complaints: Complaint[]; more: boolean }> {
    const db = await database();
    const tx = db.transaction('complaints');
    const out: Complaint[] = [];
    let more = false;
    const take = (raw: unknown): boolean => {
      const c = parseComplaint(raw, keyOf(raw), opts);
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
  async function listReceivedSince(since: string, opts: ReadOptions = {}): Promise<Complaint[]> {
    const raws = await (await database()).getAllFromIndex('complaints', 'receivedAt', IDBKeyRange.lowerBound(since));
    return valid(raws, opts);
  }

  return {
    getComplaint,
    getByReference,
    findByThreadId,
    findByMessageId,
    findByCustomerEmail,
    countOverdue,
    countDueSoon,
    countByPhase,
    listUrgent,
    forEachComplaint,
    forEachRowBatch,
    listAll,
    getHistory,
    verifyComplaintChain,
    listRegisterPage,
    listReceivedSince,
  };
}

export const {
  getComplaint,
  getByReference,
  findByThreadId,
  findByMessageId,
  findByCustomerEmail,
  countOverdue,
  countDueSoon,
  countByPhase,
  listUrgent,
  forEachComplaint,
  forEachRowBatch,
  listAll,
  getHistory,
  verifyComplaintChain,
  listRegisterPage,
  listReceivedSince,
} = queriesOn(defaultConnection);
