// The rows read model (lib/register/rows.ts): every write path keeps exactly one row per complaint, the
// migration builds them for an existing register, and the CSV export read from them is the one read from
// the complaints themselves, even when a row is damaged or missing.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/extension/background/start';
import { backgroundWriter } from '@/lib/extension/pages/restore';
import { type RegisterRow, RegisterRowSchema, rowOf } from '@/lib/register/rows';
import type { Complaint } from '@/lib/register/schema';
import { DB_NAME, DB_VERSION, openRegisterDb, registerDb } from '@/lib/register/store/db';
import { listAll } from '@/lib/register/store/queries';
import { repairRows } from '@/lib/register/store/rows-repair';
import { DEFAULT_SETTINGS } from '@/lib/settings/schema';
import { exportCsv } from '@/lib/transfer/export';
import { checkBackup, restoreBackup } from '@/lib/transfer/restore';
import { complaint, freshDatabase, readyToAnswer } from '../support/complaints';
import { backupText, buildRegister, fileOf, NOW } from '../transfer/helpers';

beforeEach(async () => {
  fakeBrowser.reset();
  await freshDatabase();
  startBackground();
});

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);

async function expectRowsToMatchComplaints(): Promise<RegisterRow[]> {
  const rows = ((await (await registerDb()).getAll('rows')) as RegisterRow[]).sort(byId);
  expect(rows).toEqual((await listAll()).map(rowOf).sort(byId));
  return rows;
}

const options = { now: NOW, lang: 'fr' as const, categories: DEFAULT_SETTINGS.categories, dueSoonHours: 24 };
/** The whole register's CSV from the rows, and the same file read from the complaints (an empty filter). */
async function bothExports() {
  const fromRows = await exportCsv(options);
  const fromComplaints = await exportCsv({ ...options, filter: {} });
  return { rows: await fromRows.blob.text(), complaints: await fromComplaints.blob.text(), count: fromRows.count };
}

describe('the rows read model', () => {
  it('makes a row that its own schema reads, with what the CSV shows', () => {
    const answered = readyToAnswer(complaint());
    const row = rowOf(answered);
    expect(RegisterRowSchema.parse(row)).toEqual(row);
    expect(row).toMatchObject({
      reference: answered.reference,
      customerName: answered.customer.name,
      ackDueAt: answered.clocks.ack.dueAt,
      compensationAmount: 30,
      outcome: 'favourable',
    });
    expect(JSON.stringify(row).length).toBeLessThan(JSON.stringify(answered).length / 2);
  });

  it('keeps one row per complaint through creation, steps, notes, edits, anonymisation and quarantine', async () => {
    const made = await buildRegister();
    const rows = await expectRowsToMatchComplaints();
    expect(rows).toHaveLength(made.length); // the quarantined record took its row with it
    const anonymised = rows.find((r) => r.id === made[2]?.id);
    expect(anonymised?.customerEmail).toBe('');
    expect(anonymised?.customerName).not.toBe(made[2]?.customer.name);
  });

  it('is written by a restore, beside every complaint it adds', async () => {
    await buildRegister();
    const text = await backupText();
    await freshDatabase();
    await restoreBackup(fileOf(text), await checkBackup(fileOf(text)), backgroundWriter, { withSettings: true });
    expect(await expectRowsToMatchComplaints()).toHaveLength(4);
  });

  it('gives the CSV of the whole register byte for byte as read from the complaints', async () => {
    await buildRegister();
    const { rows, complaints, count } = await bothExports();
    expect(count).toBe(4);
    expect(rows).toBe(complaints);
  });

  it('makes a damaged row again from its complaint', async () => {
    const [a] = await buildRegister();
    const expected = (await bothExports()).complaints;
    await (await registerDb()).put('rows', { id: a?.id, reference: 'REC-2026-0666', phase: 'perdu' } as never);
    expect((await bothExports()).rows).toBe(expected);
  });

  it('is checked against the complaints by the repair the background runs after an update', async () => {
    const [a, b] = await buildRegister();
    const expected = (await bothExports()).complaints;
    const db = await registerDb();
    await db.delete('rows', a?.id ?? '');
    await db.put('rows', { ...rowOf(b as Complaint), id: crypto.randomUUID() });
    expect(await repairRows()).toEqual({ added: 1, removed: 1 });
    await expectRowsToMatchComplaints();
    expect((await bothExports()).rows).toBe(expected);
    expect(await repairRows()).toEqual({ added: 0, removed: 0 });
  });

  it('is repaired when the extension is updated', async () => {
    const [a] = await buildRegister();
    await (await registerDb()).delete('rows', a?.id ?? '');
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0', temporary: false });
    await expect.poll(async () => (await (await registerDb()).getAllKeys('rows')).includes(a?.id ?? '')).toBe(true);
    await expectRowsToMatchComplaints();
  });

  it('is built by the migration from every complaint of an existing register that still parses', async () => {
    await freshDatabase();
    const v2 = await openRegisterDb(DB_NAME, 2);
    const good = complaint();
    const bad = { ...complaint(), id: crypto.randomUUID(), reference: 'REC-2026-0999', phase: 'lost' };
    // One transaction: the background may already be asking for version 3, which closes this connection.
    const tx = v2.transaction('complaints', 'readwrite');
    await Promise.all([tx.store.put(good), tx.store.put(bad as never), tx.done]);
    v2.close();
    const db = await registerDb();
    expect(db.version).toBe(DB_VERSION); // every later migration ran too
    expect(await db.getAll('rows')).toEqual([rowOf(good)]);
    expect(await db.count('complaints')).toBe(2); // the bad one stays for the quarantine sweep, untouched
  });
});
