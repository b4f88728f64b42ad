// Container: the whole register as a CSV file for Excel.
import { ActionSection } from '@/components/data/ActionSection';
import { useTask } from '@/components/data/useTask';
import { useSettings } from '@/components/hooks/useRegister';
import { csvFileName, downloadBlob } from '@/lib/data/download';
import { CSV_WORKER_URL, exportCsv } from '@/lib/data/export';
import { getLang, t } from '@/lib/i18n';

export function CsvExport() {
  const settings = useSettings();
  const { busy, status, run } = useTask();
  const start = () =>
    run(
      async () => {
        const now = new Date();
        const { blob, count } = await exportCsv({
          now,
          lang: getLang(),
          categories: settings.categories,
          dueSoonHours: settings.policy.dueSoonHours,
          workerUrl: CSV_WORKER_URL(),
        });
        const file = csvFileName(now);
        downloadBlob(blob, file);
        return t('data.csv.done', { n: count.toLocaleString('fr-FR'), file });
      },
      (message) => t('data.csv.failed', { message }),
    );
  return (
    <ActionSection
      id="csv"
      title={t('data.csv.title')}
      help={t('data.csv.help')}
      button={t('data.csv.button')}
      busyLabel={t('data.csv.busy')}
      busy={busy}
      status={status}
      onRun={start}
    />
  );
}
