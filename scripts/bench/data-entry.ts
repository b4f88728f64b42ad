// Bundled by the data suite and evaluated in an extension page: the product's export, backup and restore
// code (lib/transfer) against the extension origin's IndexedDB, the restore writing through the real
// background. Generated complaints (register-data.ts) get a history like the register writes: a `created`
// event holding the first version as one change (as createRecord does), then one `transition` event per step,
// sealed with salted digests.

import { csvWorkers } from '@/lib/extension/pages/csv-workers';
import { type MessageKey, t } from '@/lib/i18n';
import { type RequestInput, RequestSchema } from '@/lib/protocol/messages';
import { GENESIS_HASH, type HistoryEvent, verifyChain } from '@/lib/register/history';
import { rowOf } from '@/lib/register/rows';
import type { Complaint } from '@/lib/register/schema';
import { defaultConnection, putComplaint, registerDb } from '@/lib/register/store/db';
import { DEFAULT_SETTINGS } from '@/lib/settings/schema';
import { BackupEntrySchema } from '@/lib/transfer/backup-schema';
import { backupBlob } from '@/lib/transfer/backup-writer';
import { changeDigestSync, hashEventSync } from '@/lib/transfer/chain';
import { COLUMNS, csvHeader } from '@/lib/transfer/csv';
import { exportCsv } from '@/lib/transfer/export';
import { checkBackup, type RestoreWriter, restoreBackup } from '@/lib/transfer/restore';
import { generateComplaint } from './register-data';

const SEED_BATCH = 1_000;
const hex = (bytes: number) =>
  Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');

function tracked(c: Complaint) {
  const { rev: _r, updatedAt: _u, historyHead: _h, nextDueAt: _n, ...rest } = c;
  return rest;
}

/** The steps the generator walked through to reach the complaint's phase (its rev counts them). */
function stepsOf(c: Complaint): string[] {
  if (c.phase === 'notComplaint') return ['registered', 'notComplaint'];
  const answer = c.phase === 'unfounded' ? 'unfounded' : 'answered';
  return ['registered', 'acknowledged', 'investigating', answer, 'closed', 'mediation'].slice(0, c.rev);
}

/** Complaint `index` with `rev` history events, chained and sealed as the register seals them. */
export function withHistory(c: Complaint): { complaint: Complaint; history: HistoryEvent[] } {
  const steps = stepsOf(c);
  const history: HistoryEvent[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= c.rev; seq++) {
    const changes =
      seq === 1
        ? [{ path: '', from: null, to: { ...tracked(c), phase: 'registered' } }]
        : [
            { path: 'phase', from: steps[seq - 2], to: steps[seq - 1] },
            { path: 'clocks.ack.metAt', from: null, to: c.updatedAt },
            { path: 'decision.reasons', from: '', to: c.decision.reasons },
          ];
    const sealed = changes.map((ch) => {
      const salt = hex(16);
      return { path: ch.path, from: ch.from ?? null, to: ch.to ?? null, salt, digest: changeDigestSync(ch, salt) };
    });
    const event = {
      id: crypto.randomUUID(),
      complaintId: c.id,
      seq,
      at: c.updatedAt,
      actor: 'Agent 1',
      type: seq === 1 ? ('created' as const) : ('transition' as const),
      changes: sealed,
      prevHash: prev,
    };
    prev = hashEventSync(event);
    history.push({ ...event, hash: prev });
  }
  return { complaint: { ...c, historyHead: prev }, history };
}

/** Sends through the real background as `send()` does: parsed against the protocol first. */
async function viaBackground<T>(message: RequestInput): Promise<T> {
  const response = (await chrome.runtime.sendMessage(RequestSchema.parse(message))) as
    | { ok: true; data: T }
    | { ok: false; error: { message: string } };
  if (!response.ok) throw new Error(response.error.message);
  return response.data;
}

const background: RestoreWriter = {
  begin: async () => (await viaBackground<{ restoreId: string }>({ type: 'backup/restore-begin' })).restoreId,
  batch: (restoreId, lines) => viaBackground({ type: 'backup/restore-batch', restoreId, entries: [...lines] }),
  finish: (restoreId, meta) => viaBackground({ type: 'backup/restore-finish', restoreId, meta }),
  cancel: async (restoreId) => {
    await viaBackground({ type: 'backup/restore-cancel', restoreId });
  },
};

const deleteRegister = () => defaultConnection.deleteDatabase();

async function storeCounts() {
  const db = await registerDb();
  return { complaints: await db.count('complaints'), history: await db.count('history') };
}

const since = (t: number) => performance.now() - t;
let backup: Blob | null = null;

const bench = {
  reset: deleteRegister,

  /** Fills an empty register with `total` generated complaints and their history, 1,000 per transaction. */
  async seed(total: number, nowIso: string) {
    const now = new Date(nowIso);
    const db = await registerDb();
    const started = performance.now();
    let bytes = 0;
    for (let start = 0; start < total; start += SEED_BATCH) {
      const entries = [];
      for (let i = start; i < Math.min(total, start + SEED_BATCH); i++)
        entries.push(withHistory(generateComplaint(i, now)));
      if (start === 0) bytes = JSON.stringify(entries.slice(0, 100)).length / Math.min(100, entries.length);
      const tx = db.transaction(['complaints', 'rows', 'history'], 'readwrite', { durability: 'relaxed' });
      const writes: Promise<unknown>[] = [];
      for (const e of entries) {
        writes.push(putComplaint(tx, e.complaint));
        for (const h of e.history) writes.push(tx.objectStore('history').put(h));
      }
      await Promise.all([...writes, tx.done]);
    }
    return { ms: since(started), bytesPerComplaint: Math.round(bytes), ...(await storeCounts()) };
  },

  /** The whole register as CSV, as the management page exports it (in its workers, or in the page). */
  async csvExport(nowIso: string, inWorkers = true) {
    const started = performance.now();
    const options = {
      now: new Date(nowIso),
      lang: 'fr' as const,
      categories: DEFAULT_SETTINGS.categories,
      dueSoonHours: 24,
      ...(inWorkers ? { workers: csvWorkers(chrome.runtime.getURL('/csv-worker.js')) } : {}),
    };
    const { blob, count } = await exportCsv(options);
    return { ms: since(started), rows: count, bytes: blob.size };
  },

  /** Naive: every record at once with getAll, each cell JSON.stringify-quoted, one growing string. */
  async baselineCsv(nowIso: string) {
    const started = performance.now();
    const now = new Date(nowIso);
    const all = (await (await registerDb()).getAll('complaints')) as Complaint[];
    const categories = new Map(DEFAULT_SETTINGS.categories.map((c) => [c.id, c.label]));
    const x = { now, say: (k: MessageKey) => t(k, {}, 'fr'), category: (id: string) => categories.get(id) ?? id };
    let text = csvHeader('fr');
    for (const c of all)
      text += `${COLUMNS.map(([, cell]) => JSON.stringify(cell(rowOf(c), x as never))).join(';')}\r\n`;
    const blob = new Blob([text]);
    return { ms: since(started), rows: all.length, bytes: blob.size };
  },

  /** The backup (NDJSON, gzip), kept in the page for the restore that follows. */
  async backupExport(nowIso: string) {
    const started = performance.now();
    const result = await backupBlob(new Date(nowIso));
    backup = result.blob;
    return { ms: since(started), bytes: result.blob.size, ...result.counts };
  },

  /** Deletes the register, then restores the backup as the page does: dry run, then batches to the background. */
  async restore() {
    if (!backup) throw new Error('no backup taken');
    await deleteRegister();
    const started = performance.now();
    const dryRun = await checkBackup(backup);
    const checkMs = since(started);
    const report = await restoreBackup(backup, dryRun, background, { withSettings: true });
    return {
      ms: since(started),
      checkMs,
      writeMs: since(started) - checkMs,
      added: report.added,
      refused: report.refused,
      ...(await storeCounts()),
    };
  },

  /** Naive: the file read and parsed whole, each chain verified with WebCrypto, one record per transaction. */
  async baselineRestore() {
    if (!backup) throw new Error('no backup taken');
    await deleteRegister();
    const started = performance.now();
    const gunzip = new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>;
    const text = await new Response(backup.stream().pipeThrough(gunzip)).text();
    const file = {
      complaints: text
        .split('\n')
        .filter((line) => line.startsWith('{"complaint":'))
        .map((line) => BackupEntrySchema.parse(JSON.parse(line))),
    };
    const db = await registerDb();
    for (const { complaint, history } of file.complaints) {
      if (!(await verifyChain(history, complaint.historyHead)).ok)
        throw new Error(`broken chain ${complaint.reference}`);
      const tx = db.transaction(['complaints', 'rows'], 'readwrite');
      await Promise.all([putComplaint(tx, complaint), tx.done]);
      for (const event of history) await db.put('history', event);
    }
    return { ms: since(started), added: file.complaints.length, refused: 0, ...(await storeCounts()) };
  },
};
export type DataBench = typeof bench;

(globalThis as unknown as { __dataBench: DataBench }).__dataBench = bench;
