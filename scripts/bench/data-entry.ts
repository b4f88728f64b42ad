// Bundled by the data and restore suites and evaluated in the management page (manage.html): the product's
// own backup and restore (lib/transfer: writeBackup into the download's Blob parts, checkBackup, then
// restoreBackup through the page's real writer, the background) against the extension origin's IndexedDB.
// Generated complaints (register-data.ts) get a history as the register seals it: a `created` event holding
// the first version as one change (as createRecord does), then one `transition` event per step.
import { partWorkers } from '@/lib/extension/pages/backup-workers';
import { csvWorkers } from '@/lib/extension/pages/csv-workers';
import { downloadBlob } from '@/lib/extension/pages/download';
import { backgroundChecker, backgroundWriter } from '@/lib/extension/pages/restore';
import { type MessageKey, t } from '@/lib/i18n';
import { GENESIS_HASH, type HistoryEvent } from '@/lib/register/history';
import { rowOf } from '@/lib/register/rows';
import type { Complaint } from '@/lib/register/schema';
import { sha256HexSync } from '@/lib/register/sha256';
import { COMPLAINT_STORES, defaultConnection, putComplaint, registerDb } from '@/lib/register/store/db';
import { recordOf } from '@/lib/register/store/history-record';
import { countRegister, readBackupBatches, readMeta, readQuarantine } from '@/lib/register/store/register-dump';
import { DEFAULT_SETTINGS } from '@/lib/settings/schema';
import { closing, entryLines, headLine } from '@/lib/transfer/backup-file';
import { BACKUP_FORMAT, type BackupCounts, type BackupHead, LEGACY_VERSION } from '@/lib/transfer/backup-schema';
import { blobSink, writeBackup } from '@/lib/transfer/backup-writer';
import { changeDigestSync, hashEventSync } from '@/lib/transfer/chain';
import { COLUMNS, csvHeader } from '@/lib/transfer/csv';
import { exportCsv } from '@/lib/transfer/export';
import { checkBackup, restoreBackup } from '@/lib/transfer/restore';
import { generateComplaint } from './register-data';
import { type FloorVariant, restoreFloor } from './restore-floor-page';

/** Complaints written per transaction when seeding. */
const SEED_BATCH = 1_000;
/**
 * Distinct generated complaints: complaint `i` is a copy of complaint `i % SEED_POOL` under its own id and
 * reference, with its own sealed history. Generating one (its deadlines, its steps, zod without eval in an
 * extension page) costs several times sealing it, and 2,000 timelines over two years are spread enough for
 * sizes and timings.
 */
const SEED_POOL = 2_000;
/** Complaints per Blob part of the single-JSON backup, as the format-1 export wrote them. */
const LEGACY_BATCH = 500;
/** The `<input type=file>` the suite fills with a backup file from disk (Playwright's setInputFiles). */
export const FILE_INPUT_ID = 'bench-backup-file';

/** The backup file the suite put in the file input (`fileInput`). */
function chosenFile(): File {
  const file = (document.getElementById(FILE_INPUT_ID) as HTMLInputElement | null)?.files?.[0];
  if (!file) throw new Error('no backup file chosen');
  return file;
}

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

/** The complaint with `rev` history events, sealed as history.ts `sealEvent` seals them (format 2), synchronously. */
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
    const atSalt = hex(16);
    const event = {
      id: crypto.randomUUID(),
      complaintId: c.id,
      seq,
      at: c.updatedAt,
      atSalt,
      atDigest: sha256HexSync(`${atSalt}:${c.updatedAt}`),
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

const since = (start: number) => performance.now() - start;

const pool = new Map<number, Complaint>();
/** Complaint `i` of the seeded register (see SEED_POOL). */
function seededComplaint(i: number, now: Date): Complaint {
  const k = i % SEED_POOL;
  let base = pool.get(k);
  if (!base) {
    base = generateComplaint(k, now);
    pool.set(k, base);
  }
  if (i === k) return base;
  const year = base.reference.slice(4, 8);
  return { ...base, id: crypto.randomUUID(), reference: `REC-${year}-${String(i + 1).padStart(6, '0')}` };
}
const files: { ours?: Blob; singleJson?: Blob } = {};
type Kept = keyof typeof files;

/** The format-1 backup (one JSON document, uncompressed, one complaint per line) as earlier versions wrote it. */
async function singleJsonBackup(now: Date): Promise<{ blob: Blob; counts: BackupCounts }> {
  const parts: Blob[] = [];
  const counts: BackupCounts = { complaints: 0, historyEvents: 0, quarantine: 0 };
  const quarantine: BackupHead['quarantine'] = [];
  await readBackupBatches(
    (entries, invalid) => {
      parts.push(new Blob([entryLines(entries, counts.complaints === 0)]));
      counts.complaints += entries.length;
      for (const e of entries) counts.historyEvents += e.history.length;
      quarantine.push(...invalid);
    },
    now,
    LEGACY_BATCH,
  );
  const meta = await readMeta(now);
  quarantine.push(...meta.quarantine, ...(await readQuarantine()));
  counts.quarantine = quarantine.length;
  const head: BackupHead = {
    format: BACKUP_FORMAT,
    version: LEGACY_VERSION,
    exportedAt: now.toISOString(),
    counts,
    settings: meta.settings,
    templateOverrides: meta.templateOverrides,
    referenceCounters: meta.referenceCounters,
    quarantine,
  };
  const blob = new Blob([headLine(head), ...parts, closing(counts.complaints === 0)], { type: 'application/json' });
  return { blob, counts };
}

const bench = {
  reset: () => defaultConnection.deleteDatabase(),

  /**
   * Writes generated complaints `from`…`to - 1` with their history, SEED_BATCH per transaction, through the
   * store's own writers (`putComplaint` keeps the rows and the dashboard's aggregates; `recordOf` is the
   * history's layout at rest), so that the seeded register is one the product could have written.
   */
  async seed(from: number, to: number, nowIso: string) {
    const now = new Date(nowIso);
    if (from === 0) pool.clear();
    const db = await registerDb();
    const started = performance.now();
    let bytes = 0;
    let generateMs = 0;
    for (let start = from; start < to; start += SEED_BATCH) {
      const generating = performance.now();
      const entries = [];
      for (let i = start; i < Math.min(to, start + SEED_BATCH); i++) entries.push(withHistory(seededComplaint(i, now)));
      generateMs += since(generating);
      if (start === from) bytes = JSON.stringify(entries.slice(0, 100)).length / Math.min(100, entries.length);
      const tx = db.transaction([...COMPLAINT_STORES, 'histories'], 'readwrite', { durability: 'relaxed' });
      const histories = tx.objectStore('histories');
      const writes: Promise<unknown>[] = [];
      for (const e of entries) {
        writes.push(putComplaint(tx, e.complaint), histories.put(recordOf(e.complaint.id, e.history)));
      }
      await Promise.all([...writes, tx.done]);
    }
    return { ms: since(started), generateMs, bytesPerComplaint: Math.round(bytes) };
  },

  /** Complaints and history events, as the backup's head counts them. */
  counts: () => countRegister(),

  /**
   * The backup as the management page writes it when no file can be opened: gzip NDJSON into Blob parts, its
   * runs made in the page (`'page'`), or in `workers` dedicated workers (the product starts two).
   */
  async backup(nowIso: string, workers: number | 'page' = 'page') {
    const started = performance.now();
    const sink = blobSink();
    const parts = workers === 'page' ? undefined : partWorkers(chrome.runtime.getURL('/backup-worker.js'), workers);
    const counts = await writeBackup(new Date(nowIso), sink.stream, undefined, parts);
    files.ours = sink.blob();
    return { ms: since(started), bytes: files.ours.size, ...counts };
  },

  /** The baseline: the single JSON document (format 1) the backup was before, still restored. */
  async backupSingleJson(nowIso: string) {
    const started = performance.now();
    const { blob, counts } = await singleJsonBackup(new Date(nowIso));
    files.singleJson = blob;
    return { ms: since(started), bytes: blob.size, ...counts };
  },

  /** Hands a kept backup to the browser's downloads, as the page does (the suite saves it to disk). */
  download(which: Kept, fileName: string) {
    const blob = files[which];
    if (!blob) throw new Error(`no ${which} backup kept`);
    downloadBlob(blob, fileName);
  },
  forget(which: Kept) {
    delete files[which];
  },

  /** Adds the file input the suite fills with a backup from disk (a File, as the agent picks it). */
  fileInput() {
    if (document.getElementById(FILE_INPUT_ID)) return;
    const input = document.createElement('input');
    input.type = 'file';
    input.id = FILE_INPUT_ID;
    input.hidden = true;
    document.body.append(input);
  },

  /** Empties the register, then restores the chosen file as the page does: dry run, then the background writes. */
  async restore() {
    const file = chosenFile();
    await defaultConnection.deleteDatabase();
    const started = performance.now();
    const dryRun = await checkBackup(file, { checker: backgroundChecker });
    const checkMs = since(started);
    const report = await restoreBackup(file, dryRun, backgroundWriter, { withSettings: true });
    const ms = since(started);
    return {
      ms,
      checkMs,
      writeMs: ms - checkMs,
      fileBytes: file.size,
      added: report.added,
      refused: report.refused,
      ...(await countRegister()),
    };
  },

  /** The floor under the restore's write pass, from the chosen file (restore-floor-page.ts). */
  restoreFloor: (variant: FloorVariant) => restoreFloor(chosenFile(), variant),

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
};
export type DataBench = typeof bench;

(globalThis as unknown as { __dataBench: DataBench }).__dataBench = bench;
