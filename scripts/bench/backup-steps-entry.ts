// Bundled by the data suite when BENCH_BACKUP_STEPS is set, and evaluated in the management page beside
// data-entry.ts: the backup's steps measured one on top of the other over the whole register, so that each
// step's share (and the floor: the cost of reading alone) is known. Each pass is the product's own code up
// to that step; the last one is the product's backup itself.
import { eventsOf } from '@/lib/register/store/history-record';
import { readBackupBatches, visitStoredBatches } from '@/lib/register/store/register-dump';
import { BACKUP_BATCH, blobSink, writeBackup } from '@/lib/transfer/backup-writer';
import { gzipCounter } from './gzip-counter';

export const BACKUP_STEPS = ['read', 'decode', 'check', 'serialise', 'encode', 'compress', 'backup'] as const;
export type BackupStep = (typeof BACKUP_STEPS)[number];

const since = (start: number) => performance.now() - start;
const line = (value: unknown) => `${JSON.stringify(value)}\n`;

async function runStep(step: BackupStep, now: Date): Promise<{ complaints: number; bytes: number }> {
  let complaints = 0;
  let bytes = 0;
  if (step === 'read' || step === 'decode') {
    await visitStoredBatches((stored) => {
      complaints += stored.complaints.length;
      if (step === 'decode') for (const record of stored.histories) bytes += eventsOf(record)?.length ?? 0;
    }, BACKUP_BATCH);
    return { complaints, bytes };
  }
  if (step === 'backup') {
    const sink = blobSink();
    const counts = await writeBackup(now, sink.stream);
    return { complaints: counts.complaints, bytes: sink.blob().size };
  }
  const encoder = new TextEncoder();
  const gzip = step === 'compress' ? gzipCounter() : undefined;
  await readBackupBatches(
    async (entries) => {
      complaints += entries.length;
      if (step === 'check') return;
      let text = '';
      for (const e of entries) text += line(e);
      if (step === 'serialise') {
        bytes += text.length;
        return;
      }
      const chunk = encoder.encode(text);
      if (gzip) await gzip.write(chunk);
      else bytes += chunk.byteLength;
    },
    now,
    BACKUP_BATCH,
  );
  return { complaints, bytes: gzip ? await gzip.close() : bytes };
}

const steps = {
  /** One pass of `step` over the whole register: its time, complaints seen and bytes (or events) produced. */
  async run(step: BackupStep, nowIso: string) {
    const started = performance.now();
    const result = await runStep(step, new Date(nowIso));
    return { ms: since(started), ...result };
  },
};
export type BackupSteps = typeof steps;

(globalThis as unknown as { __backupSteps: BackupSteps }).__backupSteps = steps;
