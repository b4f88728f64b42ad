// The backup file's text, piece by piece (pure): the head line, then complaint lines. See backup-schema.ts
// for the layout; `parseHeadLine` and `parseEntryLine` are the reader's side of the same layout.
import { type BackupEntry, type BackupHead, COMPLAINTS_OPEN, FILE_CLOSE } from './backup-schema';

/** `{…every section…,"complaints":[` and a newline. */
export function headLine(head: BackupHead): string {
  return `${JSON.stringify(head).slice(0, -1)},${COMPLAINTS_OPEN}\n`;
}

/** One complaint per line; lines are separated by `,\n`. `first` says whether one was written before. */
export function entryLines(entries: readonly BackupEntry[], first: boolean): string {
  if (entries.length === 0) return '';
  return (first ? '' : ',\n') + entries.map((e) => JSON.stringify(e)).join(',\n');
}

export const closing = (empty: boolean) => `${empty ? '' : '\n'}${FILE_CLOSE}\n`;

/** The head line as a JSON object (without its complaints), or null when the line is not a head line. */
export function parseHeadLine(line: string): unknown {
  const trimmed = line.trimEnd();
  if (!trimmed.startsWith('{') || !trimmed.endsWith(COMPLAINTS_OPEN)) return null;
  return JSON.parse(`${trimmed.slice(0, -COMPLAINTS_OPEN.length)}"complaints":[]}`);
}

/** A complaint line without its separating comma. */
export function entryText(line: string): string {
  const trimmed = line.trim();
  return trimmed.endsWith(',') ? trimmed.slice(0, -1) : trimmed;
}
