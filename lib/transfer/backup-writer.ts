// Writes a backup as a stream (format 2, see backup-schema.ts): NDJSON through the browser's
// CompressionStream into any WritableStream — a file chosen with the File System Access API, or the parts of
// a Blob (`blobSink`). Only one batch of complaints is held at a time, whatever the size of the register.
import { countRegister, readBackupBatches, readMeta, readQuarantine } from '../register/store/register-dump';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupCounts, type BackupEntry, type BackupHeadV2 } from './backup-schema';

/** Complaints read per transaction (register-dump.ts): 500 and 1,000 measured the same, 500 holds half. */
export const BACKUP_BATCH = 500;
/** Compressed bytes gathered before they become one Blob part (the browser may keep parts on disk). */
const PART_BYTES = 4 << 20;

type Quarantined = { key: string; store: 'complaints' | 'history' | 'meta'; raw: unknown; issues: string; at: string };

const line = (value: unknown) => `${JSON.stringify(value)}\n`;

/**
 * The whole register as a backup, written to `sink` as it is read; the sink is closed at the end (aborted
 * on failure). `onProgress` counts complaints against the count read when the backup began.
 */
export async function writeBackup(
  now: Date,
  sink: WritableStream<Uint8Array>,
  onProgress?: (done: number, total: number) => void,
): Promise<BackupCounts> {
  const gzip = new CompressionStream('gzip');
  const piping = gzip.readable.pipeTo(sink);
  piping.catch(() => undefined); // awaited below; a failure also fails the writes
  const writer = gzip.writable.getWriter();
  const encoder = new TextEncoder();
  const put = async (text: string) => {
    await writer.ready;
    await writer.write(encoder.encode(text));
  };
  try {
    const [meta, stored, total] = await Promise.all([readMeta(now), readQuarantine(), countRegister()]);
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
    const counts: BackupCounts = { complaints: 0, historyEvents: 0, quarantine: 0 };
    const aside = (records: readonly Quarantined[]) => {
      counts.quarantine += records.length;
      return records.map((q) => line({ quarantined: q })).join('');
    };
    if (asideFirst.length) await put(aside(asideFirst));
    await readBackupBatches(
      async (entries: BackupEntry[], invalid) => {
        let text = '';
        for (const e of entries) {
          text += line(e);
          counts.historyEvents += e.history.length;
        }
        counts.complaints += entries.length;
        text += aside(invalid);
        if (text) await put(text);
        onProgress?.(counts.complaints, Math.max(total.complaints, counts.complaints));
      },
      now,
      BACKUP_BATCH,
    );
    await put(line({ end: counts }));
    await writer.close();
    await piping;
    return counts;
  } catch (error) {
    await writer.abort(error).catch(() => undefined);
    throw error;
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
): Promise<{ blob: Blob; counts: BackupCounts }> {
  const sink = blobSink();
  const counts = await writeBackup(now, sink.stream, onProgress);
  return { blob: sink.blob(), counts };
}
