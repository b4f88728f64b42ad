import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/extension/background/start';
import { backgroundWriter } from '@/lib/extension/pages/restore';
import { CHANGE_KEY, send } from '@/lib/extension/protocol';
import type { Complaint } from '@/lib/register/schema';
import { registerDb } from '@/lib/register/store/db';
import { getTemplateOverrides } from '@/lib/register/store/letter-overrides';
import { listQuarantine } from '@/lib/register/store/quarantine';
import { listAll, verifyComplaintChain } from '@/lib/register/store/queries';
import { getSettings } from '@/lib/register/store/settings';
import { BACKUP_FORMAT, BackupSchema } from '@/lib/transfer/backup-schema';
import { checkBackup, restoreBackup } from '@/lib/transfer/restore';
import { freshDatabase, newInput } from '../support/complaints';
import { backupText, buildRegister, fileOf } from './helpers';

beforeEach(async () => {
  fakeBrowser.reset();
  await freshDatabase();
  startBackground();
});

/** Deletes the register as a lost profile would: a new, empty database. */
const wipe = () => freshDatabase();

async function restore(text: string, withSettings = true) {
  const dryRun = await checkBackup(fileOf(text));
  const report = await restoreBackup(fileOf(text), dryRun, backgroundWriter, { withSettings });
  return { dryRun, report };
}

describe('the JSON backup', () => {
  it('holds everything, as stored, in one JSON document that BackupSchema reads', async () => {
    const made = await buildRegister();
    const text = await backupText();
    const backup = BackupSchema.parse(JSON.parse(text));
    expect(backup).toMatchObject({
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: '2026-03-20T10:00:00.000Z',
      counts: { complaints: 4, historyEvents: 8, quarantine: 1 },
      referenceCounters: { [made[0]?.reference.slice(4, 8) ?? '']: 4 },
    });
    expect(backup.settings?.agentName).toBe('Agent test');
    expect(backup.templateOverrides?.['accuse-reception']?.fr?.version).toBe(3);
    expect(backup.quarantine[0]?.raw).toMatchObject({ reference: 'REC-2026-9999' });
    const anonymised = backup.complaints.find((e) => e.complaint.anonymizedAt !== null);
    expect(anonymised?.history.flatMap((e) => e.changes).some((c) => c.redacted)).toBe(true);
    const first = backup.complaints.find((e) => e.complaint.id === made[0]?.id);
    expect(first?.history.map((e) => e.type)).toEqual(['created', 'transition', 'noteAdded']);
    expect(first?.history[0]?.changes[0]).toEqual(
      expect.objectContaining({ salt: expect.any(String), digest: expect.any(String) }),
    );
    // One complaint per line, so a large file can be read line by line.
    expect(text.split('\n')).toHaveLength(4 + 3);
  });

  it('restores into an empty register exactly what was saved, chains intact', async () => {
    await buildRegister();
    const before = await backupText();
    await wipe();
    const { dryRun, report } = await restore(before);
    expect(dryRun).toMatchObject({ total: 4, added: 4, updated: 0, unchanged: 0, refused: 0 });
    expect(report).toMatchObject({ added: 4, refused: 0, finish: { quarantine: 1, settings: true, templates: 1 } });
    expect(await backupText()).toBe(before);
    for (const c of await listAll()) expect(await verifyComplaintChain(c.id)).toMatchObject({ ok: true });
    expect((await getSettings()).agentName).toBe('Agent test');
    expect((await getTemplateOverrides())['accuse-reception']?.fr?.version).toBe(3);
    expect(await listQuarantine()).toHaveLength(1);
    expect((await fakeBrowser.storage.local.get(CHANGE_KEY))[CHANGE_KEY]).toBeDefined();
  });

  it('says how many complaints it would bring back past the retention period, not anonymised', async () => {
    const made = await buildRegister();
    const d = made[3] as Complaint;
    await send({ type: 'complaint/update', id: d.id, patch: { isComplaint: false, qualificationNote: 'Question.' } });
    await send({ type: 'complaint/transition', id: d.id, to: 'notComplaint' });
    const text = await backupText();
    await wipe();
    const years = 1;
    const later = await checkBackup(fileOf(text), { retention: { years, now: new Date('2030-01-01T00:00:00Z') } });
    expect(later.pastRetention).toBe(1); // filed as not a complaint; the anonymised one and the open ones do not count
    const soon = await checkBackup(fileOf(text), { retention: { years, now: new Date() } });
    expect(soon.pastRetention).toBe(0);
  });

  it('adds nothing when the same file is restored twice', async () => {
    await buildRegister();
    const text = await backupText();
    await wipe();
    await restore(text);
    const once = await backupText();
    const again = await restore(text);
    expect(again.dryRun).toMatchObject({ added: 0, updated: 0, unchanged: 4, refused: 0 });
    expect(again.report).toMatchObject({ added: 0, updated: 0, unchanged: 4, refused: 0 });
    expect(await backupText()).toBe(once);
  });

  it('never reuses a reference: counters are raised to the highest restored number', async () => {
    const made = await buildRegister();
    const text = await backupText();
    await wipe();
    await restore(text, false);
    const next = await send({ type: 'complaint/create', input: newInput() });
    expect(made.map((c) => c.reference)).not.toContain(next.reference);
    expect(next.reference.endsWith('-0005')).toBe(true);
  });

  it('leaves settings and edited letters alone unless the agent asks for them', async () => {
    await buildRegister();
    const text = await backupText();
    await wipe();
    const { report } = await restore(text, false);
    expect(report.finish).toMatchObject({ settings: false, templates: 0 });
    expect((await getSettings()).agentName).toBe('');
    expect(await getTemplateOverrides()).toEqual({});
  });

  it('updates a complaint from a later revision that continues its history, and refuses going back', async () => {
    const [a] = (await buildRegister()) as [Complaint];
    const older = await backupText();
    await send({ type: 'complaint/note', id: a.id, text: 'Deuxième appel du client.' });
    const newer = await backupText(new Date('2026-03-21T10:00:00Z'));

    await wipe();
    await restore(older);
    const forward = await restore(newer);
    expect(forward.dryRun).toMatchObject({ added: 0, updated: 1, unchanged: 3, refused: 0 });
    expect(forward.report).toMatchObject({ updated: 1 });
    expect(await verifyComplaintChain(a.id)).toMatchObject({ ok: true, length: 4 });

    const back = await restore(older);
    expect(back.dryRun).toMatchObject({ added: 0, updated: 0, unchanged: 3, refused: 1 });
    expect(back.dryRun.reasons[0]).toMatch(
      /^REC-\d{4}-0001 : le registre en a une version plus récente \(rév\. 4, fichier rév\. 3\)/,
    );
    expect(back.report.refused).toBe(1);
    expect(await verifyComplaintChain(a.id)).toMatchObject({ ok: true, length: 4 });
  });

  it('refuses a complaint whose reference another complaint of the register already uses', async () => {
    await buildRegister();
    const text = await backupText();
    await wipe();
    const intruder = await send({ type: 'complaint/create', input: newInput() });
    expect(intruder.reference.endsWith('-0001')).toBe(true);
    const { dryRun, report } = await restore(text);
    expect(dryRun).toMatchObject({ added: 3, refused: 1 });
    expect(dryRun.reasons).toEqual([
      `${intruder.reference} : cette référence est déjà utilisée par une autre réclamation du registre.`,
    ]);
    expect(report).toMatchObject({ added: 3, refused: 1 });
    const db = await registerDb();
    expect((await db.getFromIndex('complaints', 'reference', intruder.reference))?.id).toBe(intruder.id);
  });

  it('restores a large register batch by batch with progress', async () => {
    await buildRegister();
    for (let i = 0; i < 30; i++) await send({ type: 'complaint/create', input: newInput({ subject: `Lot ${i}` }) });
    const text = await backupText();
    await wipe();
    const seen: string[] = [];
    const progress = (d: number, n: number) => seen.push(`${d}/${n}`);
    const dryRun = await checkBackup(fileOf(text), { onProgress: progress, batchSize: 10 });
    expect(seen).toEqual(['10/34', '20/34', '30/34', '34/34']);
    seen.length = 0;
    const report = await restoreBackup(fileOf(text), dryRun, backgroundWriter, {
      withSettings: false,
      onProgress: progress,
      batchSize: 10,
    });
    expect(report.added).toBe(34);
    expect(seen).toEqual(['10/34', '20/34', '30/34', '34/34']);
    expect(await listAll()).toHaveLength(34);
  });
});

describe('the meta keys a backup reads', () => {
  it('are the ones the settings and letter stores write', async () => {
    const { OVERRIDES_KEY } = await import('@/lib/register/store/letter-overrides');
    const { SETTINGS_KEY, TEMPLATE_OVERRIDES_KEY } = await import('@/lib/register/store/register-dump');
    expect(TEMPLATE_OVERRIDES_KEY).toBe(OVERRIDES_KEY);
    await send({ type: 'settings/save', settings: {} });
    expect(await (await registerDb()).getAllKeys('meta')).toContain(SETTINGS_KEY);
  });
});
