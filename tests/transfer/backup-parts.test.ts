// The backup made in parts (runs of complaints read, checked and encoded by workers, compressed by the page
// in file order) writes the very lines the backup wrote when it read the register batch after batch.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/extension/background/start';
import { send } from '@/lib/extension/protocol';
import { registerDb } from '@/lib/register/store/db';
import { countRegister, readBackupBatches, readMeta, readQuarantine } from '@/lib/register/store/register-dump';
import {
  asideLines,
  type BackupPart,
  type BackupWorkerMessage,
  backupPart,
  line,
  type PartMaker,
  serveBackupParts,
  utf8Of,
} from '@/lib/transfer/backup-parts';
import { BACKUP_FORMAT, BACKUP_VERSION } from '@/lib/transfer/backup-schema';
import { backupBlob, blobSink, writeBackup } from '@/lib/transfer/backup-writer';
import { freshDatabase, newInput } from '../support/complaints';
import { buildRegister, gunzipText, NOW } from './helpers';

beforeEach(async () => {
  fakeBrowser.reset();
  await freshDatabase();
  startBackground();
});

/** The register with records that do not hold together among the complaints: a broken one, an orphan history. */
async function registerWithFaults(): Promise<void> {
  const [a] = await buildRegister();
  for (let i = 0; i < 7; i++) await send({ type: 'complaint/create', input: newInput({ subject: `Lot ${i}` }) });
  const db = await registerDb();
  const broken = { ...a, id: crypto.randomUUID(), reference: 'REC-2026-9998', phase: 'perdue' };
  await db.put('complaints', broken as never);
  const history = await db.get('histories', a?.id as string);
  await db.put('histories', { ...(history as object), complaintId: crypto.randomUUID() } as never);
}

/** The backup's lines as the writer produced them when it read the register batch after batch, in the page. */
async function linesReadInTurn(batch: number): Promise<string[]> {
  const [meta, stored, total] = await Promise.all([readMeta(NOW), readQuarantine(), countRegister()]);
  const first = [...meta.quarantine, ...stored];
  let text = line({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: NOW.toISOString(),
    counts: { ...total, quarantine: first.length },
    settings: meta.settings,
    templateOverrides: meta.templateOverrides,
    referenceCounters: meta.referenceCounters,
  });
  const counts = { complaints: 0, historyEvents: 0, quarantine: first.length };
  text += asideLines(first);
  await readBackupBatches(
    (entries, invalid) => {
      for (const e of entries) text += line(e);
      text += asideLines(invalid);
      counts.complaints += entries.length;
      counts.historyEvents += entries.reduce((n, e) => n + e.history.length, 0);
      counts.quarantine += invalid.length;
    },
    NOW,
    batch,
  );
  return `${text}${line({ end: counts })}`.trimEnd().split('\n');
}

const linesOf = async (blob: Blob) => (await gunzipText(blob)).trimEnd().split('\n');

/** Workers as the page has them, over the real worker code (`serveBackupParts`), answering out of order. */
function fakeWorkers(count: number): PartMaker & { closed: boolean } {
  const waiting = new Map<number, (part: BackupPart) => void>();
  const scopes = Array.from({ length: count }, () => {
    let listener: (event: MessageEvent) => void = () => {};
    serveBackupParts({
      addEventListener: (_type, l) => {
        listener = l;
      },
      postMessage: (message: BackupWorkerMessage) => {
        if (message.kind === 'failed') throw new Error(message.message);
        // The first worker answers late: parts arrive out of file order.
        const index = message.part.index;
        setTimeout(() => waiting.get(index)?.(message.part), index % count === 0 ? 20 : 0);
      },
    });
    return (request: unknown) => listener({ data: request } as MessageEvent);
  });
  const maker = {
    ahead: count * 2,
    closed: false,
    make: (request: Parameters<PartMaker['make']>[0]) =>
      new Promise<BackupPart>((resolve) => {
        waiting.set(request.index, resolve);
        scopes[request.index % count]?.(request);
      }),
    close: () => {
      maker.closed = true;
    },
  };
  return maker;
}

describe('the backup made in parts', () => {
  it('writes the lines the backup read batch after batch wrote, records set aside at their place', async () => {
    await registerWithFaults();
    const expected = await linesReadInTurn(3);
    const aside = (l: string) => l.startsWith('{"quarantined":');
    // Set aside before the complaints (the quarantine store) and among them (the broken record, the orphan).
    expect(expected.findIndex(aside)).toBe(1);
    expect(expected.findLastIndex(aside)).toBeGreaterThan(expected.findIndex((l) => l.startsWith('{"complaint":')));
    expect(await linesOf((await backupBlob(NOW, undefined, undefined, 3)).blob)).toEqual(expected);
  });

  it('writes the same file from workers answering out of order, and ends them', async () => {
    await registerWithFaults();
    const inPage = await gunzipText((await backupBlob(NOW, undefined, undefined, 2)).blob);
    const workers = fakeWorkers(2);
    const progress: number[] = [];
    const { blob, counts } = await backupBlob(NOW, (done) => progress.push(done), workers, 2);
    expect(await gunzipText(blob)).toBe(inPage);
    expect(counts.complaints).toBe(11);
    expect(progress.at(-1)).toBe(11);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(workers.closed).toBe(true);
  });

  it('cuts an empty register into one run, and a register of whole batches into full runs and an empty one', async () => {
    expect((await backupPart({ index: 0, run: {}, at: NOW.toISOString(), lang: 'fr' })).complaints).toBe(0);
    await buildRegister();
    const lines = await linesOf((await backupBlob(NOW, undefined, undefined, 2)).blob);
    expect(lines).toEqual(await linesReadInTurn(2));
    expect(lines.filter((l) => l.startsWith('{"complaint":'))).toHaveLength(4);
  });

  it('stops, aborts the file and ends the workers when a part fails, with the worker’s own message', async () => {
    await buildRegister();
    let closed = false;
    const failing: PartMaker = {
      ahead: 2,
      make: async (request) => {
        if (request.index === 1) throw new Error('Lecture du registre impossible');
        return backupPart(request);
      },
      close: () => {
        closed = true;
      },
    };
    const sink = blobSink();
    await expect(writeBackup(NOW, sink.stream, undefined, failing, 1)).rejects.toThrow(
      'Lecture du registre impossible',
    );
    expect(closed).toBe(true);
    await expect(sink.stream.getWriter().ready).rejects.toThrow();
  });
});

describe('utf8Of', () => {
  it('gives the UTF-8 bytes of the texts one after the other, whatever their characters', () => {
    const texts = ['{"a":"plain"}\n', '', 'J’ai reçu « rien » — 😡\n', 'é'.repeat(3), '\u{1F4E6}\uD800 lone\n'];
    expect(utf8Of(texts)).toEqual(new TextEncoder().encode(texts.join('')));
    expect(utf8Of([])).toEqual(new Uint8Array(0));
  });
});
