// A stored file's bytes as text lines, read a few megabytes at a time (gunzipped through the browser's
// DecompressionStream when the file starts with gzip's magic bytes), so that no reader holds a whole backup.
// Every refusal is a BackupFileError with a French message.
import { UserError } from '../i18n';

const CHUNK_BYTES = 4 << 20;

/** A backup file that cannot be restored; nothing has been written when it is thrown. */
export class BackupFileError extends UserError {
  override name = 'BackupFileError';
}

/** Told of every stretch of the file read, in bytes of the file as stored (compressed or not). */
export type OnBytes = (read: number, size: number) => void;

const GZIP_MAGIC = [0x1f, 0x8b];

export async function isGzip(blob: Blob): Promise<boolean> {
  const first = new Uint8Array(await blob.slice(0, 2).arrayBuffer());
  return first[0] === GZIP_MAGIC[0] && first[1] === GZIP_MAGIC[1];
}

/** The file's bytes, a few megabytes at a time, reporting how far into the file (as stored) it has read. */
export async function* fileBytes(blob: Blob, onBytes?: OnBytes): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < blob.size; offset += CHUNK_BYTES) {
    yield new Uint8Array(await blob.slice(offset, offset + CHUNK_BYTES).arrayBuffer());
    onBytes?.(Math.min(offset + CHUNK_BYTES, blob.size), blob.size);
  }
}

/** Gunzips `blob` through the browser's DecompressionStream; a damaged or cut stream is a French error. */
export async function* gunzipped(blob: Blob, onBytes?: OnBytes): AsyncGenerator<Uint8Array> {
  const source = fileBytes(blob, onBytes);
  const input = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await source.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
  });
  const reader = input
    .pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>)
    .getReader();
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch (error) {
      // Chromium says "truncated", Node "unexpected end of file": a cut file; anything else is damage.
      const cut = /trunc|unexpected end|end of (file|stream)/i.test(String((error as Error)?.message));
      throw new BackupFileError(cut ? 'data.restore.error.gzipTruncated' : 'data.restore.error.gzipDamaged');
    }
    if (next.done) return;
    yield next.value;
  }
}

export async function* lines(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let rest = '';
  for await (const chunk of bytes) {
    try {
      rest += decoder.decode(chunk, { stream: true });
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
