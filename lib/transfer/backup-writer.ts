// Writes a backup as a stream (format 2, see backup-schema.ts): NDJSON through the browser's
// CompressionStream into any WritableStream — a file chosen with the File System Access API, or the parts of
// a Blob (`blobSink`). The register is cut into runs of complaints (register-dump.ts `batchRuns`); each run
// becomes lines and bytes in a `PartMaker` (backup-parts.ts: two dedicated workers in the management page,
// the page itself where none can start) and the page compresses them in file order, so the file is the same
// whoever made them. Only a run or a few are held at a time, whatever the size of the register.
import { getLang } from '../i18n';
import { batchRuns, countRegister, readMeta, readQuarantine } from '../register/store/register-dump';
import { asideLines, type BackupPart, inThisThread, line, type PartMaker } from './backup-parts';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupCounts, type BackupHeadV2 } from './backup-schema';

/** Complaints read per transaction (register-dump.ts): 500 and 1,000 measured the same, 500 holds half. */
export const BACKUP_BATCH = 500;
/** Compressed bytes gathered before they become one Blob part (the browser may keep parts on disk). */
const PART_BYTES = 4 << 20;

type Quarantined = { key: string; store: 'complaints' | 'history' | 'meta'; raw: unknown; issues: string; at: string };

/**
 * The whole register as a backup, written to `sink` as it is read; the sink is closed at the end (aborted
 * on failure). `onProgress` counts complaints against the count read when the backup began. `parts` makes
 * the runs' bytes (closed at the end); `batchSize` is for tests.
 */
export async function writeBackup(
  now: Date,
  sink: WritableStream<Uint8Array>,
  onProgress?: (done: number, total: number) => void,
  parts: PartMaker = inThisThread,
  batchSize = BACKUP_BATCH,
): Promise<BackupCounts> {
  const gzip = new CompressionStream('gzip');
  const piping = gzip.readable.pipeTo(sink);
  piping.catch(() => undefined); // awaited below; a failure also fails the writes
  const writer = gzip.writable.getWriter();
  const encoder = new TextEncoder();
  // Bytes made in a worker come over in their own ArrayBuffer (transferred), never a shared one.
  const write = async (bytes: Uint8Array) => {
    await writer.ready;
    await writer.write(bytes as Uint8Array<ArrayBuffer>);
  };
  const put = (text: string) => write(encoder.encode(text));
  const asked: Promise<BackupPart>[] = [];
  try {
    const [meta, stored, total, runs] = await Promise.all([
      readMeta(now),
      readQuarantine(),
      countRegister(),
      batchRuns(batchSize),
    ]);
    const asideFirst: Quarantined[] = [...meta.quarantine, ...stored];
    const head: BackupHeadV2 = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: now.toISOString(),
      counts: { ...total, quarantine: asideFirst.length },
      settings: meta.settings,
      templateOverrides: meta.templateOverrides,
      referenceCounters: meta.referenceCounters,
    };
    await put(line(head));
    const counts: BackupCounts = { complaints: 0, historyEvents: 0, quarantine: asideFirst.length };
    if (asideFirst.length) await put(asideLines(asideFirst));
    const request = { at: now.toISOString(), lang: getLang() };
    let next = 0;
    const askAhead = () => {
      while (next < runs.length && asked.length < parts.ahead) {
        const part = parts.make({ ...request, index: next, run: runs[next] ?? {} });
        part.catch(() => undefined); // awaited in turn; marked handled so a failure is not reported twice
        asked.push(part);
        next++;
      }
    };
    askAhead();
    for (let part = asked.shift(); part; part = asked.shift()) {
      const made = await part;
      askAhead();
      if (made.bytes.byteLength) await write(made.bytes);
      counts.complaints += made.complaints;
      counts.historyEvents += made.historyEvents;
      counts.quarantine += made.quarantine;
      onProgress?.(counts.complaints, Math.max(total.complaints, counts.complaints));
    }
    await put(line({ end: counts }));
    await writer.close();
    await piping;
    return counts;
  } catch (error) {
    await writer.abort(error).catch(() => undefined);
    throw error;
  } finally {
    parts.close();
    await Promise.allSettled(asked);
  }
}

/** A sink that gathers the compressed bytes into Blob parts: the download when no file can be opened. */
export function blobSink(type = 'application/gzip'): { stream: WritableStream<Uint8Array>; blob(): Blob } {
  const parts: Blob[] = [];
  let pending: Uint8Array[] = [];
  let bytes = 0;
  const flush = () => {
    if (pending.length) parts.push(new Blob(pending as BlobPart[]));
    pending = [];
    bytes = 0;
  };
  const stream = new WritableStream<Uint8Array>({
    write(chunk) {
      pending.push(chunk);
      bytes += chunk.byteLength;
      if (bytes >= PART_BYTES) flush();
    },
    close: flush,
  });
  return { stream, blob: () => new Blob(parts, { type }) };
}

/** The backup as a Blob built part by part (tests, the bench, and the download fallback). */
export async function backupBlob(
  now: Date,
  onProgress?: (done: number, total: number) => void,
  parts?: PartMaker,
  batchSize?: number,
): Promise<{ blob: Blob; counts: BackupCounts }> {
  const sink = blobSink();
  const counts = await writeBackup(now, sink.stream, onProgress, parts, batchSize);
  return { blob: sink.blob(), counts };
}
