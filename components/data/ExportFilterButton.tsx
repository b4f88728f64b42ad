// "Export the selection": the complaints the register list shows with its current filter, as a CSV file.

import { t } from '@/lib/i18n';
import type { RegisterFilter } from '@/lib/register/filters';
import type { Settings } from '@/lib/settings/schema';
import { downloadCsv } from './downloadCsv';
import { useTask } from './useTask';
import './export-filter.css';

export function ExportFilterButton({ filter, settings }: { filter: RegisterFilter; settings: Settings }) {
  const { busy, status, run } = useTask();
  const exportSelection = () =>
    run(
      () => downloadCsv(settings, filter),
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
