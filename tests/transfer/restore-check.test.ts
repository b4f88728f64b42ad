// The product's dry run is checked by the background (lib/register/store/restore-check.ts), which then
// recognises, in the write pass, the batches it has checked; and a restore onto an empty register writes
// each batch with one undo entry (restore-session.ts). Neither may weaken a guarantee: a batch that is not
// the one checked is checked again, and a restore stopped half way leaves the empty register empty.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/extension/background/start';
import { backgroundChecker, backgroundWriter } from '@/lib/extension/pages/restore';
import { listAll, verifyComplaintChain } from '@/lib/register/store/queries';
import { checkBackup, type RestoreWriter, restoreBackup } from '@/lib/transfer/restore';
import { freshDatabase } from '../support/complaints';
import { backupGzip, buildRegister, snapshot } from './helpers';

beforeEach(async () => {
  fakeBrowser.reset();
  await freshDatabase();
  startBackground();
});

/** A backup of a register of 4 complaints, and the register emptied (a new machine). */
async function backupThenWipe() {
  await buildRegister();
  const file = await backupGzip();
  const saved = await snapshot();
  await freshDatabase();
  return { file, saved, empty: await snapshot() };
}

describe('the dry run checked by the background', () => {
  it('says what the restore would do, then restores exactly what was saved', async () => {
    const { file, saved } = await backupThenWipe();
    const dryRun = await checkBackup(file, { checker: backgroundChecker, batchSize: 3 });
    expect(dryRun).toMatchObject({ total: 4, added: 4, updated: 0, refused: 0 });
    expect(dryRun.checkId).toEqual(expect.any(String));
    const report = await restoreBackup(file, dryRun, backgroundWriter, { withSettings: true, batchSize: 3 });
    expect(report).toMatchObject({ added: 4, refused: 0 });
    expect({ ...(await snapshot()), months: saved.months }).toEqual(saved);
    // The aggregates kept while adding match those the register had (order of the records aside).
    expect(new Set((await snapshot()).months.map((m) => JSON.stringify(m)))).toEqual(
      new Set(saved.months.map((m) => JSON.stringify(m))),
    );
    for (const c of await listAll()) expect(await verifyComplaintChain(c.id)).toMatchObject({ ok: true });
  });

  it('checks again a batch whose text is not the one it checked, and refuses a broken chain', async () => {
    const { file, empty } = await backupThenWipe();
    const dryRun = await checkBackup(file, { checker: backgroundChecker, batchSize: 3 });
    // The page sends, at the place of the first batch, a line whose history was edited after the check.
    const tampered: RestoreWriter = {
      ...backgroundWriter,
      batch: (id, lines, index) =>
        backgroundWriter.batch(
          id,
          lines.map((l) => l.replace('"actor":"Agent test"', '"actor":"Quelqu’un"')),
          index,
        ),
    };
    await expect(restoreBackup(file, dryRun, tampered, { withSettings: true, batchSize: 3 })).rejects.toThrow(
      /ne se vérifie pas/,
    );
    expect(await snapshot()).toEqual(empty);
  });

  it('leaves an empty register empty when the restore stops half way', async () => {
    const { file, empty } = await backupThenWipe();
    const dryRun = await checkBackup(file, { checker: backgroundChecker, batchSize: 2 });
    let batches = 0;
    const failing: RestoreWriter = {
      ...backgroundWriter,
      batch: (id, lines, index) =>
        ++batches === 2 ? Promise.reject(new Error('coupure')) : backgroundWriter.batch(id, lines, index),
    };
    await expect(restoreBackup(file, dryRun, failing, { withSettings: true, batchSize: 2 })).rejects.toThrow('coupure');
    expect(await snapshot()).toEqual(empty);
    // And the restore then runs to the end.
    const again = await checkBackup(file, { checker: backgroundChecker, batchSize: 2 });
    expect(await restoreBackup(file, again, backgroundWriter, { withSettings: true, batchSize: 2 })).toMatchObject({
      added: 4,
    });
  });
});
