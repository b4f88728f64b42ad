import Papa from 'papaparse';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/extension/background/start';
import { send } from '@/lib/extension/protocol';
import { DEFAULT_SETTINGS } from '@/lib/settings/schema';
import { BOM } from '@/lib/transfer/csv';
import { exportCsv } from '@/lib/transfer/export';
import { freshDatabase, newInput } from '../support/complaints';

beforeEach(async () => {
  fakeBrowser.reset();
  await freshDatabase();
  startBackground();
});

const now = new Date('2026-03-20T10:00:00Z');
const options = { now, lang: 'fr' as const, categories: DEFAULT_SETTINGS.categories, dueSoonHours: 24 };
const rowsOf = async (blob: Blob) => {
  const text = await blob.text();
  expect(text.startsWith(BOM)).toBe(true);
  return Papa.parse<string[]>(text.slice(1), { delimiter: ';', newline: '\r\n', skipEmptyLines: true }).data;
};

describe('exporting the register to CSV', () => {
  it('writes one row per complaint of the whole register after the header', async () => {
    for (let i = 0; i < 3; i++)
      await send({ type: 'complaint/create', input: newInput({ subject: `Réclamation ${i}` }) });
    const { blob, count } = await exportCsv(options);
    expect(count).toBe(3);
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const rows = await rowsOf(blob);
    expect(rows).toHaveLength(4);
    expect(rows[0]?.[0]).toBe('Référence');
    const subject = rows[0]?.indexOf('Objet') ?? -1;
    expect(subject).toBeGreaterThan(-1);
    expect(
      rows
        .slice(1)
        .map((r) => r[subject])
        .sort(),
    ).toEqual(['Réclamation 0', 'Réclamation 1', 'Réclamation 2']);
  });

  it('exports only what the register list shows with the current filter', async () => {
    const late = await send({
      type: 'complaint/create',
      input: newInput({ subject: 'Ancienne', receivedAt: '2026-02-01T09:00:00Z', category: 'facturation' }),
    });
    await send({
      type: 'complaint/create',
      input: newInput({ subject: 'Récente', receivedAt: '2026-03-20T08:00:00Z' }),
    });
    await send({ type: 'complaint/create', input: newInput({ subject: 'Élodie', customer: { name: 'Élodie Roux' } }) });

    const overdue = await exportCsv({ ...options, filter: { due: 'overdue', category: 'facturation' } });
    expect(overdue.count).toBe(1);
    expect((await rowsOf(overdue.blob))[1]?.[0]).toBe(late.reference);
    const search = await exportCsv({ ...options, filter: { search: 'elodie' } });
    expect((await rowsOf(search.blob)).slice(1).map((r) => r[3])).toEqual(['Élodie Roux']);
    const none = await exportCsv({ ...options, filter: { phase: 'closed' } });
    expect(none.count).toBe(0);
    expect(await rowsOf(none.blob)).toHaveLength(1);
  });

  it('builds the file in parts as it reads, batch after batch', async () => {
    for (let i = 0; i < 5; i++) await send({ type: 'complaint/create', input: newInput({ subject: `Lot ${i}` }) });
    const { blob, count } = await exportCsv({ ...options, batchSize: 2 });
    expect(count).toBe(5);
    expect(await rowsOf(blob)).toHaveLength(6);
  });
});
