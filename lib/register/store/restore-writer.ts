// Restore, background side: the only code that writes a backup into the register. Each batch is checked
// again (every chain verified, no id or reference twice) and written in ONE transaction with the decision
// taken inside it, so a change made since the dry run is never overwritten. Reference counters only go up.
// Each batch also journals what it replaces (restore-journal.ts), and the finish empties the journal in its
// own transaction: a restore that stops half way is rolled back to the register as it was.
import { t, UserError } from '../../i18n';
import { issuesText } from '../../i18n/zod-issues';
import { templateMeta } from '../../letters/catalog';
import type { TemplateOverrides } from '../../letters/meta';
import { validateTemplate } from '../../letters/validate';
import { SettingsSchema } from '../../settings/schema';
import {
  type BackupEntry,
  BackupEntrySchema,
  type ReferenceCounters,
  type RestoreMeta,
} from '../../transfer/backup-schema';
import { verifyChainSync } from '../../transfer/chain';
import { classify, highestReferences, MAX_REASONS, type Tally } from '../../transfer/classify';
import type { FinishOutcome } from '../../transfer/restore';
import { COMPLAINT_STORES, defaultConnection, putComplaint } from './db';
import { putEvents } from './history-record';
import { OVERRIDES_KEY } from './letter-overrides';
import { SETTINGS_KEY } from './register-dump';
import { checkRestore, commitRestore, journalComplaint, journalMeta } from './restore-journal';

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

function checkBatch(entries: readonly BackupEntry[]): void {
  const ids = new Set<string>();
  const references = new Set<string>();
  for (const { complaint, history } of entries) {
    if (ids.has(complaint.id) || references.has(complaint.reference)) {
      throw new UserError('data.restore.error.duplicateReference', { reference: complaint.reference });
    }
    ids.add(complaint.id);
    references.add(complaint.reference);
    const chain = verifyChainSync(history, complaint.historyHead);
    if (!chain.ok) {
      throw new UserError('data.restore.error.chain', {
        reference: complaint.reference,
        seq: chain.brokenAt,
        reason: t(`data.chain.${chain.reason}`),
      });
    }
  }
}

/** Each line parsed against the file's schema: the background takes nothing on trust. */
function parseLines(lines: readonly string[]): BackupEntry[] {
  return lines.map((line) => {
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new UserError('data.restore.error.notJsonAtAll');
    }
    const parsed = BackupEntrySchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const reference = (raw as { complaint?: { reference?: unknown } } | null)?.complaint?.reference;
    throw new UserError('data.restore.error.complaint', {
      reference: typeof reference === 'string' ? reference.slice(0, 40) : '?',
      issues: issuesText(parsed.error),
    });
  });
}

/** Writes one batch of complaint lines of restore `restoreId` with their history; says what happened to each. */
export async function restoreBatch(restoreId: string, lines: readonly string[]): Promise<Tally> {
  const entries = parseLines(lines);
  checkBatch(entries);
  const db = await defaultConnection.liveDb();
  // Relaxed durability: a crash can lose the last batches written, with their journal; the rest is undone.
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
  return {
    quarantine: meta.quarantine.length,
    settings: meta.settings !== undefined,
    templates: overrides ? Object.keys(overrides.kept).length : 0,
    templatesRefused: overrides?.refused ?? [],
  };
}
