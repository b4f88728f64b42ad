// The letter as sent travels with the register's backup and comes back on restore, while the CSV export (a
// spreadsheet of the register's rows) carries none of its text.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/extension/background/start';
import { backgroundWriter } from '@/lib/extension/pages/restore';
import { send } from '@/lib/extension/protocol';
import type { Complaint } from '@/lib/register/schema';
import { getComplaint, verifyComplaintChain } from '@/lib/register/store/queries';
import { DEFAULT_SETTINGS } from '@/lib/settings/schema';
import { exportCsv } from '@/lib/transfer/export';
import { checkBackup, restoreBackup } from '@/lib/transfer/restore';
import { freshDatabase, newInput } from '../support/complaints';
import { backupText, fileOf, NOW } from './helpers';

const SENT = {
  text: 'Madame,\n\nNous vous confirmons le remboursement ; « lettre-témoin-4471 ».',
  html: '<p>Madame,</p>\n<p>Nous vous confirmons le remboursement ; « lettre-témoin-4471 ».</p>',
  inputs: { modalites: 'virement-témoin-8812' },
};

beforeEach(async () => {
  fakeBrowser.reset();
  await freshDatabase();
  startBackground();
});

async function complaintWithLetter(): Promise<Complaint> {
  const c = await send({ type: 'complaint/create', input: newInput() });
  return send({
    type: 'complaint/letter',
    id: c.id,
    letter: {
      templateId: 'reponse-favorable',
      templateVersion: 1,
      lang: 'fr',
      sha256: 'f'.repeat(64),
      at: '2026-03-05T10:00:00Z',
      channel: 'clipboard',
      sent: SENT,
    },
  });
}

describe('the letter as sent in backups and exports', () => {
  it('is saved in the backup and restored exactly, the chain intact', async () => {
    const c = await complaintWithLetter();
    const before = await backupText();
    expect(before).toContain('lettre-témoin-4471');
    await freshDatabase();
    const dryRun = await checkBackup(fileOf(before));
    await restoreBackup(fileOf(before), dryRun, backgroundWriter, { withSettings: false });
    const restored = await getComplaint(c.id);
    expect(restored?.letters[0]?.sent).toEqual(SENT);
    expect(await verifyComplaintChain(c.id)).toMatchObject({ ok: true });
    expect(await backupText()).toBe(before);
  });

  it('is left out of the CSV export', async () => {
    await complaintWithLetter();
    const { blob, count } = await exportCsv({
      now: NOW,
      lang: 'fr',
      categories: DEFAULT_SETTINGS.categories,
      dueSoonHours: 24,
    });
    expect(count).toBe(1);
    const csv = await blob.text();
    for (const value of ['lettre-témoin-4471', 'virement-témoin-8812', 'Nous vous confirmons']) {
      expect(csv).not.toContain(value);
    }
  });
});
