// "Export the selection": the complaints the register list shows with its current filter, as a CSV file.

import { csvFileName, downloadBlob } from '@/lib/data/download';
import { CSV_WORKER_URL, exportCsv } from '@/lib/data/export';
import { getLang, t } from '@/lib/i18n';
import { isEmptyFilter, type RegisterFilter } from '@/lib/register/filters';
import type { Settings } from '@/lib/settings/schema';
import { useTask } from './useTask';
import './export-filter.css';

export function ExportFilterButton({ filter, settings }: { filter: RegisterFilter; settings: Settings }) {
  const { busy, status, run } = useTask();
  const exportSelection = () =>
    run(
      async () => {
        const now = new Date();
        const { blob, count } = await exportCsv({
          now,
          lang: getLang(),
          categories: settings.categories,
          dueSoonHours: settings.policy.dueSoonHours,
          // No filter set: the whole register, read the fast way.
          ...(isEmptyFilter(filter) ? { workerUrl: CSV_WORKER_URL() } : { filter }),
        });
        const file = csvFileName(now);
        downloadBlob(blob, file);
        return t('data.csv.done', { n: count, file });
      },
      (message) => t('data.csv.failed', { message }),
    );
  return (
    <div class="export-filter">
      <button
        type="button"
        class="button export-filter__button"
        title={t('data.csv.filteredTitle')}
        disabled={busy}
        onClick={exportSelection}
        data-testid="export-filter"
      >
        {busy ? t('data.csv.busy') : t('data.csv.filtered')}
      </button>
      {status && (
        <span class={status.kind === 'ok' ? 'export-filter__ok' : 'export-filter__error'} role="status">
          {status.text}
        </span>
      )}
    </div>
  );
}
