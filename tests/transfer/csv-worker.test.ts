// The CSV workers' protocol (lib/transfer/csv-worker.ts), driven here through a stand-in for the worker's global
// scope: a job read from the rows gives the same lines as the page's own export, a malformed job or answer
// is refused. Real workers in real Chromium: tests/browser/backup.test.ts.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/extension/background/start';
import { csvWorkers } from '@/lib/extension/pages/csv-workers';
import { ROW_PARTS } from '@/lib/register/store/queries';
import { DEFAULT_SETTINGS } from '@/lib/settings/schema';
import { BOM, csvHeader } from '@/lib/transfer/csv';
import { type CsvWorkerMessage, CsvWorkerMessageSchema, serveCsvJobs } from '@/lib/transfer/csv-worker';
import { exportCsv } from '@/lib/transfer/export';
import { freshDatabase } from '../support/complaints';
import { buildRegister, NOW } from './helpers';

beforeEach(async () => {
  fakeBrowser.reset();
  await freshDatabase();
  startBackground();
});

/** A worker scope that records what the worker posts; `ask` sends it a job and waits for its last word. */
function scope() {
  const posted: CsvWorkerMessage[] = [];
  let listener: ((event: MessageEvent) => void) | undefined;
  let settle: (() => void) | undefined;
  serveCsvJobs({
    addEventListener: (_type, l) => {
      listener = l;
    },
    postMessage: (message) => {
      posted.push(CsvWorkerMessageSchema.parse(message));
      if (message.kind !== 'chunk') settle?.();
    },
  });
  const ask = (data: unknown) =>
    new Promise<CsvWorkerMessage[]>((resolve) => {
      settle = () => resolve(posted);
      listener?.(new MessageEvent('message', { data }));
    });
  return { ask };
}

const job = (parts: number[]) => ({
  parts,
  now: NOW.toISOString(),
  lang: 'fr',
  categories: DEFAULT_SETTINGS.categories,
});
const options = { now: NOW, lang: 'fr' as const, categories: DEFAULT_SETTINGS.categories, dueSoonHours: 24 };

describe('the CSV workers', () => {
  it('turn their share of the rows into the same lines as the page, part by part', async () => {
    await buildRegister();
    const all = Array.from({ length: ROW_PARTS }, (_, i) => i);
    const halves = [all.slice(0, ROW_PARTS / 2), all.slice(ROW_PARTS / 2)];
    const byPart: Blob[][] = all.map(() => []);
    for (const parts of halves) {
      const posted = await scope().ask(job(parts));
      expect(posted.at(-1)).toEqual({ kind: 'done' });
      for (const m of posted) if (m.kind === 'chunk') byPart[m.chunk.part]?.push(m.chunk.blob);
    }
    const fromWorkers = csvHeader('fr') + (await new Blob(byPart.flat()).text());
    expect(fromWorkers.startsWith(BOM)).toBe(true);
    expect(fromWorkers).toBe(await (await exportCsv(options)).blob.text());
    expect(fromWorkers.trimEnd().split('\r\n')).toHaveLength(5);
  });

  it('refuse a malformed job and say why, reading nothing', async () => {
    const posted = await scope().ask({ parts: [99], now: 'hier', lang: 'de', categories: [] });
    expect(posted).toHaveLength(1);
    expect(posted[0]?.kind).toBe('failed');
  });

  it('are only listened to when their answer has the protocol shape', () => {
    expect(
      CsvWorkerMessageSchema.safeParse({ kind: 'chunk', chunk: { part: 0, rows: 1, blob: 'texte' } }).success,
    ).toBe(false);
    expect(CsvWorkerMessageSchema.safeParse({ kind: 'eval', code: 'alert(1)' }).success).toBe(false);
  });

  it('are not needed: without a Worker the page exports the same file itself', async () => {
    await buildRegister();
    const expected = await (await exportCsv(options)).blob.text();
    const saved = globalThis.Worker;
    // @ts-expect-error: a context without workers (tests, an old browser)
    globalThis.Worker = undefined;
    try {
      const fallback = await exportCsv({ ...options, workers: csvWorkers('chrome-extension://x/csv-worker.js') });
      expect(await fallback.blob.text()).toBe(expected);
    } finally {
      globalThis.Worker = saved;
    }
  });

  it('fall back to the page when a worker cannot start', async () => {
    await buildRegister();
    const expected = await (await exportCsv(options)).blob.text();
    const saved = globalThis.Worker;
    globalThis.Worker = class {
      constructor() {
        throw new Error('no worker here');
      }
    } as unknown as typeof Worker;
    try {
      const fallback = await exportCsv({ ...options, workers: csvWorkers('chrome-extension://x/csv-worker.js') });
      expect(await fallback.blob.text()).toBe(expected);
    } finally {
      globalThis.Worker = saved;
    }
  });
});
