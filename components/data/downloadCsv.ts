// The CSV download both buttons start (the management page's whole register, the side panel's current
// filter): the register list's filter when one is set, else the whole register read the fast way (rows read
// model, CSV workers). Returns the French line that says what was saved.
import { csvFileName, downloadBlob } from '@/lib/data/download';
import { CSV_WORKER_URL, exportCsv } from '@/lib/data/export';
import { getLang, t } from '@/lib/i18n';
import { isEmptyFilter, type RegisterFilter } from '@/lib/register/filters';
import type { Settings } from '@/lib/settings/schema';

export async function downloadCsv(settings: Settings, filter?: RegisterFilter): Promise<string> {
  const now = new Date();
  const { blob, count } = await exportCsv({
    now,
    lang: getLang(),
    categories: settings.categories,
    dueSoonHours: settings.policy.dueSoonHours,
    ...(filter && !isEmptyFilter(filter) ? { filter } : { workerUrl: CSV_WORKER_URL() }),
  });
  const file = csvFileName(now);
  downloadBlob(blob, file);
  return t('data.csv.done', { n: count.toLocaleString('fr-FR'), file });
}
