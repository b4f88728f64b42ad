// Node side of the data and restore suites: the management page with data-entry.ts injected, seeding in
// chunks, and the backup files on disk (.bench/files/). The data suite writes a register's backup in both
// formats to disk, as the agent's download would; the restore suite hands those files to the page as the
// agent picks them (an <input type=file> filled from disk), in a fresh browser with an empty register.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { z } from 'zod';
import type { Session } from '../../tests/browser/support/chromium';
import { bundleForPage, injectBundle, type PageBundle } from './bundle';
import type { DataBench } from './data-entry';
import type { SuiteContext } from './suite';

type Method = keyof DataBench;
export function call<K extends Method>(page: Page, method: K, ...args: Parameters<DataBench[K]>) {
  return page.evaluate(
    ({ method, args }) =>
      (globalThis as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>).__dataBench?.[method]?.(
        ...args,
      ),
    { method, args: args as unknown[] },
  ) as Promise<Awaited<ReturnType<DataBench[K]>>>;
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const count = (n: number) => n.toLocaleString('en-US');
export const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
/** IndexedDB keeps compacting for a few seconds after a bulk write: measured operations start on a quiet store. */
export const settle = (ms = 5_000) => new Promise((done) => setTimeout(done, ms));

/** Complaints generated and written per call into the page (each call is one page task chain, logged). */
const SEED_CHUNK = 10_000;

let bundle: Promise<PageBundle> | undefined;

/** manage.html (the page that backs up and restores) with data-entry.ts injected as `__dataBench`. */
export async function openDataPage(ctx: SuiteContext, session: Session): Promise<Page> {
  bundle ??= bundleForPage('scripts/bench/data-entry.ts', ctx.root);
  const code = await bundle;
  const page = await session.openPage('manage.html');
  await injectBundle(page, code, '__dataBench');
  return page;
}

/** Seeds complaints `from`…`to - 1`; returns `to`. */
export async function seedTo(page: Page, ctx: SuiteContext, from: number, to: number, now: string): Promise<number> {
  const started = Date.now();
  let perComplaint = 0;
  let generateMs = 0;
  for (let start = from; start < to; start += SEED_CHUNK) {
    const step = await call(page, 'seed', start, Math.min(to, start + SEED_CHUNK), now);
    generateMs += step.generateMs;
    if (start === from) perComplaint = step.bytesPerComplaint;
    if (to - from > SEED_CHUNK && (start + SEED_CHUNK) % 50_000 === 0) ctx.log(`  … ${count(start + SEED_CHUNK)}`);
  }
  const stored = await call(page, 'counts');
  if (stored.complaints !== to) throw new Error(`seeded ${to} complaints but the register counts ${stored.complaints}`);
  ctx.log(
    `seeded ${count(from)} → ${count(to)} complaints (${count(stored.historyEvents)} history events in all) in ` +
      `${seconds(Date.now() - started)} (generating ${seconds(generateMs)}); ~${count(perComplaint)} bytes of JSON per complaint with its history`,
  );
  return to;
}

// ---- Backup files on disk -------------------------------------------------------------------------------

const FileSetSchema = z.object({
  complaints: z.number(),
  historyEvents: z.number(),
  writtenAt: z.string(),
  ours: z.object({ file: z.string(), bytes: z.number() }),
  singleJson: z.object({ file: z.string(), bytes: z.number() }).optional(),
});
export type FileSet = z.infer<typeof FileSetSchema>;
const ManifestSchema = z.record(z.string(), FileSetSchema);

export const filesDir = (ctx: Pick<SuiteContext, 'root'>) => join(ctx.root, '.bench/files');
const manifestPath = (ctx: Pick<SuiteContext, 'root'>) => join(filesDir(ctx), 'manifest.json');

function readManifest(ctx: Pick<SuiteContext, 'root'>): z.infer<typeof ManifestSchema> {
  try {
    return ManifestSchema.parse(JSON.parse(readFileSync(manifestPath(ctx), 'utf8')));
  } catch {
    return {};
  }
}

/** The backup files of a register of `label` complaints, if both are on disk as the manifest says. */
export function fileSet(ctx: Pick<SuiteContext, 'root'>, label: string): FileSet | null {
  const set = readManifest(ctx)[label];
  if (!set) return null;
  const whole = (f?: { file: string; bytes: number }) =>
    f !== undefined &&
    existsSync(join(filesDir(ctx), f.file)) &&
    statSync(join(filesDir(ctx), f.file)).size === f.bytes;
  return whole(set.ours) && whole(set.singleJson) ? set : null;
}

export function recordFileSet(ctx: Pick<SuiteContext, 'root'>, label: string, set: FileSet): void {
  const manifest = { ...readManifest(ctx), [label]: set };
  writeFileSync(manifestPath(ctx), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Saves a backup kept in the page to `.bench/files/<file>` through the browser's downloads; returns its size. */
export async function saveKept(page: Page, ctx: SuiteContext, which: 'ours' | 'singleJson', file: string) {
  mkdirSync(filesDir(ctx), { recursive: true });
  const path = join(filesDir(ctx), file);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    call(page, 'download', which, file),
  ]);
  await download.saveAs(path);
  await call(page, 'forget', which);
  return statSync(path).size;
}
