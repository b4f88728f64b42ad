// Reads a backup file without loading it whole: the Blob is decoded a few megabytes at a time and handed
// out line by line (one complaint per line, see backup-schema.ts). A file that another tool re-formatted
// is still read, whole, if it is not too large. Every refusal is a BackupFileError with a French message.
import { UserError } from '../i18n';
import { describeIssues } from '../register/store/queries';
import { entryText, parseHeadLine } from './backup-file';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupHead, BackupHeadSchema, FILE_CLOSE } from './backup-schema';

const CHUNK_BYTES = 4 << 20;
/** A file not laid out one complaint per line is parsed whole: only up to this size. */
export const WHOLE_FILE_LIMIT = 200 << 20;

/** A backup file that cannot be restored; nothing has been written when it is thrown. */
export class BackupFileError extends UserError {
  override name = 'BackupFileError';
}

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
}

async function* lines(blob: Blob): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let rest = '';
  for (let offset = 0; offset < blob.size; offset += CHUNK_BYTES) {
    const bytes = await blob.slice(offset, offset + CHUNK_BYTES).arrayBuffer();
    try {
      rest += decoder.decode(new Uint8Array(bytes), { stream: true });
    } catch {
      throw new BackupFileError('data.restore.error.encoding');
    }
    let start = 0;
    for (let nl = rest.indexOf('\n'); nl !== -1; nl = rest.indexOf('\n', start)) {
      yield rest.slice(start, nl);
      start = nl + 1;
    }
    rest = rest.slice(start);
  }
  if (rest) yield rest;
}

/** Format tag and version first, so that a foreign or newer file gets the message that explains it. */
export function parseHead(value: unknown): BackupHead {
  const head = (typeof value === 'object' && value !== null ? value : {}) as { format?: unknown; version?: unknown };
  if (head.format !== BACKUP_FORMAT) throw new BackupFileError('data.restore.error.foreign');
  if (typeof head.version === 'number' && head.version > BACKUP_VERSION) {
    throw new BackupFileError('data.restore.error.future', { version: head.version, supported: BACKUP_VERSION });
  }
  const parsed = BackupHeadSchema.safeParse(value);
  if (!parsed.success) throw new BackupFileError('data.restore.error.head', { issues: describeIssues(parsed.error) });
  return parsed.data;
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

/**
 * Reads `blob` as a backup: `onHead` gets the parsed head, then `onBatch` the complaints `batchSize` at a
 * time, raw (the caller parses them). Throws a BackupFileError on anything that is not a whole backup.
 */
export async function readBackupFile(
  blob: Blob,
  onHead: (head: BackupHead) => void,
  onBatch: (batch: RawEntry[]) => Promise<void>,
  options: ReadOptions,
): Promise<BackupHead> {
  const { batchSize, parse = true } = options;
  if (blob.size === 0) throw new BackupFileError('data.restore.error.empty');
  const it = lines(blob);
  const first = await it.next();
  if (first.done || first.value.trim() === '') throw new BackupFileError('data.restore.error.notJson', { line: 1 });
  let headValue: unknown;
  try {
    headValue = parseHeadLine(first.value);
  } catch {
    headValue = null;
  }
  if (headValue === null) return readWhole(blob, onHead, onBatch, options);
  const head = parseHead(headValue);
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

/** A backup re-formatted by another tool: parsed whole, then handed out the same way. */
async function readWhole(
  blob: Blob,
  onHead: (head: BackupHead) => void,
  onBatch: (batch: RawEntry[]) => Promise<void>,
  { batchSize, parse = true }: ReadOptions,
): Promise<BackupHead> {
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
