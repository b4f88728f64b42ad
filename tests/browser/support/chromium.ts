// Launches Debian's real Chromium with the built extension (.output/chrome-mv3) loaded, headless,
// with the network closed: webmail pages are served from saved fixtures by routing inside the context.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { removeTemporary } from '../../support/temporary';

export const EXTENSION_DIR = resolve(
  import.meta.dirname,
  '../../..',
  process.env.WXT_OUT_DIR ?? '.output',
  'chrome-mv3',
);
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Session {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Opens an extension page (e.g. `sidepanel.html`) in a tab. */
  openPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export function chromiumArgs(extensionDir = EXTENSION_DIR, headless = true): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost',
    ...(headless ? [] : ['--start-maximized']),
  ];
}

export async function launch(
  options: { headless?: boolean; userDataDir?: string; extensionDir?: string } = {},
): Promise<Session> {
  const profile = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'registre-e2e-'));
  const headless = options.headless ?? true;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless,
    args: chromiumArgs(options.extensionDir ?? EXTENSION_DIR, headless),
    viewport: headless ? { width: 1280, height: 900 } : null,
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    async openPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      if (!options.userDataDir) removeTemporary(profile);
    },
  };
}

/** Sends one protocol message from an extension page, as the side panel does, and returns the raw response. */
export function sendFrom(
  page: Page,
  message: unknown,
): Promise<{ ok: boolean; data?: unknown; error?: { message: string } }> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message);
}

/** The toolbar badge, read in the service worker. */
export function badge(worker: Worker): Promise<{ text: string; title: string }> {
  return worker.evaluate(async () => ({
    text: await chrome.action.getBadgeText({}),
    title: await chrome.action.getTitle({}),
  }));
}
