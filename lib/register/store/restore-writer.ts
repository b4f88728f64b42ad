// Restore, background side: the only code that writes a backup into the register. Each batch is parsed
// again and checked (every chain verified, no id or reference twice) unless it is, byte for byte, a batch
// the background itself checked in the dry run (restore-check.ts), and written in ONE transaction with the decision
// taken inside it, so a change made since the dry run is never overwritten. Reference counters only go up.
// Each batch also journals what it replaces (restore-journal.ts), and the finish empties the journal in its
// own transaction: a restore that stops half way is rolled back to the register as it was.
// While the register holds nothing but the restore's own additions (restore-session.ts), a batch skips the
// look-ups and the per-complaint journal: four writes per complaint, and one journal entry per batch. It is
// not counted before each batch to know that (counting a store reads all of it: quadratic over a restore of
// 100,000); the batch's complaint, row and history are *added*, and one already stored (written since the
// restore began) fails the whole transaction, which then runs again the long way.
import { t } from '../../i18n';
import { templateMeta } from '../../letters/catalog';
import type { TemplateOverrides } from '../../letters/meta';
import { validateTemplate } from '../../letters/validate';
import { SettingsSchema } from '../../settings/schema';
import type { BackupEntry, ReferenceCounters, RestoreMeta } from '../../transfer/backup-schema';
import { classify, highestReferences, MAX_REASONS, type Tally } from '../../transfer/classify';
import type { FinishOutcome } from '../../transfer/restore';
import { rowOf } from '../rows';
import { COMPLAINT_STORES, defaultConnection, putComplaint } from './db';
import { putEvents, recordOf } from './history-record';
import { OVERRIDES_KEY } from './letter-overrides';
import { SETTINGS_KEY } from './register-dump';
import { checkedFingerprint } from './restore-check';
import { checkRestore, commitRestore, journalAdded, journalComplaint, journalMeta } from './restore-journal';
import { checkEntries, fingerprint, parseLines } from './restore-lines';
import { closeSession, type RestoreSession, sessionOf } from './restore-session';
import { recount } from './stats';

type MetaStore = {
  get(key: string): Promise<unknown>;
  put(value: unknown, key: string): Promise<unknown>;
};

/** Raises each year's counter to at least `highest`, never lowers one; `before` journals a key it changes. */
async function raiseCounters(
  meta: MetaStore,
  highest: ReferenceCounters,
  before: (key: string) => Promise<void>,
): Promise<void> {
  await Promise.all(
    Object.entries(highest).map(async ([year, n]) => {
      const key = `refCounter:${year}`;
      const current = Number((await meta.get(key)) ?? 0);
      if (Number.isSafeInteger(current) && current >= n) return;
      await before(key);
      await meta.put(n, key);
    }),
  );
}

/** The batch parsed; its chains verified unless it is, to the byte, batch `index` of the dry run. */
async function entriesOf(restoreId: string, lines: readonly string[], index?: number): Promise<BackupEntry[]> {
  const entries = parseLines(lines);
  const checkId = sessionOf(restoreId)?.checkId;
  const checked = checkId && index !== undefined ? checkedFingerprint(checkId, index) : null;
  if (checked === null || checked !== (await fingerprint(lines))) checkEntries(entries);
  return entries;
}

/** Complaints a batch adds where the register held none of them: no look-up, one undo entry for the batch. */
async function addToNothing(
  restoreId: string,
  session: RestoreSession,
  entries: readonly BackupEntry[],
): Promise<Tally> {
  const db = await defaultConnection.liveDb();
  // Relaxed durability: a crash can lose the last batches written, with their journal; the rest is undone.
  const tx = db.transaction([...COMPLAINT_STORES, 'histories', 'meta', 'restoreJournal'], 'readwrite', {
    durability: 'relaxed',
  });
  await checkRestore(tx, restoreId);
  // `add`, never `put`: a complaint (by id or reference), row or history already stored fails the batch,
  // so the undo ("delete these") never deletes what the restore did not write. A contribution to the
  // dashboard is only ever stored with its complaint (stats.ts), which the `add` checks.
  const writes: Promise<unknown>[] = [
    journalAdded(
      tx,
      entries.map((e) => e.complaint.id),
    ),
  ];
  for (const { complaint, history } of entries) {
    writes.push(
      tx.objectStore('complaints').add(complaint),
      tx.objectStore('rows').add(rowOf(complaint)),
      tx.objectStore('histories').add(recordOf(complaint.id, history)),
      recount(tx, complaint.id, complaint, true),
    );
  }
  writes.push(
    raiseCounters(tx.objectStore('meta'), highestReferences(entries.map((e) => e.complaint.reference)), (key) =>
      journalMeta(tx, key),
    ),
  );
  await Promise.all([...writes, tx.done]);
  session.written += entries.length;
  for (const { complaint } of entries) {
    session.ids.add(complaint.id);
    session.references.add(complaint.reference);
  }
  return { added: entries.length, updated: 0, unchanged: 0, refused: 0, reasons: [] };
}

/**
 * Writes one batch of complaint lines of restore `restoreId` with their history; says what happened to each.
 * `index`: the batch's place in the file, as in the dry run.
 */
export async function restoreBatch(restoreId: string, lines: readonly string[], index?: number): Promise<Tally> {
  const entries = await entriesOf(restoreId, lines, index);
  const session = sessionOf(restoreId);
  if (session?.fresh) {
    session.fresh = entries.every(
      (e) => !session.ids.has(e.complaint.id) && !session.references.has(e.complaint.reference),
    );
    try {
      if (session.fresh) return await addToNothing(restoreId, session, entries);
    } catch (error) {
      // Something of the batch is stored after all: nothing of it was written; the long path decides.
      if ((error as { name?: unknown } | null)?.name !== 'ConstraintError') throw error;
      session.fresh = false;
    }
  }
  const db = await defaultConnection.liveDb();
  const tx = db.transaction([...COMPLAINT_STORES, 'histories', 'meta', 'restoreJournal'], 'readwrite', {
    durability: 'relaxed',
  });
  const complaints = tx.objectStore('complaints');
  const histories = tx.objectStore('histories');
  await checkRestore(tx, restoreId);
  const stored = await Promise.all(
    entries.map(async (e) => {
      const [raw, owner] = await Promise.all([
        complaints.get(e.complaint.id),
        complaints.index('reference').getKey(e.complaint.reference),
      ]);
      return { raw, referenceOwner: owner ?? null };
    }),
  );
  const tally: Tally = { added: 0, updated: 0, unchanged: 0, refused: 0, reasons: [] };
  const writes: Promise<unknown>[] = [];
  entries.forEach((e, i) => {
    const verdict = classify(e, stored[i] as (typeof stored)[number]);
    tally[verdict.kind]++;
    if (verdict.kind === 'refused') {
      if (tally.reasons.length < MAX_REASONS) tally.reasons.push(t(verdict.reason, verdict.params));
      return;
    }
    if (verdict.kind === 'unchanged') return;
    writes.push(
      journalComplaint(tx, e.complaint.id, stored[i]?.raw).then(() =>
        Promise.all([putComplaint(tx, e.complaint), putEvents(histories, e.complaint.id, e.history)]),
      ),
    );
  });
  writes.push(
    raiseCounters(tx.objectStore('meta'), highestReferences(entries.map((e) => e.complaint.reference)), (key) =>
      journalMeta(tx, key),
    ),
  );
  await Promise.all([...writes, tx.done]);
  return tally;
}

/** Edited letters that still pass today's template checks; the others are named and left out. */
function checkedOverrides(overrides: TemplateOverrides): { kept: TemplateOverrides; refused: string[] } {
  const kept: TemplateOverrides = {};
  const refused: string[] = [];
  for (const [id, copies] of Object.entries(overrides) as [
    keyof TemplateOverrides,
    TemplateOverrides[keyof TemplateOverrides],
  ][]) {
    const meta = templateMeta(id);
    for (const copy of Object.values(copies ?? {})) {
      if (meta && validateTemplate(copy.source, meta).length === 0) kept[id] = { ...kept[id], [copy.lang]: copy };
      else refused.push(`${id} (${copy.lang})`);
    }
  }
  return { kept, refused };
}

/**
 * After the complaints: counters, quarantined records, and settings and edited letters when sent, written
 * in ONE transaction that also empties the undo journal: from its commit on, the restore is whole.
 */
export async function restoreFinish(restoreId: string, meta: RestoreMeta): Promise<FinishOutcome> {
  const overrides = meta.templateOverrides ? checkedOverrides(meta.templateOverrides) : null;
  const settings = meta.settings ? SettingsSchema.parse(meta.settings) : undefined;
  const db = await defaultConnection.liveDb();
  const tx = db.transaction(['meta', 'quarantine', 'restoreJournal'], 'readwrite');
  await checkRestore(tx, restoreId);
  const store = tx.objectStore('meta');
  const writes: Promise<unknown>[] = [raiseCounters(store, meta.referenceCounters, async () => {})];
  for (const record of meta.quarantine) writes.push(tx.objectStore('quarantine').put(record));
  if (overrides) writes.push(store.put(overrides.kept, OVERRIDES_KEY));
  if (settings) writes.push(store.put(settings, SETTINGS_KEY));
  writes.push(commitRestore(tx));
  await Promise.all([...writes, tx.done]);
  closeSession(restoreId);
  return {
    quarantine: meta.quarantine.length,
    settings: meta.settings !== undefined,
    templates: overrides ? Object.keys(overrides.kept).length : 0,
    templatesRefused: overrides?.refused ?? [],
  };
}
