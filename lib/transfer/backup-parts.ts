// The backup's batches as the bytes gzip takes in: each run of complaints (register-dump.ts `batchRuns`) read
// in one transaction, checked, written as NDJSON lines and UTF-8 encoded; the writer (backup-writer.ts)
// compresses them in file order, so the file is the same whoever made them. The management page has them made
// by two dedicated workers (entrypoints/backup-worker.ts, lib/extension/pages/backup-workers.ts), and makes
// them itself (`inThisThread`) where no worker can start. gzip stays in the page, one stream: neither
// Chromium's nor Firefox's DecompressionStream reads a file of several gzip members, so workers cannot each
// compress their own runs. Messages both ways are parsed with zod.
import { z } from 'zod';
import { LangSchema, setLang } from '../i18n';
import { checkStoredBatch, readStoredRun } from '../register/store/register-dump';
import type { BackupHead } from './backup-schema';

type Quarantined = BackupHead['quarantine'][number];

export const PartRequestSchema = z.object({
  index: z.number().int().min(0),
  run: z.object({ after: z.string().optional(), last: z.string().optional() }),
  /** The backup's time (ISO): the quarantine entries' `at`. */
  at: z.iso.datetime(),
  lang: LangSchema,
});
export type PartRequest = z.infer<typeof PartRequestSchema>;

export const BackupPartSchema = z.object({
  index: z.number().int().min(0),
  bytes: z.instanceof(Uint8Array),
  complaints: z.number().int().min(0),
  historyEvents: z.number().int().min(0),
  quarantine: z.number().int().min(0),
});
export type BackupPart = z.infer<typeof BackupPartSchema>;

export const BackupWorkerMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('part'), part: BackupPartSchema }),
  z.object({ kind: z.literal('failed'), message: z.string() }),
]);
export type BackupWorkerMessage = z.infer<typeof BackupWorkerMessageSchema>;

export const line = (value: unknown) => `${JSON.stringify(value)}\n`;
export const asideLines = (records: readonly Quarantined[]) => records.map((q) => line({ quarantined: q })).join('');

const encoder = new TextEncoder();

/**
 * Texts as one UTF-8 buffer. Each text is encoded on its own, then copied: a line is a flat string, whereas
 * encoding the run's lines joined into one string first flattened it (two-byte as soon as one line holds a
 * character such as ’) and measured about twice as slow in Chromium (500-line runs of backup lines).
 */
export function utf8Of(texts: readonly string[]): Uint8Array<ArrayBuffer> {
  const encoded = texts.map((text) => encoder.encode(text));
  const out = new Uint8Array(encoded.reduce((sum, bytes) => sum + bytes.byteLength, 0));
  let offset = 0;
  for (const bytes of encoded) {
    out.set(bytes, offset);
    offset += bytes.byteLength;
  }
  return out;
}

/** One run of the register as backup lines: its complaints with their history, then what it sets aside. */
export async function backupPart({ index, run, at }: PartRequest): Promise<BackupPart> {
  const { entries, invalid } = checkStoredBatch(await readStoredRun(run), at);
  const lines: string[] = [];
  let historyEvents = 0;
  for (const e of entries) {
    lines.push(line(e));
    historyEvents += e.history.length;
  }
  if (invalid.length) lines.push(asideLines(invalid));
  return {
    index,
    bytes: utf8Of(lines),
    complaints: entries.length,
    historyEvents,
    quarantine: invalid.length,
  };
}

/** Where parts are made: dedicated workers (lib/extension/pages/backup-workers.ts), or this thread. */
export interface PartMaker {
  /** Parts asked for before the first is written: enough to keep every worker busy, few enough to stay flat. */
  ahead: number;
  make(request: PartRequest): Promise<BackupPart>;
  /** Ends the workers (the backup is done, or failed). */
  close(): void;
}

/** The page makes each run itself, one after the other (where no worker can start; reading ahead measured no faster). */
export const inThisThread: PartMaker = { ahead: 1, make: backupPart, close: () => {} };

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  postMessage(message: BackupWorkerMessage, transfer?: Transferable[]): void;
}

/** The worker's side: parts made one after the other, in the order asked; a failure is said, in French. */
export function serveBackupParts(scope: WorkerScope): void {
  let queue = Promise.resolve();
  scope.addEventListener('message', (event) => {
    const request = PartRequestSchema.safeParse(event.data);
    if (!request.success) {
      scope.postMessage({ kind: 'failed', message: request.error.message });
      return;
    }
    queue = queue
      .then(async () => {
        setLang(request.data.lang);
        const part = await backupPart(request.data);
        scope.postMessage({ kind: 'part', part }, [part.bytes.buffer]);
      })
      .catch((error: unknown) =>
        scope.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
      );
  });
}
