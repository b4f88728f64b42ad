// A small register built through the protocol, as agents build it: complaints at different steps, notes,
// one anonymised (redacted history), settings, an edited letter and one record set aside in quarantine.
// `backupText` writes it in format 1 (the single JSON document earlier versions wrote, still restored):
// the register's state as text, and the file most refusal tests edit; `backupGzip` is today's format.

import { send } from '@/lib/extension/protocol';
import { SHIPPED_SOURCES } from '@/lib/letters/catalog';
import type { Complaint } from '@/lib/register/schema';
import { registerDb } from '@/lib/register/store/db';
import { quarantineInvalid } from '@/lib/register/store/quarantine';
import { readBackupBatches, readMeta, readQuarantine } from '@/lib/register/store/register-dump';
import { DEFAULT_SETTINGS } from '@/lib/settings/schema';
import { closing, entryLines, headLine } from '@/lib/transfer/backup-file';
import { BACKUP_FORMAT, type BackupCounts, type BackupHead, LEGACY_VERSION } from '@/lib/transfer/backup-schema';
import { backupBlob } from '@/lib/transfer/backup-writer';
import { newInput } from '../support/complaints';

export const NOW = new Date('2026-03-20T10:00:00Z');

export async function buildRegister(): Promise<Complaint[]> {
  await send({ type: 'settings/save', settings: { ...DEFAULT_SETTINGS, agentName: 'Agent test', retentionYears: 3 } });
  const edited = SHIPPED_SOURCES.fr['accuse-reception'].replace(
    '{{customer.salutation}},',
    'Chère cliente, cher client,',
  );
  await send({ type: 'templates/save', id: 'accuse-reception', lang: 'fr', source: edited });
  const made: Complaint[] = [];
  for (let i = 1; i <= 4; i++) {
    made.push(
      await send({
        type: 'complaint/create',
        input: newInput({
          customer: { name: `Client ${i}; "ancien"`, email: `client${i}@example.fr`, phone: '+33612345678' },
          subject: i === 2 ? '=HYPERLINK("http://evil")' : `Réclamation ${i}`,
          source: { webmail: 'gmail', messageId: `msg-f:${i}`, threadId: `thread-f:${i}` },
        }),
      }),
    );
  }
  const [a, b, c] = made as [Complaint, Complaint, Complaint];
  await send({ type: 'complaint/transition', id: a.id, to: 'acknowledged' });
  await send({ type: 'complaint/note', id: a.id, text: 'Client rappelé, colis photographié.' });
  await send({ type: 'complaint/update', id: b.id, patch: { severity: 3, summary: 'Lien piégé dans l’objet' } });
  await send({ type: 'complaint/anonymize', id: c.id, reason: 'request' });
  // A record that no longer parses, moved aside as the background does at start.
  const db = await registerDb();
  await db.put('complaints', { ...a, id: crypto.randomUUID(), reference: 'REC-2026-9999', phase: 'lost' } as never);
  await quarantineInvalid(NOW);
  return made;
}

/** The register as a format-1 backup (what `exportBackup` wrote before format 2). */
export async function backupText(now = NOW): Promise<string> {
  const parts: string[] = [];
  const counts: BackupCounts = { complaints: 0, historyEvents: 0, quarantine: 0 };
  const quarantine: BackupHead['quarantine'] = [];
  await readBackupBatches(
    (entries, invalid) => {
      parts.push(entryLines(entries, counts.complaints === 0));
      counts.complaints += entries.length;
      for (const e of entries) counts.historyEvents += e.history.length;
      quarantine.push(...invalid);
    },
    now,
    500,
  );
  const meta = await readMeta(now);
  quarantine.push(...meta.quarantine, ...(await readQuarantine()));
  counts.quarantine = quarantine.length;
  const head: BackupHead = {
    format: BACKUP_FORMAT,
    version: LEGACY_VERSION,
    exportedAt: now.toISOString(),
    counts,
    settings: meta.settings,
    templateOverrides: meta.templateOverrides,
    referenceCounters: meta.referenceCounters,
    quarantine,
  };
  return headLine(head) + parts.join('') + closing(counts.complaints === 0);
}

/**
 * The register as stored, every store a restore writes (rows, each complaint's history record as stored,
 * the dashboard's aggregates, the undo journal), for exact comparisons: a rollback must give back the very
 * records.
 */
export async function snapshot() {
  const db = await registerDb();
  return {
    text: await backupText(),
    rows: await db.getAll('rows'),
    histories: await db.getAll('histories'),
    months: await db.getAll('statsMonths'),
    contributions: await db.getAll('statsContributions'),
    journal: await db.count('restoreJournal'),
  };
}

/** The register as today's backup: gzip-compressed NDJSON, as a File named as the product names it. */
export async function backupGzip(now = NOW, name = 'sauvegarde.ndjson.gz'): Promise<File> {
  const { blob } = await backupBlob(now);
  return new File([blob], name, { type: 'application/gzip' });
}

/** A gzip file's text (tests read what the product wrote). */
export async function gunzipText(blob: Blob): Promise<string> {
  const gunzip = new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>;
  return new Response(blob.stream().pipeThrough(gunzip)).text();
}

/** `text` gzip-compressed, as a File named `name`. */
export async function gzipFile(text: string, name = 'sauvegarde.ndjson.gz'): Promise<File> {
  const gzip = new CompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>;
  const bytes = await new Response(new Blob([text]).stream().pipeThrough(gzip)).arrayBuffer();
  return new File([bytes], name, { type: 'application/gzip' });
}

export const fileOf = (text: string) => new Blob([text], { type: 'application/json' });
