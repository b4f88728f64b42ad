// Complaint lines of a backup as the background receives them (JSON text, from the page): parsed against the
// file's schema, checked (no id or reference twice, every chain verified), and fingerprinted. The dry run
// checks each batch here once and keeps its fingerprint (restore-check.ts); the write pass then takes a
// batch with the same fingerprint, the very bytes already checked, without verifying its chains again.
import { t, UserError } from '../../i18n';
import { issuesText } from '../../i18n/zod-issues';
import { type BackupEntry, BackupEntrySchema } from '../../transfer/backup-schema';
import { verifyChainSync } from '../../transfer/chain';
import { fastParse } from '../fast-parse';

const encoder = new TextEncoder();

/** Each line parsed against the file's schema: the background takes nothing on trust. */
export function parseLines(lines: readonly string[]): BackupEntry[] {
  return lines.map((line) => {
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new UserError('data.restore.error.notJsonAtAll');
    }
    const parsed = fastParse(BackupEntrySchema, raw);
    if (parsed.success) return parsed.data;
    const reference = (raw as { complaint?: { reference?: unknown } } | null)?.complaint?.reference;
    throw new UserError('data.restore.error.complaint', {
      reference: typeof reference === 'string' ? reference.slice(0, 40) : '?',
      issues: issuesText(parsed.error),
    });
  });
}

/** No id or reference twice (also across batches, with `seen`), and every history chain whole. */
export function checkEntries(
  entries: readonly BackupEntry[],
  seen: { ids: Set<string>; references: Set<string> } = { ids: new Set(), references: new Set() },
): void {
  for (const { complaint, history } of entries) {
    if (seen.ids.has(complaint.id) || seen.references.has(complaint.reference)) {
      throw new UserError('data.restore.error.duplicateReference', { reference: complaint.reference });
    }
    seen.ids.add(complaint.id);
    seen.references.add(complaint.reference);
    const chain = verifyChainSync(history, complaint.historyHead);
    if (!chain.ok) {
      throw new UserError('data.restore.error.chain', {
        reference: complaint.reference,
        seq: chain.brokenAt,
        reason: t(`data.chain.${chain.reason}`),
      });
    }
  }
}

/**
 * SHA-256 (WebCrypto: native, one call per batch) of the lines, each length first, so that no other list of
 * lines has the same fingerprint. Null for text that UTF-8 cannot hold exactly (a lone surrogate would be
 * encoded as U+FFFD, like any other): such a batch is always checked whole. The bytes hashed are those of
 * `${count}:${lengths}\n${lines joined by \n}`, encoded line by line into one buffer rather than joined
 * into one string first (a batch is megabytes: joining, then encoding, cost 3x as much).
 */
export async function fingerprint(lines: readonly string[]): Promise<string | null> {
  const header = `${lines.length}:${lines.map((l) => l.length).join(',')}\n`;
  // Exact for ASCII text; grown when a line needs more (UTF-8 takes up to 3 bytes per UTF-16 unit).
  let buffer = new Uint8Array(lines.reduce((n, l) => n + l.length + 1, header.length));
  let at = 0;
  const put = (text: string) => {
    for (;;) {
      const { read, written } = encoder.encodeInto(text, buffer.subarray(at));
      if (read === text.length) {
        at += written;
        return;
      }
      const bigger = new Uint8Array(Math.max(buffer.length * 2, at + text.length * 3));
      bigger.set(buffer.subarray(0, at));
      buffer = bigger;
    }
  };
  put(header);
  for (const [i, line] of lines.entries()) {
    if (!line.isWellFormed()) return null;
    if (i > 0) put('\n');
    put(line);
  }
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', buffer.subarray(0, at)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
