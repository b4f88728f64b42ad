// Hands a file to the browser's downloads from an extension page: a Blob URL on an `<a download>`, which
// needs no `downloads` permission. The URL is released a minute later (revoking it at once can cancel the
// download in Firefox).
import { t } from '../../i18n';
import { blobSink } from '../../transfer/backup-writer';
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

interface SavePicker {
  showSaveFilePicker?(options: {
    suggestedName: string;
    types: { description: string; accept: Record<string, string[]> }[];
  }): Promise<{ createWritable(): Promise<WritableStream<Uint8Array>> }>;
}

/** The agent dismissed the file picker: nothing was written. */
export class SaveCancelled extends Error {
  override name = 'SaveCancelled';
}

/**
 * Where a backup is written as it is produced: a file the agent chooses (File System Access API, called
 * first, inside the click's gesture), else Blob parts handed to the downloads once whole. `done` hands the
 * file over (the download) once `stream` is closed.
 */
export async function openBackupSink(
  fileName: string,
): Promise<{ stream: WritableStream<Uint8Array>; done(): void; kind: 'file' | 'download' }> {
  const picker = (globalThis as unknown as SavePicker).showSaveFilePicker;
  if (picker) {
    let handle: Awaited<ReturnType<NonNullable<SavePicker['showSaveFilePicker']>>>;
    try {
      handle = await picker({
        suggestedName: fileName,
        types: [{ description: t('data.backup.fileType'), accept: { 'application/gzip': ['.gz'] } }],
      });
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') throw new SaveCancelled();
      throw error;
    }
    return { stream: await handle.createWritable(), done: () => {}, kind: 'file' };
  }
  const sink = blobSink();
  return { stream: sink.stream, done: () => downloadBlob(sink.blob(), fileName), kind: 'download' };
}
