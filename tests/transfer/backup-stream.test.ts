// Today's backup (format 2: gzip-compressed NDJSON, written as a stream) and the restore's guarantee: a
// restore that stops half way — an error, a cancel, the page or the worker gone — leaves the register
// exactly as it was before it began, and can be run again.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/extension/background/start';
import { backgroundWriter } from '@/lib/extension/pages/restore';
import { send } from '@/lib/extension/protocol';
import type { Complaint } from '@/lib/register/schema';
import { listAll, verifyComplaintChain } from '@/lib/register/store/queries';
import { unfinishedRestore } from '@/lib/register/store/restore-journal';
import { getSettings } from '@/lib/register/store/settings';
import { BackupFileError } from '@/lib/transfer/backup-reader';
import { BackupEntrySchema, BackupHeadV2Schema, QuarantineLineSchema } from '@/lib/transfer/backup-schema';
import { checkBackup, RestoreCancelled, type RestoreWriter, restoreBackup } from '@/lib/transfer/restore';
import { freshDatabase, newInput } from '../support/complaints';
import { backupGzip, backupText, buildRegister, fileOf, gunzipText, gzipFile, NOW, snapshot } from './helpers';

const FIXTURE_V1 = resolve(import.meta.dirname, '../fixtures/backup-v1-2026-03-20.json');
const LATER = new Date('2026-03-21T10:00:00Z');

beforeEach(async () => {
  fakeBrowser.reset();
  await freshDatabase();
  startBackground();
});

async function restore(file: Blob, writer: RestoreWriter = backgroundWriter, batchSize?: number) {
  const dryRun = await checkBackup(file, { batchSize });
  const report = await restoreBackup(file, dryRun, writer, { withSettings: true, batchSize });
  return { dryRun, report };
}

/** A register (4 complaints, settings, a letter), then a later backup of it with 30 more and a note. */
async function olderAndNewer(): Promise<{ older: string; newer: File; first: Complaint }> {
  const [first] = (await buildRegister()) as [Complaint];
  const older = await backupText();
  await send({ type: 'complaint/note', id: first.id, text: 'Deuxième appel du client.' });
  for (let i = 0; i < 30; i++) await send({ type: 'complaint/create', input: newInput({ subject: `Lot ${i}` }) });
  await send({ type: 'settings/save', settings: { ...(await getSettings()), agentName: 'Agent plus tard' } });
  const newer = await backupGzip(LATER);
  await freshDatabase();
  await restore(fileOf(older));
  return { older, newer, first };
}

describe('the backup written as gzip-compressed NDJSON', () => {
  it('is a gzip stream of a head line, one line per complaint with its history, the records set aside, and an end line', async () => {
    await buildRegister();
    const file = await backupGzip();
    expect([...new Uint8Array(await file.slice(0, 2).arrayBuffer())]).toEqual([0x1f, 0x8b]);
    const lines = (await gunzipText(file)).trimEnd().split('\n');
    const head = BackupHeadV2Schema.parse(JSON.parse(lines[0] ?? ''));
    expect(head).toMatchObject({
      version: 2,
      exportedAt: NOW.toISOString(),
      counts: { complaints: 4, historyEvents: 8 },
    });
    expect(head.settings?.agentName).toBe('Agent test');
    expect(head.templateOverrides?.['accuse-reception']?.fr?.version).toBe(3);
    const complaints = lines
      .filter((l) => l.startsWith('{"complaint":'))
      .map((l) => BackupEntrySchema.parse(JSON.parse(l)));
    expect(complaints).toHaveLength(4);
    expect(complaints.flatMap((e) => e.history)).toHaveLength(8);
    const aside = lines
      .filter((l) => l.startsWith('{"quarantined":'))
      .map((l) => QuarantineLineSchema.parse(JSON.parse(l)));
    expect(aside.map((q) => q.quarantined.raw)).toEqual([expect.objectContaining({ reference: 'REC-2026-9999' })]);
    expect(JSON.parse(lines.at(-1) ?? '')).toEqual({ end: { complaints: 4, historyEvents: 8, quarantine: 1 } });
    // Far smaller than the JSON it holds.
    expect(file.size * 3).toBeLessThan((await backupText()).length);
  });

  it('restores into an empty register exactly what was saved, chains intact', async () => {
    await buildRegister();
    const before = await backupText();
    const file = await backupGzip();
    await freshDatabase();
    const { dryRun, report } = await restore(file);
    expect(dryRun).toMatchObject({
      total: 4,
      added: 4,
      refused: 0,
      head: { counts: { complaints: 4, quarantine: 1 } },
    });
    expect(report).toMatchObject({ added: 4, finish: { quarantine: 1, settings: true, templates: 1 } });
    expect(await backupText()).toBe(before);
    for (const c of await listAll()) expect(await verifyComplaintChain(c.id)).toMatchObject({ ok: true });
  });

  it('still reads the NDJSON once another tool has decompressed it', async () => {
    await buildRegister();
    const text = await gunzipText(await backupGzip());
    await freshDatabase();
    expect(await checkBackup(fileOf(text))).toMatchObject({ total: 4, added: 4, refused: 0 });
  });
});

describe('a backup of an earlier version (format 1, one JSON document)', () => {
  it('restores the file saved by version 0.1 of the extension, whole', async () => {
    const saved = readFileSync(FIXTURE_V1, 'utf8');
    const { dryRun, report } = await restore(new File([saved], 'sauvegarde-registre-2026-03-20-1100.json'));
    expect(dryRun).toMatchObject({ total: 4, added: 4, refused: 0 });
    expect(report).toMatchObject({ added: 4, finish: { quarantine: 1, settings: true } });
    expect(await backupText()).toBe(saved);
    for (const c of await listAll()) expect(await verifyComplaintChain(c.id)).toMatchObject({ ok: true });
  });
});

describe('a compressed file that cannot be restored is refused in French, and nothing is written', () => {
  async function refused(file: Blob, message: RegExp) {
    const error = await checkBackup(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupFileError);
    expect((error as Error).message).toMatch(message);
    expect(await listAll()).toEqual([]);
  }
  const headOf = (fields: Record<string, unknown>) =>
    `${JSON.stringify({ format: 'registre-reclamations/backup', version: 2, exportedAt: NOW.toISOString(), ...fields })}\n`;

  it('refuses a .gz file that is not gzip', () =>
    refused(
      new File(['{"a":1}'], 'sauvegarde.ndjson.gz'),
      /porte l’extension \.gz mais n’est pas compressé au format gzip/,
    ));

  it('refuses a gzip file cut short', async () => {
    await buildRegister();
    const whole = await backupGzip();
    await freshDatabase();
    const cut = new File([whole.slice(0, Math.floor(whole.size * 0.6))], 'sauvegarde.ndjson.gz');
    await refused(cut, /sauvegarde compressée est incomplète : le fichier gzip a été coupé/);
  });

  it('refuses a gzip file whose lines stop before the end line', async () => {
    await buildRegister();
    const lines = (await gunzipText(await backupGzip())).trimEnd().split('\n');
    await freshDatabase();
    await refused(await gzipFile(lines.slice(0, -1).join('\n')), /incomplète : le fichier a été coupé/);
  });

  it('refuses a gzip file that does not hold a backup', async () => {
    await refused(await gzipFile('Référence;Reçue le\n'), /ne contient pas une sauvegarde du registre/);
    await refused(await gzipFile('{"hello":"world"}\n'), /format inconnu/);
  });

  it('refuses a damaged gzip file', async () => {
    await buildRegister();
    const bytes = new Uint8Array(await (await backupGzip()).arrayBuffer());
    await freshDatabase();
    for (let i = 40; i < 400; i++) bytes[i] = (bytes[i] ?? 0) ^ 0x5a;
    await refused(new File([bytes], 'sauvegarde.ndjson.gz'), /sauvegarde compressée est (endommagée|incomplète)/);
  });

  it('refuses a bad head line', async () =>
    refused(await gzipFile(headOf({ counts: { complaints: -1 } })), /^L’en-tête de la sauvegarde est invalide : /));

  it('refuses a backup of a newer format', async () =>
    refused(
      await gzipFile(headOf({ version: 9 })),
      /version plus récente de l’extension \(format 9, cette version lit le format 2\)/,
    ));
});

describe('a restore that stops half way leaves the register exactly as it was', () => {
  it('rolls back every batch already written when one fails, then restores on the next try', async () => {
    const { newer, first } = await olderAndNewer();
    const before = await snapshot();
    let batches = 0;
    const failing: RestoreWriter = {
      ...backgroundWriter,
      batch: (id, lines) =>
        ++batches === 3 ? Promise.reject(new Error('coupure')) : backgroundWriter.batch(id, lines),
    };
    await expect(restore(newer, failing, 10)).rejects.toThrow('coupure');
    expect(batches).toBeGreaterThanOrEqual(3);
    expect(await snapshot()).toEqual(before);
    expect(await unfinishedRestore()).toBeNull();
    expect((await getSettings()).agentName).toBe('Agent test');

    const again = await restore(newer, backgroundWriter, 10);
    expect(again.report).toMatchObject({ added: 30, updated: 1, unchanged: 3, refused: 0 });
    expect(await verifyComplaintChain(first.id)).toMatchObject({ ok: true, length: 4 });
    expect((await getSettings()).agentName).toBe('Agent plus tard');
  });

  it('rolls back when the agent cancels', async () => {
    const { newer } = await olderAndNewer();
    const before = await snapshot();
    const dryRun = await checkBackup(newer);
    const stop = new AbortController();
    const run = restoreBackup(newer, dryRun, backgroundWriter, {
      withSettings: true,
      batchSize: 10,
      signal: stop.signal,
      onProgress: (done) => {
        if (done >= 10) stop.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(RestoreCancelled);
    expect(await snapshot()).toEqual(before);
  });

  it('rolls back a restore whose page died, when the background starts again, and refuses its late batches', async () => {
    const { newer } = await olderAndNewer();
    const before = await snapshot();
    const lines = (await gunzipText(newer)).split('\n').filter((l) => l.startsWith('{"complaint":'));
    const restoreId = await backgroundWriter.begin();
    await backgroundWriter.batch(restoreId, lines.slice(0, 20));
    expect((await listAll()).length).toBeGreaterThan(4);
    expect(await unfinishedRestore()).toMatchObject({ id: restoreId });
    // The page is gone and the service worker restarts.
    fakeBrowser.reset();
    startBackground();
    await expect.poll(unfinishedRestore).toBeNull();
    expect(await snapshot()).toEqual(before);
    await expect(backgroundWriter.batch(restoreId, lines.slice(20))).rejects.toThrow(/interrompue et annulée/);
    expect(await snapshot()).toEqual(before);
    expect((await restore(newer)).report).toMatchObject({ added: 30, updated: 1 });
  });

  it('rolls back an unfinished restore when the next one begins', async () => {
    const { newer } = await olderAndNewer();
    const before = await snapshot();
    const lines = (await gunzipText(newer)).split('\n').filter((l) => l.startsWith('{"complaint":'));
    const left = await backgroundWriter.begin();
    await backgroundWriter.batch(left, lines.slice(0, 20));
    const next = await backgroundWriter.begin();
    expect(next).not.toBe(left);
    expect(await snapshot()).toEqual({ ...before, journal: 1 }); // only the new restore's marker
    await backgroundWriter.cancel(next);
    expect(await snapshot()).toEqual(before);
  });
});

describe('the time a pass still needs', () => {
  it('is estimated from the rate so far, once there is a second and an item to judge by', async () => {
    const { secondsLeft } = await import('@/lib/transfer/progress');
    expect(secondsLeft(0, 1_000, 5_000)).toBeNull();
    expect(secondsLeft(10, 1_000, 500)).toBeNull();
    expect(secondsLeft(250, 1_000, 10_000)).toBe(30);
    expect(secondsLeft(1_000, 1_000, 10_000)).toBe(0);
  });
});
