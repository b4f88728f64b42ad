// A restore cut short in real Chromium: the page is closed, or the whole browser killed, in the middle of
// the write pass of a large backup. On reopening, the register is the old one, whole — same complaints,
// same chain heads, rows, history and counters — and the restore can be run again to the end. A cancel
// from the progress bar rolls back the same way.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withHistory } from '../../scripts/bench/data-entry';
import { generateComplaint } from '../../scripts/bench/register-data';
import { launch, type Session } from './support/chromium';

/** Three restore batches: time to cut the restore between two of them. */
const GENERATED = 3_000;
const OWN = 20;
const profile = mkdtempSync(join(tmpdir(), 'registre-restore-cut-'));
let session: Session;
let page: Page;
let big: Buffer;

afterAll(async () => {
  await session?.close();
  rmSync(profile, { recursive: true, force: true });
});

/** A backup of GENERATED complaints with their sealed history chains (the bench's generator), gzipped. */
function bigBackup(): Buffer {
  const now = new Date('2026-03-20T10:00:00Z');
  const lines: string[] = [];
  let events = 0;
  for (let i = 0; i < GENERATED; i++) {
    const entry = withHistory(generateComplaint(i, now));
    events += entry.history.length;
    lines.push(JSON.stringify(entry));
  }
  const counts = { complaints: GENERATED, historyEvents: events, quarantine: 0 };
  const head = {
    format: 'registre-reclamations/backup',
    version: 2,
    exportedAt: now.toISOString(),
    counts,
    settings: null,
    templateOverrides: null,
    referenceCounters: {},
  };
  return gzipSync(`${[JSON.stringify(head), ...lines, JSON.stringify({ end: counts })].join('\n')}\n`);
}

/** A fresh browser profile with a register of OWN complaints made through the protocol. */
async function freshRegister(): Promise<string> {
  await session?.close();
  rmSync(profile, { recursive: true, force: true });
  session = await launch({ userDataDir: profile });
  page = await session.openPage('manage.html');
  await page.evaluate(async (own) => {
    for (let n = 0; n < own; n++) {
      const answer = (await chrome.runtime.sendMessage({
        type: 'complaint/create',
        input: {
          receivedAt: '2026-01-05T09:00:00Z',
          channel: 'email',
          source: { webmail: 'gmail', messageId: `msg-c:${n}`, threadId: `thread-c:${n}` },
          customer: { name: `Client ${n}`, email: `client${n}@example.fr` },
          subject: `Réclamation ${n}`,
          category: 'livraison',
        },
      })) as { ok: boolean };
      if (!answer.ok) throw new Error('create failed');
    }
  }, OWN);
  const state = await registerState(page);
  expect(count(state)).toBe(OWN);
  return state;
}

/** Everything a restore writes, read raw in the page: complaints (id, reference, rev, chain head), rows,
 *  the history events of each complaint (counted in its record), meta (counters), and the restore journal's size. */
function registerState(p: Page): Promise<string> {
  return p.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('complaint-register');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['complaints', 'rows', 'histories', 'meta', 'restoreJournal']);
          const out: Record<string, unknown> = {};
          const read = (key: string, request: IDBRequest) => {
            request.onsuccess = () => {
              out[key] = request.result;
            };
          };
          read('complaints', tx.objectStore('complaints').getAll());
          read('rows', tx.objectStore('rows').getAll());
          const histories = tx.objectStore('histories').getAll();
          histories.onsuccess = () => {
            const records = histories.result as { complaintId: string; events: unknown[] }[];
            out.history = records.map((r) => [r.complaintId, r.events.length]);
          };
          read('metaKeys', tx.objectStore('meta').getAllKeys());
          read('meta', tx.objectStore('meta').getAll());
          read('journal', tx.objectStore('restoreJournal').count());
          tx.oncomplete = () => {
            db.close();
            const all = out.complaints as { id: string; reference: string; rev: number; historyHead: string }[];
            resolve(JSON.stringify({ ...out, complaints: all.map((c) => [c.id, c.reference, c.rev, c.historyHead]) }));
          };
        };
      }),
  );
}

const count = (state: string) => (JSON.parse(state) as { complaints: unknown[] }).complaints.length;

async function chooseAndCheck(p: Page): Promise<void> {
  await p
    .getByTestId('restore-file')
    .setInputFiles({ name: 'sauvegarde.ndjson.gz', mimeType: 'application/gzip', buffer: big });
  const plan = p.getByTestId('restore-plan-tally');
  await plan.waitFor({ timeout: 60_000 });
  expect((await plan.locator('[data-kind="added"] dd').textContent())?.replace(/\D/g, '')).toBe(String(GENERATED));
}

/** Starts the restore and returns once a batch is written, well before the restore is whole. */
async function startAndWaitForABatch(p: Page): Promise<void> {
  await p.getByTestId('restore-confirm').click();
  await p.waitForFunction(
    () => {
      const text = document.querySelector('[data-testid="progress-count"]')?.textContent ?? '';
      return Number((text.split('/')[0] ?? '').replace(/\D/g, '')) > 0;
    },
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
  expect(await p.getByTestId('progress-left').textContent()).toMatch(/restantes|estimation/);
}

async function restoreToTheEnd(p: Page): Promise<void> {
  await chooseAndCheck(p);
  await p.getByTestId('restore-confirm').click();
  await p.getByTestId('restore-done-tally').waitFor({ timeout: 120_000 });
  expect(count(await registerState(p))).toBe(OWN + GENERATED);
}

/** SIGKILL to the browser this test launched on `profile` (its main process, found by its profile). */
function killBrowser(): void {
  const main = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(`--user-data-dir=${profile}`) && !line.includes('--type='))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
  expect(main).toHaveLength(1);
  process.kill(main[0] as number, 'SIGKILL');
}

beforeAll(() => {
  big = bigBackup();
});

describe('a restore cut short leaves the old register whole', () => {
  it('when the page is closed in the middle; the restore then runs again to the end', async () => {
    const before = await freshRegister();
    await chooseAndCheck(page);
    await startAndWaitForABatch(page);
    await page.close();

    page = await session.openPage('manage.html');
    await expect.poll(() => registerState(page), { timeout: 30_000 }).toBe(before);
    await restoreToTheEnd(page);
  }, 240_000);

  it('when the browser is killed in the middle (page, worker and all)', async () => {
    const before = await freshRegister();
    await chooseAndCheck(page);
    await startAndWaitForABatch(page);
    killBrowser();
    await session.context.close().catch(() => undefined);

    session = await launch({ userDataDir: profile });
    page = await session.openPage('manage.html');
    await expect.poll(() => registerState(page), { timeout: 30_000 }).toBe(before);
    await restoreToTheEnd(page);
  }, 240_000);

  it('when the agent cancels from the progress bar, and says so', async () => {
    const before = await freshRegister();
    await chooseAndCheck(page);
    await startAndWaitForABatch(page);
    await page.getByTestId('progress-cancel').click();
    const failed = page.getByTestId('restore-failed');
    await failed.waitFor({ timeout: 60_000 });
    expect(await failed.textContent()).toBe(
      'Restauration annulée : le registre est revenu exactement à son état d’avant la restauration.',
    );
    expect(await registerState(page)).toBe(before);
  }, 240_000);
});
