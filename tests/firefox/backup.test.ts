// Backup and restore in Firefox: the management page's backup has its runs made by two dedicated workers and
// compressed by the page (CompressionStream), the file is read back through Firefox's DecompressionStream and
// checked and written by the background page; a second backup of the restored register is the first one.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTemporary } from '../support/temporary';
import { type FirefoxSession, launchFirefox, registerContents, sendFrom, text } from './support/firefox';

const folder = mkdtempSync(join(tmpdir(), 'registre-firefox-backup-'));
let session: FirefoxSession;
let page: Page;

beforeAll(async () => {
  session = await launchFirefox();
  page = await session.openPage('manage.html');
});
afterAll(async () => {
  await session?.close();
  removeTemporary(folder);
});

const input = (n: number) => ({
  receivedAt: `2026-01-0${n}T09:00:00Z`,
  channel: 'email',
  source: { webmail: 'gmail', messageId: `msg-ff:${n}`, threadId: `thread-ff:${n}` },
  customer: { name: `Cliente ${n}`, email: `cliente${n}@example.fr` },
  subject: `Colis ${n} jamais reçu « urgent »`,
  category: 'livraison',
});

/**
 * Clicks « Sauvegarder » with a stand-in for the save dialog (headless Firefox has none to drive, and the page
 * then writes to the stream it is given), and records the workers the page starts. Returns the file's bytes.
 */
async function backup(): Promise<{ bytes: Buffer; workers: string[] }> {
  await page.evaluate(() => {
    const w = window as unknown as { savedChunks: number[][]; startedWorkers: string[] };
    w.savedChunks = [];
    w.startedWorkers = [];
    const Original = window.Worker;
    window.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        w.startedWorkers.push(String(url));
      }
    };
    Object.assign(window, {
      showSaveFilePicker: async () => ({
        createWritable: async () =>
          new WritableStream<Uint8Array>({
            write(chunk) {
              w.savedChunks.push([...chunk]);
            },
          }),
      }),
    });
  });
  await page.click('[data-testid="backup-run"]');
  await page.waitForSelector('[data-testid="backup-status"]');
  expect(await text(page, '[data-testid="backup-status"]')).toMatch(
    /^Fichier sauvegarde-registre-.*\.ndjson\.gz enregistré : 3 réclamation\(s\)/,
  );
  const saved = await page.evaluate(() => {
    const w = window as unknown as { savedChunks: number[][]; startedWorkers: string[] };
    return { bytes: w.savedChunks.flat(), workers: w.startedWorkers };
  });
  return { bytes: Buffer.from(saved.bytes), workers: saved.workers };
}

/** Deletes the register database, as a lost profile would (the background closes its connection when asked). */
async function wipe(): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('complaint-register');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      }),
  );
  // A fresh tab rather than a reload (Firefox over BiDi does not report an extension page's reload as loaded).
  await page.close();
  page = await session.openPage('manage.html');
}

const exportedAt = (t: string) => /"exportedAt":"([^"]+)"/.exec(t)?.[1] ?? '';

describe('Firefox: backup and restore through the management page', () => {
  it('makes the backup with two workers, and restores it into a wiped register identically', async () => {
    for (const n of [1, 2, 3]) {
      const made = await sendFrom(page, { type: 'complaint/create', input: input(n) });
      expect(made.ok).toBe(true);
      if (n === 1) {
        const { id } = made.data as { id: string };
        expect((await sendFrom(page, { type: 'complaint/note', id, text: 'Cliente rappelée.' })).ok).toBe(true);
      }
    }
    const first = await backup();
    expect([...first.bytes.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    expect(first.workers).toHaveLength(2);
    expect(first.workers.every((url) => url.endsWith('/backup-worker.js'))).toBe(true);
    const original = gunzipSync(first.bytes).toString('utf8');
    const lines = original.trimEnd().split('\n');
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ version: 2, counts: { complaints: 3, historyEvents: 4 } });
    expect(lines.filter((l) => l.startsWith('{"complaint":'))).toHaveLength(3);

    await wipe();
    expect(await registerContents(page)).toHaveLength(0);
    const file = join(folder, 'sauvegarde.ndjson.gz');
    writeFileSync(file, first.bytes);
    const picker = await page.waitForSelector('input[data-testid="restore-file"]');
    await (picker as ElementHandle<HTMLInputElement> | null)?.uploadFile(file);
    await page.waitForSelector('[data-testid="restore-plan-tally"]');
    expect(await text(page, '[data-testid="restore-plan-tally"] [data-kind="added"] dd')).toBe('3');
    expect(await registerContents(page)).toHaveLength(0); // the dry run wrote nothing
    await page.click('[data-testid="restore-confirm"]');
    await page.waitForSelector('[data-testid="restore-done-tally"]');
    expect(await text(page, '[data-testid="restore-done-tally"] [data-kind="added"] dd')).toBe('3');

    const again = gunzipSync((await backup()).bytes).toString('utf8');
    expect(again.replace(exportedAt(again), exportedAt(original))).toBe(original);
  });
});
