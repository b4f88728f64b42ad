// Reads the register for a backup, as stored. Each batch of complaints is read with its history in ONE
// transaction, so a complaint and its events always agree (a write between two reads could otherwise save
// a record whose head is not the last event saved). Records that do not hold together go to the backup's
// quarantine section, raw: nothing is dropped, and the rest of the file stays restorable.

import type { IDBPTransaction } from 'idb';
import { t } from '../../i18n';
import { TemplateOverridesSchema } from '../../letters/meta';
import { SettingsSchema } from '../../settings/schema';
import {
  type BackupEntry,
  type BackupHead,
  QuarantinedRecordSchema,
  type ReferenceCounters,
} from '../../transfer/backup-schema';
import { fastParse } from '../fast-parse';
import { GENESIS_HASH, type HistoryEvent, HistoryEventSchema } from '../history';
import { type Complaint, ComplaintSchema } from '../schema';
import { type RegisterDB, registerDb } from './db';
import { eventsOf, HistoryRecordSchema } from './history-record';
import { describeIssues } from './queries';

type Quarantined = BackupHead['quarantine'][number];

const idOf = (raw: unknown) => String((raw as { id?: unknown } | null)?.id ?? '?');

/** Cheap structural check (no hashing): events numbered 1…n, each linked to the previous, the last one the head. */
export function chainHoldsTogether(complaint: Complaint, events: readonly HistoryEvent[]): boolean {
  let prev = GENESIS_HASH;
  for (const [i, e] of events.entries()) {
    if (e.seq !== i + 1 || e.prevHash !== prev) return false;
    prev = e.hash;
  }
  return events.length > 0 && prev === complaint.historyHead;
}

function entryOf(raw: unknown, events: unknown[], at: string): BackupEntry | Quarantined[] {
  const complaint = fastParse(ComplaintSchema, raw);
  const history: HistoryEvent[] = [];
  let issues = complaint.success ? '' : describeIssues(complaint.error);
  for (const event of events) {
    const parsed = fastParse(HistoryEventSchema, event);
    if (parsed.success) history.push(parsed.data);
    else issues ||= `historique : ${describeIssues(parsed.error)}`;
  }
  if (complaint.success && !issues && chainHoldsTogether(complaint.data, history)) {
    return { complaint: complaint.data, history };
  }
  issues ||= t('data.quarantine.brokenHistory');
  const id = idOf(raw);
  return [
    { key: `complaints:${id}:${at}`, store: 'complaints', raw, issues, at },
    ...events.map(
      (e, i): Quarantined => ({ key: `history:${id}#${i + 1}:${at}`, store: 'history', raw: e, issues, at }),
    ),
  ];
}

/** A stored history record as its events (canonical, unparsed), or as one quarantine entry if it is not one. */
function eventsOrAside(record: unknown, id: string, at: string): unknown[] | Quarantined {
  const events = eventsOf(record);
  if (events) return events;
  const error = HistoryRecordSchema.safeParse(record).error;
  return { key: `history:${id}:${at}`, store: 'history', raw: record, issues: error ? describeIssues(error) : '', at };
}

/** One batch as stored: complaints from the key after `after`, with the history records of the same key range. */
export interface StoredBatch {
  complaints: unknown[];
  historyKeys: string[];
  histories: unknown[];
  /** The last complaint id read, when the batch was full (more may follow); undefined at the end. */
  last: string | undefined;
}

/** A run of keys: after `after` (excluded) up to `last` (included); open on a side left undefined. */
export interface KeyRun {
  after?: string | undefined;
  last?: string | undefined;
}

function keyRange({ after, last }: KeyRun): IDBKeyRange | undefined {
  if (after !== undefined && last !== undefined) return IDBKeyRange.bound(after, last, true, false);
  if (after !== undefined) return IDBKeyRange.lowerBound(after, true);
  if (last !== undefined) return IDBKeyRange.upperBound(last);
  return undefined;
}

type ReadTx = IDBPTransaction<RegisterDB, ('complaints' | 'histories')[], 'readonly'>;

async function readHistories(tx: ReadTx, run: KeyRun) {
  const range = keyRange(run);
  const [historyKeys, histories] = await Promise.all([
    tx.objectStore('histories').getAllKeys(range),
    tx.objectStore('histories').getAll(range),
  ]);
  return { historyKeys, histories };
}

/** Reads one batch in ONE transaction (see the top of this file): `batch` complaints, then their histories. */
async function readStoredBatch(after: string | undefined, batch: number): Promise<StoredBatch> {
  const tx = (await registerDb()).transaction(['complaints', 'histories'], 'readonly');
  const complaints = await tx
    .objectStore('complaints')
    .getAll(after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), batch);
  const last = complaints.length === batch ? idOf(complaints[complaints.length - 1]) : undefined;
  const read = await readHistories(tx, { after, last });
  await tx.done;
  return { complaints, ...read, last };
}

/**
 * The register cut into the runs `visitStoredBatches` reads, from the complaints' keys alone: each run ends
 * on every `batch`-th key, and the last one is open (complaints written since, histories past the last
 * complaint). Runs read this way can be read in any order, or in several threads, and give the same batches.
 */
export async function batchRuns(batch: number): Promise<KeyRun[]> {
  const tx = (await registerDb()).transaction('complaints');
  const runs: KeyRun[] = [];
  let after: string | undefined;
  let cursor = await tx.store.openKeyCursor();
  if (cursor && batch > 1) cursor = await cursor.advance(batch - 1);
  while (cursor) {
    const last = String(cursor.key);
    runs.push({ after, last });
    after = last;
    cursor = await cursor.advance(batch);
  }
  runs.push({ after });
  await tx.done;
  return runs;
}

/** Reads one run of `batchRuns` in ONE transaction: its complaints, then their histories. */
export async function readStoredRun(run: KeyRun): Promise<StoredBatch> {
  const tx = (await registerDb()).transaction(['complaints', 'histories'], 'readonly');
  const complaints = await tx.objectStore('complaints').getAll(keyRange(run));
  const read = await readHistories(tx, run);
  await tx.done;
  return { complaints, ...read, last: run.last };
}

/**
 * Visits the stored register batch by batch, in key order, one batch held at a time. (Reading the next batch
 * while this one is visited measured no faster: the page's own thread decodes what IndexedDB hands it.)
 */
export async function visitStoredBatches(
  visit: (stored: StoredBatch) => void | Promise<void>,
  batch: number,
): Promise<void> {
  let after: string | undefined;
  for (;;) {
    const stored = await readStoredBatch(after, batch);
    await visit(stored);
    if (stored.last === undefined) return;
    after = stored.last;
  }
}

/** A stored batch as backup entries and quarantine entries (the checks described at the top of this file). */
export function checkStoredBatch(stored: StoredBatch, at: string): { entries: BackupEntry[]; invalid: Quarantined[] } {
  const invalid: Quarantined[] = [];
  const byComplaint = new Map<string, unknown[]>();
  stored.historyKeys.forEach((key, i) => {
    const events = eventsOrAside(stored.histories[i], key, at);
    if (Array.isArray(events)) byComplaint.set(key, events);
    else invalid.push(events);
  });
  const entries: BackupEntry[] = [];
  for (const raw of stored.complaints) {
    const id = idOf(raw);
    const result = entryOf(raw, byComplaint.get(id) ?? [], at);
    byComplaint.delete(id);
    if (Array.isArray(result)) invalid.push(...result);
    else entries.push(result);
  }
  for (const [cid, orphans] of byComplaint) {
    for (const e of orphans) {
      const seq = String((e as { seq?: unknown } | null)?.seq ?? '?');
      invalid.push({
        key: `history:${cid}#${seq}:${at}`,
        store: 'history',
        raw: e,
        issues: t('data.quarantine.orphanEvent'),
        at,
      });
    }
  }
  return { entries, invalid };
}

/**
 * Visits the register `batch` complaints at a time, each with its history; invalid records come as
 * quarantine entries. History ranges are contiguous between batches, so histories whose complaint is
 * missing (quarantined earlier) are visited too, as quarantine entries.
 */
export async function readBackupBatches(
  visit: (entries: BackupEntry[], invalid: Quarantined[]) => void | Promise<void>,
  now: Date,
  batch: number,
): Promise<void> {
  const at = now.toISOString();
  // Awaited: a backup written to disk as it is read waits for the file to take each batch.
  await visitStoredBatches(async (stored) => {
    const { entries, invalid } = checkStoredBatch(stored, at);
    await visit(entries, invalid);
  }, batch);
}

/**
 * How many complaints and history events the register holds, read together (a backup's head announces
 * them) without reading a history: events are counted per history length on the `eventCount` index.
 */
export async function countRegister(): Promise<{ complaints: number; historyEvents: number }> {
  const tx = (await registerDb()).transaction(['complaints', 'histories']);
  const lengths = tx.objectStore('histories').index('eventCount');
  const counting: Promise<number>[] = [];
  let cursor = await lengths.openKeyCursor(null, 'nextunique');
  while (cursor) {
    const length = cursor.key;
    counting.push(lengths.count(length).then((n) => n * length));
    cursor = await cursor.continue();
  }
  const [complaints, perLength] = await Promise.all([tx.objectStore('complaints').count(), Promise.all(counting)]);
  await tx.done;
  return { complaints, historyEvents: perLength.reduce((a, b) => a + b, 0) };
}

const COUNTER = /^refCounter:(\d{4})$/;
/** The keys of lib/settings/store.ts and lib/letters/overrides-store.ts (not imported: that module brings the
 *  letter templates into every page that makes a backup; a test holds the two equal). */
export const SETTINGS_KEY = 'settings';
export const TEMPLATE_OVERRIDES_KEY = 'templateOverrides';

/** Settings, edited templates and reference counters, each parsed; anything unreadable or unknown is quarantined. */
export async function readMeta(now: Date): Promise<{
  settings: BackupHead['settings'];
  templateOverrides: BackupHead['templateOverrides'];
  referenceCounters: ReferenceCounters;
  quarantine: Quarantined[];
}> {
  const db = await registerDb();
  const tx = db.transaction('meta');
  const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
  await tx.done;
  const at = now.toISOString();
  const out = { settings: null, templateOverrides: null, referenceCounters: {}, quarantine: [] } as Awaited<
    ReturnType<typeof readMeta>
  >;
  keys.forEach((key, i) => {
    const raw = values[i];
    const aside = (issues: string) =>
      out.quarantine.push({ key: `meta:${key}:${at}`, store: 'meta', raw: { key, value: raw }, issues, at });
    const counter = COUNTER.exec(String(key));
    if (key === SETTINGS_KEY) {
      const parsed = SettingsSchema.safeParse(raw);
      if (parsed.success) out.settings = parsed.data;
      else aside(describeIssues(parsed.error));
    } else if (key === TEMPLATE_OVERRIDES_KEY) {
      const parsed = TemplateOverridesSchema.safeParse(raw);
      if (parsed.success) out.templateOverrides = parsed.data;
      else aside(describeIssues(parsed.error));
    } else if (counter?.[1]) {
      if (Number.isSafeInteger(raw) && (raw as number) >= 0) out.referenceCounters[counter[1]] = raw as number;
      else aside(t('data.quarantine.counter'));
    } else {
      aside(t('data.quarantine.unknownKey'));
    }
  });
  return out;
}

/** The records already set aside in the quarantine store. */
export async function readQuarantine(): Promise<Quarantined[]> {
  const raws = await (await registerDb()).getAll('quarantine');
  return raws.map((raw) => {
    const parsed = QuarantinedRecordSchema.safeParse(raw);
    return parsed.success
      ? parsed.data
      : {
          key: `quarantine:${String((raw as { key?: unknown } | null)?.key)}`,
          store: 'meta',
          raw,
          issues: describeIssues(parsed.error),
          at: '',
        };
  });
}
