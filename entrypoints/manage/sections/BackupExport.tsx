// Container: the whole register, history and settings included, as one compressed NDJSON backup, written
// to the file as it is read (lib/transfer/backup-writer.ts).

import { ActionSection } from '@/components/data/ActionSection';
import { useTask } from '@/components/data/useTask';
import { backupPartWorkers } from '@/lib/extension/pages/backup-workers';
import { backupFileName, openBackupSink, SaveCancelled } from '@/lib/extension/pages/download';
import { t } from '@/lib/i18n';
import { formatCount } from '@/lib/stats/format';
import { writeBackup } from '@/lib/transfer/backup-writer';

export function BackupExport() {
  const { busy, status, run } = useTask();
  const start = () =>
    run(
      async () => {
        const now = new Date();
        const file = backupFileName(now);
        let sink: Awaited<ReturnType<typeof openBackupSink>>;
        try {
          // First, inside the click's gesture: the file picker needs it.
          sink = await openBackupSink(file);
        } catch (error) {
          if (error instanceof SaveCancelled) return t('data.backup.cancelled');
          throw error;
        }
        // The runs of complaints are read and encoded by two workers while this page compresses them.
        const counts = await writeBackup(now, sink.stream, undefined, backupPartWorkers());
        sink.done();
        const figures = {
          file,
          complaints: formatCount(counts.complaints),
          events: formatCount(counts.historyEvents),
          quarantine: formatCount(counts.quarantine),
        };
        return t(sink.kind === 'file' ? 'data.backup.saved' : 'data.backup.done', figures);
      },
      (message) => t('data.backup.failed', { message }),
    );
  return (
    <ActionSection
      id="backup"
      title={t('data.backup.title')}
      help={t('data.backup.help')}
      button={t('data.backup.button')}
      busyLabel={t('data.backup.busy')}
      busy={busy}
      status={status}
      onRun={start}
    />
  );
}
