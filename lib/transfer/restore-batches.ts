// What the restore's two passes share (dry-run.ts, restore.ts): reading the file batch by batch, stopping
// when the agent cancels, and handing each batch's complaint lines to the background with a few on their way.
import { UserError } from '../i18n';
import { type FileHead, readBackupFile } from './backup-reader';
import { RESTORE_BATCH } from './backup-schema';

export type Progress = (done: number, total: number) => void;

/** The agent stopped the check or the restore; a restore stopped this way has been rolled back. */
export class RestoreCancelled extends UserError {
  override name = 'RestoreCancelled';
  constructor() {
    super('data.restore.cancelled');
  }
}

export const stopIf = (signal?: AbortSignal) => {
  if (signal?.aborted) throw new RestoreCancelled();
};

/** Batches sent before the first answer: the page reads the next while the background works. */
const IN_FLIGHT = 2;

/**
 * Reads `file` and sends its complaint lines (JSON text) batch by batch, `index` from 0; each answer goes to
 * `take` in file order, with the batch's size. Returns the file's head once every answer is in. On failure,
 * the batches on their way have landed (or failed) before this throws, so a rollback undoes them too.
 */
export async function sendBatches<T>(
  file: Blob,
  onHead: (head: FileHead) => void,
  send: (lines: string[], index: number) => Promise<T>,
  take: (answer: T, size: number) => void,
  options: { batchSize?: number | undefined; signal?: AbortSignal | undefined },
): Promise<FileHead> {
  const sent: Promise<void>[] = [];
  let index = 0;
  try {
    const head = await readBackupFile(
      file,
      onHead,
      async (batch) => {
        stopIf(options.signal);
        if (sent.length === IN_FLIGHT) await sent.shift();
        const lines = batch.map((b) => b.text);
        const sending = send(lines, index++).then((answer) => take(answer, lines.length));
        // Awaited in turn (or at the end); marked handled so that a failure is not reported twice.
        sending.catch(() => undefined);
        sent.push(sending);
      },
      { batchSize: options.batchSize ?? RESTORE_BATCH, parse: false },
    );
    while (sent.length) await sent.shift();
    return head;
  } finally {
    await Promise.allSettled(sent);
  }
}
