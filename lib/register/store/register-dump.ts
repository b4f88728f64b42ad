// Reads the register for a backup, as stored. Each batch of complaints is read with its history in ONE
// transaction, so a complaint and its events always agree (a write between two reads could otherwise save
// a record whose head is not the last event saved). Records that do not hold together go to the backup's
// quarantine section, raw: nothing is dropped, and the rest of the file stays restorable.
import { t } from '../../i18n';
import { TemplateOverridesSchema } from '../../letters/meta';
import { SettingsSchema } from '../../settings/schema';
import {
  type BackupEntry,
  type BackupHead,
  QuarantinedRecordSchema,
  type ReferenceCounters,
} from '../../transfer/backup-schema';
import { GENESIS_HASH, type HistoryEvent, HistoryEventSchema } from '../history';
import { type Complaint, ComplaintSchema } from '../schema';
import { registerDb } from './db';
import { describeIssues } from './queries';

type Quarantined = BackupHead['quarantine'][number];

const idOf = (raw: unknown) => String((raw as { id?: unknown } | null)?.id ?? '?');
const cidOf = (raw: unknown) => String((raw as { complaintId?: unknown } | null)?.complaintId ?? '?');

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
  const complaint = ComplaintSchema.safeParse(raw);
  const history: HistoryEvent[] = [];
  let issues = complaint.success ? '' : describeIssues(complaint.error);
  for (const event of events) {
    const parsed = HistoryEventSchema.safeParse(event);
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

/**
 * Visits the register `batch` complaints at a time, each with its history; invalid records come as
 * quarantine entries. History ranges are contiguous between batches, so events whose complaint is missing
 * (quarantined earlier) are visited too, as quarantine entries.
 */
export async function readBackupBatches(
  visit: (entries: BackupEntry[], invalid: Quarantined[]) => void | Promise<void>,
  now: Date,
  batch: number,
): Promise<void> {
  const db = await registerDb();
  const at = now.toISOString();
  let after: string | undefined;
  for (;;) {
    const tx = db.transaction(['complaints', 'history'], 'readonly');
    const raws = await tx
      .objectStore('complaints')
      .getAll(after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), batch);
    const last = raws.length === batch ? idOf(raws[raws.length - 1]) : undefined;
    const lower = after === undefined ? null : [after, Number.MAX_SAFE_INTEGER];
    const upper = last === undefined ? null : [last, Number.MAX_SAFE_INTEGER];
    const range =
      lower && upper
        ? IDBKeyRange.bound(lower, upper, true, false)
        : lower
          ? IDBKeyRange.lowerBound(lower, true)
          : upper
            ? IDBKeyRange.upperBound(upper)
            : undefined;
    const events = await tx.objectStore('history').getAll(range);
    await tx.done;
    const byComplaint = new Map<string, unknown[]>();
    for (const e of events) {
      const list = byComplaint.get(cidOf(e));
      if (list) list.push(e);
      else byComplaint.set(cidOf(e), [e]);
    }
    const entries: BackupEntry[] = [];
    const invalid: Quarantined[] = [];
    for (const raw of raws) {
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
    // Awaited: a backup written to disk as it is read waits for the file to take each batch.
    await visit(entries, invalid);
    if (last === undefined) return;
    after = last;
  }
}

/** How many complaint and history records the register holds, read together (a backup's head announces them). */
export async function countRegister(): Promise<{ complaints: number; historyEvents: number }> {
  const tx = (await registerDb()).transaction(['complaints', 'history']);
  const [complaints, historyEvents] = await Promise.all([
    tx.objectStore('complaints').count(),
    tx.objectStore('history').count(),
  ]);
  await tx.done;
  return { complaints, historyEvents };
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
