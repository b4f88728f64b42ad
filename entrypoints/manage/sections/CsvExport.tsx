// Container: the whole register as a CSV file for Excel.
import { ActionSection } from '@/components/data/ActionSection';
import { downloadCsv } from '@/components/data/downloadCsv';
import { useTask } from '@/components/data/useTask';
import { useSettings } from '@/components/hooks/useRegister';
import { t } from '@/lib/i18n';

export function CsvExport() {
  const settings = useSettings();
  const { busy, status, run } = useTask();
  const start = () =>
    run(
      () => downloadCsv(settings),
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
