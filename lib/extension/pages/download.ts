// Hands a file to the browser's downloads from an extension page: a Blob URL on an `<a download>`, which
// needs no `downloads` permission. The URL is released a minute later (revoking it at once can cancel the
// download in Firefox).
import { t } from '../../i18n';
import { parisStamp } from '../../transfer/french';

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const csvFileName = (now: Date) => t('data.csv.fileName', { day: parisStamp(now.toISOString()).slice(0, 10) });
export const backupFileName = (now: Date) => t('data.backup.fileName', { stamp: parisStamp(now.toISOString()) });
