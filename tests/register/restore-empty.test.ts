// A restore onto an empty register (a new machine, the common case) takes the short path: no look-ups, one
// undo entry per batch ("delete these"). A new register already holds the dashboard's version record, which
// once made every restore take the long path; the short path must still leave an empty register exactly as
// it was when a restore stops half way. Also the write pass's helpers, checked against what they replace.
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/extension/background/start';
import { backgroundWriter } from '@/lib/extension/pages/restore';
import { send } from '@/lib/extension/protocol';
import { registerDb } from '@/lib/register/store/db';
import { hexToBase64url } from '@/lib/register/store/history-record';
import { fingerprint } from '@/lib/register/store/restore-lines';
import { checkBackup, type RestoreWriter, restoreBackup } from '@/lib/transfer/restore';
import { freshDatabase, newInput } from '../support/complaints';
import { backupGzip, backupText, buildRegister, gunzipText, snapshot } from '../transfer/helpers';

beforeEach(async () => {
  fakeBrowser.reset();
  await freshDatabase();
  startBackground();
});

/** A register of 34 complaints (and one set aside), as a backup file, then an empty register. */
async function backupThenEmpty(): Promise<{ file: File; text: string }> {
  await buildRegister();
  for (let i = 0; i < 30; i++) await send({ type: 'complaint/create', input: newInput({ subject: `Lot ${i}` }) });
  const [file, text] = [await backupGzip(), await backupText()];
  await freshDatabase();
  fakeBrowser.reset();
  startBackground();
  return { file, text };
}

/** The undo journal's keys after each batch written (the restore's marker left out). */
function journalWatcher(): { writer: RestoreWriter; keys: string[][] } {
  const keys: string[][] = [];
  const writer: RestoreWriter = {
    ...backgroundWriter,
    batch: async (id, lines, index) => {
      const tally = await backgroundWriter.batch(id, lines, index);
      const all = (await (await registerDb()).getAllKeys('restoreJournal')) as string[];
      keys.push(all.filter((k) => k !== '@restore'));
      return tally;
    },
  };
  return { writer, keys };
}

describe('a restore onto an empty register', () => {
  it('journals one entry per batch (the complaints it added) and none per complaint, and restores the register whole', async () => {
    const { file, text } = await backupThenEmpty();
    const { writer, keys } = journalWatcher();
    const dryRun = await checkBackup(file, { batchSize: 10 });
    const report = await restoreBackup(file, dryRun, writer, { withSettings: true, batchSize: 10 });
    expect(report).toMatchObject({ added: 34, updated: 0, refused: 0 });
    // Batches of 10: four entries of added complaints, beside the counter the restore raised.
    expect(keys.at(-1)?.filter((k) => k.startsWith('n:'))).toHaveLength(4);
    expect(keys.flat().filter((k) => k.startsWith('c:'))).toEqual([]);
    expect(await backupText()).toBe(text);
  });

  it('leaves the register empty, dashboard records included, when it stops half way', async () => {
    const { file } = await backupThenEmpty();
    const empty = await snapshot();
    const { writer, keys } = journalWatcher();
    let batches = 0;
    const failing: RestoreWriter = {
      ...writer,
      batch: (id, lines, index) =>
        ++batches === 3 ? Promise.reject(new Error('coupure')) : writer.batch(id, lines, index),
    };
    const dryRun = await checkBackup(file, { batchSize: 10 });
    await expect(restoreBackup(file, dryRun, failing, { withSettings: true, batchSize: 10 })).rejects.toThrow(
      'coupure',
    );
    expect(keys.flat().filter((k) => k.startsWith('n:')).length).toBeGreaterThan(0);
    expect(keys.flat().filter((k) => k.startsWith('c:'))).toEqual([]);
    expect(await snapshot()).toEqual(empty);
  });
});

describe('a record written while the restore runs', () => {
  it('sends the batch that meets it the long way, and the rollback keeps it', async () => {
    const { file } = await backupThenEmpty();
    const lines = (await gunzipText(file)).split('\n').filter((l) => l.startsWith('{"complaint":'));
    const id = (JSON.parse(lines[15] as string) as { complaint: { id: string } }).complaint.id;
    const restoreId = await backgroundWriter.begin();
    await backgroundWriter.batch(restoreId, lines.slice(0, 10));
    // Written by someone else after the restore began: a history record of a complaint the file holds.
    const foreign = { complaintId: id, events: [] };
    await (await registerDb()).put('histories', foreign);
    const journal = async () => (await (await registerDb()).getAllKeys('restoreJournal')) as string[];
    expect((await journal()).filter((k) => k.startsWith('c:'))).toEqual([]);
    expect(await backgroundWriter.batch(restoreId, lines.slice(10, 20))).toMatchObject({ added: 10 });
    expect((await journal()).filter((k) => k.startsWith('c:'))).toHaveLength(10);
    await backgroundWriter.cancel(restoreId);
    const db = await registerDb();
    expect(await db.count('complaints')).toBe(0);
    expect(await db.getAll('histories')).toEqual([foreign]);
    expect(await db.count('restoreJournal')).toBe(0);
  });
});

describe('the write pass helpers', () => {
  it('fingerprints a batch as the SHA-256 of its lengths and lines, non-ASCII text included', async () => {
    const lines = ['{"a":"é"}', '{"b":"😀 «»"}', 'x'.repeat(5000), '{"c":"\u2028"}'];
    const text = `${lines.length}:${lines.map((l) => l.length).join(',')}\n${lines.join('\n')}`;
    expect(await fingerprint(lines)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    expect(await fingerprint(['{"a":"\ud800"}'])).toBeNull();
  });

  it('encodes hex digits as base64url, as a bit-by-bit encoder does', () => {
    const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const bitByBit = (hex: string) => {
      const bits = [...hex].map((d) => Number.parseInt(d, 16).toString(2).padStart(4, '0')).join('');
      return (bits.padEnd(Math.ceil(bits.length / 6) * 6, '0').match(/.{6}/g) ?? [])
        .map((b) => B64[Number.parseInt(b, 2)])
        .join('');
    };
    for (let length = 0; length <= 66; length++) {
      const hex = Array.from({ length }, (_, i) => '0123456789abcdef'[(i * 7 + length) % 16]).join('');
      expect(hexToBase64url(hex)).toBe(bitByBit(hex));
    }
  });
});
