// Reads a backup file without loading it whole: the bytes are decoded as they come (gunzipped first when
// the file starts with gzip's magic bytes) and handed out line by line, one complaint per line in both
// formats (see backup-schema.ts). A format-1 file that another tool re-formatted is still read, whole, if it
// is not too large. Every refusal is a BackupFileError with a French message.
import { describeIssues } from '../register/store/queries';
import { entryText, parseHeadLine } from './backup-file';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupCounts,
  type BackupHead,
  BackupHeadSchema,
  BackupHeadV2Schema,
  EndLineSchema,
  FILE_CLOSE,
  LEGACY_VERSION,
  QuarantineLineSchema,
} from './backup-schema';
import { BackupFileError, fileBytes, gunzipped, isGzip, lines } from './file-lines';

export { BackupFileError };

/** A file not laid out one complaint per line is parsed whole: only up to this size. */
export const WHOLE_FILE_LIMIT = 200 << 20;

/** The head of either format, as the restore uses it: format 2's quarantine is gathered from its lines. */
export type FileHead = Omit<BackupHead, 'version'> & { version: typeof LEGACY_VERSION | typeof BACKUP_VERSION };

export interface RawEntry {
  /** Position of the complaint in the file, from 1. */
  n: number;
  /** The complaint as parsed JSON (undefined when the caller asked for text only). */
  raw: unknown;
  /** The complaint's JSON text (empty when the caller asked for parsed JSON). */
  text: string;
}

export interface ReadOptions {
  batchSize: number;
  /** false: hand out each complaint's text without parsing it (a file already checked). */
  parse?: boolean;
  /** Told of every stretch of the file read, in bytes of the file as stored (compressed or not). */
  onBytes?: (read: number, size: number) => void;
}

/** Format tag and version first, so that a foreign or newer file gets the message that explains it. */
function checkTag(value: unknown): number {
  const head = (typeof value === 'object' && value !== null ? value : {}) as { format?: unknown; version?: unknown };
  if (head.format !== BACKUP_FORMAT) throw new BackupFileError('data.restore.error.foreign');
  if (typeof head.version === 'number' && head.version > BACKUP_VERSION) {
    throw new BackupFileError('data.restore.error.future', { version: head.version, supported: BACKUP_VERSION });
  }
  return typeof head.version === 'number' ? head.version : 0;
}

/** A format-1 head (the whole document's sections but the complaints). */
export function parseHead(value: unknown): BackupHead {
  checkTag(value);
  const parsed = BackupHeadSchema.safeParse(value);
  if (!parsed.success) throw new BackupFileError('data.restore.error.head', { issues: describeIssues(parsed.error) });
  return parsed.data;
}

function parseHeadV2(value: unknown): FileHead {
  checkTag(value);
  const parsed = BackupHeadV2Schema.safeParse(value);
  if (!parsed.success) throw new BackupFileError('data.restore.error.head', { issues: describeIssues(parsed.error) });
  return { ...parsed.data, quarantine: [] };
}

function parseJson(text: string, line: number, last: boolean): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw last
      ? new BackupFileError('data.restore.error.truncated')
      : new BackupFileError('data.restore.error.notJson', { line });
  }
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Reads `blob` as a backup of either format: `onHead` gets the head, then `onBatch` the complaints
 * `batchSize` at a time, raw (the caller parses them). Returns the head with the counts the file ends on and
 * every record set aside. Throws a BackupFileError on anything that is not a whole backup.
 */
export async function readBackupFile(
  blob: Blob,
  onHead: (head: FileHead) => void,
  onBatch: (batch: RawEntry[]) => Promise<void>,
  options: ReadOptions,
): Promise<FileHead> {
  if (blob.size === 0) throw new BackupFileError('data.restore.error.empty');
  const gzip = await isGzip(blob);
  if (!gzip && /\.(gz|gzip)$/i.test((blob as Partial<File>).name ?? '')) {
    throw new BackupFileError('data.restore.error.notGzip');
  }
  const it = lines(gzip ? gunzipped(blob, options.onBytes) : fileBytes(blob, options.onBytes));
  const first = await it.next();
  if (first.done || first.value.trim() === '') throw new BackupFileError('data.restore.error.notJson', { line: 1 });
  let headValue: unknown;
  try {
    headValue = parseHeadLine(first.value);
  } catch {
    headValue = null;
  }
  if (headValue !== null) return readLegacyLines(it, parseHead(headValue), onHead, onBatch, options);
  const whole = tryJson(first.value);
  if (typeof whole === 'object' && whole !== null && !Array.isArray(whole) && checkTag(whole) !== LEGACY_VERSION) {
    return readNdjson(it, parseHeadV2(whole), onHead, onBatch, options);
  }
  if (gzip) throw new BackupFileError('data.restore.error.gzipNotBackup');
  return readWhole(blob, onHead, onBatch, options);
}

/** Format 2: complaint lines, quarantine lines, then the end line with the counts written. */
async function readNdjson(
  it: AsyncGenerator<string>,
  head: FileHead,
  onHead: (head: FileHead) => void,
  onBatch: (batch: RawEntry[]) => Promise<void>,
  { batchSize, parse = true }: ReadOptions,
): Promise<FileHead> {
  onHead(head);
  let batch: RawEntry[] = [];
  let n = 0;
  let line = 1;
  let end: BackupCounts | null = null;
  const quarantine: FileHead['quarantine'] = [];
  for await (const text of it) {
    line++;
    const trimmed = text.trim();
    if (trimmed === '') continue;
    if (end) throw new BackupFileError('data.restore.error.notJson', { line });
    if (trimmed.startsWith('{"complaint":')) {
      n++;
      batch.push(parse ? { n, raw: parseJson(trimmed, line, false), text: '' } : { n, raw: undefined, text: trimmed });
      if (batch.length === batchSize) {
        await onBatch(batch);
        batch = [];
      }
      continue;
    }
    const value = parseJson(trimmed, line, false);
    const q = QuarantineLineSchema.safeParse(value);
    if (q.success) {
      quarantine.push(q.data.quarantined);
      continue;
    }
    const e = EndLineSchema.safeParse(value);
    if (!e.success) throw new BackupFileError('data.restore.error.notJson', { line });
    end = e.data.end;
  }
  if (!end) throw new BackupFileError('data.restore.error.truncated');
  if (batch.length) await onBatch(batch);
  return { ...head, counts: end, quarantine };
}

/** Format 1, one complaint per line between the head line and `]}`. */
async function readLegacyLines(
  it: AsyncGenerator<string>,
  head: BackupHead,
  onHead: (head: FileHead) => void,
  onBatch: (batch: RawEntry[]) => Promise<void>,
  { batchSize, parse = true }: ReadOptions,
): Promise<FileHead> {
  onHead(head);
  let batch: RawEntry[] = [];
  let n = 0;
  let line = 1;
  let closed = false;
  let pending = await it.next();
  while (!pending.done) {
    const text = pending.value;
    line++;
    pending = await it.next();
    if (closed) {
      if (text.trim() !== '') throw new BackupFileError('data.restore.error.notJson', { line });
      continue;
    }
    const entry = entryText(text);
    if (entry === FILE_CLOSE) {
      closed = true;
      continue;
    }
    if (entry === '') continue;
    n++;
    batch.push(
      parse ? { n, raw: parseJson(entry, line, pending.done === true), text: '' } : { n, raw: undefined, text: entry },
    );
    if (batch.length === batchSize) {
      await onBatch(batch);
      batch = [];
    }
  }
  if (!closed) throw new BackupFileError('data.restore.error.truncated');
  if (batch.length) await onBatch(batch);
  return head;
}

/** A format-1 backup re-formatted by another tool: parsed whole, then handed out the same way. */
async function readWhole(
  blob: Blob,
  onHead: (head: FileHead) => void,
  onBatch: (batch: RawEntry[]) => Promise<void>,
  { batchSize, parse = true }: ReadOptions,
): Promise<FileHead> {
  if (blob.size > WHOLE_FILE_LIMIT) throw new BackupFileError('data.restore.error.layout');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await blob.arrayBuffer());
  } catch {
    throw new BackupFileError('data.restore.error.encoding');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // A valid head line followed by nothing is a cut file, not a foreign one.
    throw new BackupFileError(
      text.trimStart().startsWith(`{"format":"${BACKUP_FORMAT}"`)
        ? 'data.restore.error.truncated'
        : 'data.restore.error.notJsonAtAll',
    );
  }
  const head = parseHead(value);
  const complaints = (value as { complaints?: unknown }).complaints;
  if (!Array.isArray(complaints)) throw new BackupFileError('data.restore.error.head', { issues: 'complaints' });
  onHead(head);
  for (let start = 0; start < complaints.length; start += batchSize) {
    const slice = complaints.slice(start, start + batchSize);
    await onBatch(slice.map((raw, i) => ({ n: start + i + 1, raw, text: parse ? '' : JSON.stringify(raw) })));
  }
  return head;
}
