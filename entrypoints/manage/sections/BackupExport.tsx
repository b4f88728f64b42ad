// Container: the whole register, history and settings included, as one JSON backup file.
import { ActionSection } from '@/components/data/ActionSection';
import { useTask } from '@/components/data/useTask';
import { backupFileName, downloadBlob } from '@/lib/extension/pages/download';
import { t } from '@/lib/i18n';
import { exportBackup } from '@/lib/transfer/export';

export function BackupExport() {
  const { busy, status, run } = useTask();
  const start = () =>
    run(
      async () => {
        const now = new Date();
        const { blob, counts } = await exportBackup(now);
        const file = backupFileName(now);
        downloadBlob(blob, file);
        return t('data.backup.done', {
          file,
          complaints: counts.complaints.toLocaleString('fr-FR'),
          events: counts.historyEvents.toLocaleString('fr-FR'),
          quarantine: counts.quarantine.toLocaleString('fr-FR'),
        });
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
