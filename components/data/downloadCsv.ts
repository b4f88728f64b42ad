// The CSV download both buttons start (the management page's whole register, the side panel's current
// filter): the register list's filter when one is set, else the whole register read the fast way (rows read
// model, CSV workers). Returns the French line that says what was saved.

import { csvWorkers } from '@/lib/extension/pages/csv-workers';
import { csvFileName, downloadBlob } from '@/lib/extension/pages/download';
import { getLang, t } from '@/lib/i18n';
import { isEmptyFilter, type RegisterFilter } from '@/lib/register/filters';
import type { Settings } from '@/lib/settings/schema';
import { formatCount } from '@/lib/stats/format';
import { exportCsv } from '@/lib/transfer/export';

export async function downloadCsv(settings: Settings, filter?: RegisterFilter): Promise<string> {
  const now = new Date();
  const { blob, count } = await exportCsv({
    now,
    lang: getLang(),
    categories: settings.categories,
    dueSoonHours: settings.policy.dueSoonHours,
    ...(filter && !isEmptyFilter(filter) ? { filter } : { workers: csvWorkers() }),
  });
  const file = csvFileName(now);
  downloadBlob(blob, file);
  return t('data.csv.done', { n: formatCount(count), file });
}
