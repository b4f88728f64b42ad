// Backup and restore in the built extension, in real Chromium: complaints made through the protocol, a
// backup (gzip-compressed NDJSON) downloaded from the management page, the database deleted, the file
// restored through the page, and the register compared with a second backup.
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session, sendFrom } from './support/chromium';

const SCREENSHOTS = join(tmpdir(), 'registre-screenshots');
let session: Session;
let page: Page;

/** Headless Chromium cannot answer a save dialog: without the File System Access API, the page downloads. */
const withoutSavePicker = () => page.evaluate(() => Reflect.deleteProperty(window, 'showSaveFilePicker'));

beforeAll(async () => {
  session = await launch();
  page = await session.openPage('manage.html');
  await withoutSavePicker();
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(() => session?.close());

const input = (n: number) => ({
  receivedAt: `2026-01-0${n}T09:00:00Z`,
  channel: 'email',
  source: { webmail: 'gmail', messageId: `msg-f:${n}`, threadId: `thread-f:${n}` },
  customer: { name: `Client ${n}`, email: `client${n}@example.fr` },
  subject: n === 2 ? '=HYPERLINK("http://evil")' : `Réclamation ${n}; « urgente »`,
  category: 'livraison',
});

/** The backup file's text (it is gzip on disk: checked by its magic bytes). */
async function downloadBackup(): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-run').click()]);
  expect(download.suggestedFilename()).toMatch(/^sauvegarde-registre-\d{4}-\d{2}-\d{2}-\d{4}\.ndjson\.gz$/);
  await page.getByTestId('backup-status').waitFor();
  expect(await page.getByTestId('backup-status').textContent()).toMatch(/3 réclamation\(s\)/);
  const bytes = readFileSync((await download.path()) as string);
  expect([...bytes.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
  return gunzipSync(bytes).toString('utf8');
}

const gzipped = (text: string, name = 'sauvegarde.ndjson.gz') => ({
  name,
  mimeType: 'application/gzip',
  buffer: gzipSync(Buffer.from(text)),
});

/** Deletes the register database in the extension origin, as a lost profile would. */
async function wipe(): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('complaint-register');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      }),
  );
  await page.reload();
  await withoutSavePicker();
}

const countComplaints = () =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        indexedDB.open('complaint-register').onsuccess = (e) => {
          const db = (e.target as IDBOpenDBRequest).result;
          if (!db.objectStoreNames.contains('complaints')) return resolve(0);
          const r = db.transaction('complaints').objectStore('complaints').count();
          r.onsuccess = () => resolve(r.result);
        };
      }),
  );

describe('backup and restore through the management page', () => {
  let first: string;

  it('downloads a backup of complaints made through the protocol', async () => {
    const settings = await sendFrom(page, { type: 'settings/save', settings: { agentName: 'Agent Lumen' } });
    expect(settings.ok).toBe(true);
    for (const n of [1, 2, 3]) {
      const made = await sendFrom(page, { type: 'complaint/create', input: input(n) });
      expect(made.ok).toBe(true);
      const { id } = made.data as { id: string };
      if (n === 1) {
        expect((await sendFrom(page, { type: 'complaint/transition', id, to: 'acknowledged' })).ok).toBe(true);
        expect((await sendFrom(page, { type: 'complaint/note', id, text: 'Client rappelé.' })).ok).toBe(true);
      }
    }
    const workers: string[] = [];
    const started = (worker: { url(): string }) => workers.push(worker.url());
    page.on('worker', started);
    first = await downloadBackup();
    page.off('worker', started);
    // The runs of complaints were read and encoded by the two backup workers, the page compressing them.
    expect(workers.filter((url) => url.endsWith('/backup-worker.js'))).toHaveLength(2);
    const lines = first.trimEnd().split('\n');
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      format: 'registre-reclamations/backup',
      version: 2,
      counts: { complaints: 3, historyEvents: 5 },
      settings: { agentName: 'Agent Lumen' },
    });
    expect(lines.filter((l) => l.startsWith('{"complaint":'))).toHaveLength(3);
    expect(JSON.parse(lines.at(-1) ?? '')).toEqual({ end: { complaints: 3, historyEvents: 5, quarantine: 0 } });
    await page.screenshot({ path: join(SCREENSHOTS, 'manage-backup.png'), fullPage: true });
  });

  it('downloads the register as CSV for Excel, built by the CSV workers from the rows read model', async () => {
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-run').click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    await page.getByTestId('csv-status').waitFor();
    const text = readFileSync((await download.path()) as string, 'utf8');
    expect(text.startsWith('\uFEFFRéférence;Reçue le;')).toBe(true);
    const lines = text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(';')[0])
        .sort(),
    ).toEqual(['REC-2026-0001', 'REC-2026-0002', 'REC-2026-0003']);
    expect(text).toContain("'=HYPERLINK"); // the formula stays text
    expect(text).toContain('"Réclamation 1; « urgente »"');
    expect(workers.length).toBeGreaterThan(0);
    expect(workers.every((url) => url.endsWith('/csv-worker.js'))).toBe(true);
  });

  it('restores it into a wiped register, after a dry run, and the register is the same', async () => {
    await wipe();
    expect(await countComplaints()).toBe(0);
    await page.getByTestId('restore-file').setInputFiles(gzipped(first));
    const plan = page.getByTestId('restore-plan-tally');
    await plan.waitFor();
    expect(await plan.locator('[data-kind="added"] dd').textContent()).toBe('3');
    expect(await plan.locator('[data-kind="refused"] dd').textContent()).toBe('0');
    expect(await countComplaints()).toBe(0); // the dry run wrote nothing
    await page.getByTestId('restore-with-settings').check();
    await page.screenshot({ path: join(SCREENSHOTS, 'manage-dry-run.png'), fullPage: true });

    await page.getByTestId('restore-confirm').click();
    const done = page.getByTestId('restore-done-tally');
    await done.waitFor();
    expect(await done.locator('[data-kind="added"] dd').textContent()).toBe('3');
    await page.screenshot({ path: join(SCREENSHOTS, 'manage-restored.png'), fullPage: true });

    const second = await downloadBackup();
    const exportedAt = (text: string) => /"exportedAt":"([^"]+)"/.exec(text)?.[1] ?? '';
    expect(second.replace(exportedAt(second), exportedAt(first))).toBe(first);
  });

  it('restoring the same file again adds nothing', async () => {
    await page.getByRole('button', { name: 'Choisir un autre fichier' }).click();
    await page.getByTestId('restore-file').setInputFiles(gzipped(first));
    const plan = page.getByTestId('restore-plan-tally');
    await plan.waitFor();
    expect(await plan.locator('[data-kind="unchanged"] dd').textContent()).toBe('3');
    expect(await plan.locator('[data-kind="added"] dd').textContent()).toBe('0');
  });

  it('refuses a tampered file in French and writes nothing', async () => {
    await page.getByRole('button', { name: 'Annuler' }).click();
    // The first history event of the file, signed by someone else.
    const tampered = first.replace('"actor":"Agent Lumen"', '"actor":"Intrus"');
    expect(tampered).not.toBe(first);
    await page.getByTestId('restore-file').setInputFiles(gzipped(tampered, 'modifiee.ndjson.gz'));
    const refusal = page.getByTestId('restore-refused');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(
      /^Fichier refusé, rien n’a été modifié : L’historique de REC-\d{4}-000\d ne se vérifie pas \(événement n° 1 : son contenu ne correspond plus à son empreinte\)/,
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'manage-refused.png'), fullPage: true });
    expect(await countComplaints()).toBe(3);
  });

  it('refuses a cut gzip file in French and writes nothing', async () => {
    const whole = gzipSync(Buffer.from(first));
    await page.getByTestId('restore-file').setInputFiles({
      name: 'coupee.ndjson.gz',
      mimeType: 'application/gzip',
      buffer: whole.subarray(0, Math.floor(whole.length / 2)),
    });
    const refusal = page.getByTestId('restore-refused');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/sauvegarde compressée est incomplète : le fichier gzip a été coupé/);
    expect(await countComplaints()).toBe(3);
  });

  it('writes the backup into the file the agent chooses, when the browser offers the save dialog', async () => {
    // The dialog itself cannot be driven headless: a stand-in gives the page a writable file stream.
    await page.evaluate(() => {
      const chunks: number[][] = [];
      (window as unknown as { savedChunks: number[][] }).savedChunks = chunks;
      Object.assign(window, {
        showSaveFilePicker: async () => ({
          createWritable: async () =>
            new WritableStream<Uint8Array>({
              write(chunk) {
                chunks.push([...chunk]);
              },
            }),
        }),
      });
    });
    await page.getByTestId('backup-run').click();
    await page.getByTestId('backup-status').waitFor();
    expect(await page.getByTestId('backup-status').textContent()).toMatch(
      /^Fichier sauvegarde-registre-.*\.ndjson\.gz enregistré : 3 réclamation\(s\)/,
    );
    const bytes = await page.evaluate(() => (window as unknown as { savedChunks: number[][] }).savedChunks.flat());
    const text = gunzipSync(Buffer.from(bytes)).toString('utf8');
    const exportedAt = (t: string) => /"exportedAt":"([^"]+)"/.exec(t)?.[1] ?? '';
    expect(text.replace(exportedAt(text), exportedAt(first))).toBe(first);
    await withoutSavePicker();
  });
});
