// Launches Debian's Firefox ESR with the built Firefox extension (.output/firefox-mv2), headless, driven over
// WebDriver BiDi by puppeteer-core (no driver to download). The extension is installed through BiDi's
// `webExtension.install`; webmail pages are served from saved fixtures by intercepting the tab's requests,
// and every other connection goes to a closed local proxy: nothing leaves the machine.
//
// `-remote-allow-system-access` lets the test reach what a user reaches and a web page cannot: extension
// pages in a tab (moz-extension:// URLs) and the browser's own window, where the test clicks the
// extension's toolbar button with the same synthesized mouse events WebDriver uses for page input.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { helpdeskPolicy, type ServedPage } from '../../browser/support/helpdesk';
import { fixtureFile } from '../../support/fixture-files';
import { removeTemporary } from '../../support/temporary';
import { packXpi } from './xpi';

export const EXTENSION_DIR = resolve(
  import.meta.dirname,
  '../../..',
  process.env.WXT_OUT_DIR ?? '.output',
  'firefox-mv2',
);
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrTest';

const manifest = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
/** A fixed internal UUID, so that the test knows the extension's moz-extension:// origin in advance. */
const EXTENSION_UUID = '4d2c8a1e-5b7f-4c3a-9e61-0f2b7d9c1a55';
/** Firefox's id for the extension's toolbar widget: the add-on id made safe for a DOM id. */
const widgetId = (addonId: string) => `${addonId.replace(/[^a-z0-9_-]/gi, '_')}-browser-action`;

/** What the page scripts below may call in an extension page (Firefox's `browser` namespace). */
export interface ExtensionPageApi {
  runtime: { sendMessage(message: unknown): Promise<never> };
  browserAction: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> };
  sidebarAction: { isOpen(d: object): Promise<boolean>; getPanel(d: object): Promise<string> };
  storage: { session?: object };
}

// puppeteer's BiDi session, for the commands its Page API does not wrap (Firefox-only parameters included).
interface BidiChannel {
  send(method: string, params: object): Promise<{ result: unknown }>;
}
/** The BiDi id of a tab (puppeteer keeps it on the frame). */
const contextOf = (page: Page) => (page.mainFrame() as unknown as { _id: string })._id;

export interface FirefoxSession {
  browser: Browser;
  addonId: string;
  origin: string;
  /** Opens an extension page (e.g. `sidepanel.html`) in a tab. */
  openPage(path: string): Promise<Page>;
  /** Opens `url` in a new tab, served from the saved page `fixture` (or the HTML a function gives). */
  openWebmail(fixture: string | (() => string), url?: string): Promise<Page>;
  /** Opens `url` in a new tab with its origin served from memory (a helpdesk's pages and its real editor). */
  openServed(url: string, served: ServedPage): Promise<Page>;
  /** Evaluates `expression` in the browser window itself (its chrome document) and returns the value. */
  inBrowserWindow<T>(expression: string): Promise<T>;
  /** Whether WebDriver BiDi reaches the browser window (see `reachesBrowserWindow`). */
  reachesBrowserWindow(): Promise<boolean>;
  /** Clicks the extension's button on the toolbar, as a user would (see `reachesBrowserWindow`). */
  clickToolbarButton(): Promise<void>;
  /** Closes the sidebar, as the agent does. */
  hideSidebar(): Promise<void>;
  /** The real sidebar: open or not, and the page it shows. */
  sidebar(): Promise<{ open: boolean; url: string | null }>;
  /** What the toolbar button shows in the browser window: its badge's text and its tooltip. */
  toolbarBadge(): Promise<{ text: string; tooltip: string | null }>;
  close(): Promise<void>;
}

/**
 * `profile`: a profile folder kept by the caller (for a restart). `install`: 'temporary' (the default, as
 * about:debugging does; gone when Firefox quits), 'permanent' (from an .xpi, unsigned: Firefox ESR accepts
 * it with `xpinstall.signatures.required` off), or 'none' (already installed in `profile`).
 */
export async function launchFirefox(
  options: { profile?: string; install?: 'temporary' | 'permanent' | 'none'; extensionDir?: string } = {},
): Promise<FirefoxSession> {
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'registre-firefox-'));
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const addonId = manifest(extensionDir).browser_specific_settings.gecko.id;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    args: ['-remote-allow-system-access'],
    protocolTimeout: 60_000,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: EXTENSION_UUID }),
      'xpinstall.signatures.required': false,
      // Every connection the interception does not answer goes to a closed port.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
    },
  });
  const origin = `moz-extension://${EXTENSION_UUID}`;
  const bidi = (browser as unknown as { connection: BidiChannel }).connection;
  const install = options.install ?? 'temporary';
  if (install === 'temporary') await browser.installExtension(extensionDir);
  if (install === 'permanent') {
    const xpi = join(profile, '..', `${addonId}-${process.pid}.xpi`);
    packXpi(extensionDir, xpi);
    await bidi.send('webExtension.install', {
      extensionData: { type: 'archivePath', path: xpi },
      'moz:permanent': true,
    });
    rmSync(xpi, { force: true });
  }

  async function browserWindowContext(): Promise<string> {
    const { result } = await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const window = (result as { contexts: { context: string; url: string }[] }).contexts.find(
      (c) => c.url === 'chrome://browser/content/browser.xhtml',
    );
    if (!window) throw new Error('no browser window');
    return window.context;
  }

  async function inBrowserWindow<T>(expression: string): Promise<T> {
    const context = await browserWindowContext();
    const { result } = (await bidi.send('script.evaluate', {
      expression,
      target: { context },
      awaitPromise: true,
      resultOwnership: 'none',
    })) as {
      result:
        | { type: 'success'; result: { value?: unknown } }
        | { type: 'exception'; exceptionDetails: { text: string } };
    };
    if (result.type === 'exception') throw new Error(`browser window: ${result.exceptionDetails.text}`);
    return (result.result.value === undefined ? undefined : JSON.parse(String(result.result.value))) as T;
  }

  const button = JSON.stringify(widgetId(addonId));

  // Firefox ESR 140.12 (Debian bookworm's, late 2026) gives WebDriver BiDi no browsing context of the browser
  // window (`browsingContext.getTree` ignores `moz:scope`), and Marionette runs no chrome script inside a
  // BiDi session. There the toolbar and the sidebar are reached through the extension's own API, from one of
  // its pages: the badge and tooltip the background set (what Firefox draws), the sidebar's state and page,
  // and a real user gesture (a WebDriver click, trusted input) on that page calling `sidebarAction.open()`,
  // the call the toolbar button's handler makes (lib/extension/background/panel.ts). Where Firefox does give
  // the window, the test clicks the real button and reads the badge as drawn.
  let reaches: Promise<boolean> | undefined;
  const reachesBrowserWindow = () => {
    reaches ??= (async () => {
      for (let i = 0; i < 20; i++) {
        if (
          await browserWindowContext().then(
            () => true,
            () => false,
          )
        )
          return true;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return false;
    })();
    return reaches;
  };
  let apiPage: Promise<Page> | undefined;
  const extensionApi = () => {
    apiPage ??= (async () => {
      const page = await browser.newPage();
      await bidi.send('browsingContext.navigate', {
        context: contextOf(page),
        url: `${origin}/manage.html`,
        wait: 'complete',
      });
      return page;
    })();
    return apiPage;
  };
  /** A click of the agent's on an extension page that calls `sidebarAction[action]()` (a user action). */
  async function sidebarGesture(action: 'open' | 'close'): Promise<void> {
    const page = await extensionApi();
    await page.evaluate((a) => {
      let gesture = document.getElementById('test-sidebar-gesture');
      if (!gesture) {
        gesture = document.createElement('button');
        gesture.id = 'test-sidebar-gesture';
        gesture.textContent = 'sidebar';
        document.body.prepend(gesture);
      }
      const api = (globalThis as unknown as { browser: { sidebarAction: Record<string, () => Promise<void>> } })
        .browser;
      gesture.onclick = () => void api.sidebarAction[a]?.();
    }, action);
    await page.click('#test-sidebar-gesture');
  }

  return {
    browser,
    addonId,
    origin,
    async openPage(path) {
      const page = await browser.newPage();
      // page.goto waits for navigation events Firefox does not send for an extension page: BiDi's own
      // navigate, which waits for the page's load, is used instead.
      await bidi.send('browsingContext.navigate', {
        context: contextOf(page),
        url: `${origin}/${path}`,
        wait: 'complete',
      });
      return page;
    },
    async openWebmail(fixture, url = GMAIL_URL) {
      const html = typeof fixture === 'string' ? () => readFileSync(fixtureFile(fixture), 'utf8') : fixture;
      const page = await browser.newPage();
      // The saved page's own scripts stay inert; content scripts are not subject to the page's policy.
      const policy = "script-src 'none'; frame-src 'none'; object-src 'none'";
      await intercept(page, new URL(url).origin, (_path, navigation) =>
        navigation ? { body: html(), contentType: HTML, headers: { 'content-security-policy': policy } } : null,
      );
      await page.goto(url);
      return page;
    },
    async openServed(url, served) {
      const page = await browser.newPage();
      await intercept(page, new URL(url).origin, (path, navigation) => answer(served, path, navigation));
      await page.goto(url);
      return page;
    },
    inBrowserWindow,
    reachesBrowserWindow,
    async hideSidebar() {
      if (await reachesBrowserWindow()) await inBrowserWindow('SidebarController.hide()');
      else await sidebarGesture('close');
    },
    async clickToolbarButton() {
      if (!(await reachesBrowserWindow())) return sidebarGesture('open');
      await inBrowserWindow(`(() => {
        const button = document.getElementById(${button}).querySelector('.webextension-browser-action');
        const box = button.getBoundingClientRect();
        const { event } = ChromeUtils.importESModule('chrome://remote/content/shared/webdriver/Event.sys.mjs');
        event.synthesizeMouseAtPoint(box.x + box.width / 2, box.y + box.height / 2, {}, window);
      })()`);
    },
    async sidebar() {
      if (!(await reachesBrowserWindow())) {
        return (await extensionApi()).evaluate(async () => {
          const { sidebarAction } = (globalThis as unknown as { browser: ExtensionPageApi }).browser;
          const open = await sidebarAction.isOpen({});
          return { open, url: open ? await sidebarAction.getPanel({}) : null };
        });
      }
      return inBrowserWindow(`JSON.stringify({
        open: SidebarController.isOpen,
        url: SidebarController.isOpen
          ? SidebarController.browser.contentDocument?.getElementById('webext-panels-browser')?.currentURI?.spec ?? null
          : null,
      })`);
    },
    async toolbarBadge() {
      if (!(await reachesBrowserWindow())) {
        return (await extensionApi()).evaluate(async () => {
          const { browserAction } = (globalThis as unknown as { browser: ExtensionPageApi }).browser;
          return { text: await browserAction.getBadgeText({}), tooltip: await browserAction.getTitle({}) };
        });
      }
      return inBrowserWindow(`(() => {
        const button = document.getElementById(${button}).querySelector('.webextension-browser-action');
        return JSON.stringify({
          text: button.querySelector('.toolbarbutton-badge')?.textContent ?? '',
          tooltip: button.getAttribute('tooltiptext'),
        });
      })()`);
    },
    async close() {
      await browser.close();
      // Firefox's child processes may still be writing the profile for a moment after it quits (seconds on
      // a loaded machine): a temporary folder left behind is not a failure of the test.
      if (!options.profile) removeTemporary(profile);
    },
  };
}

const HTML = 'text/html; charset=utf-8';
type Answer = { body: string; contentType: string; headers?: Record<string, string> } | null;

/**
 * Answers the tab's requests to `origin` from `respond` (path with query, whether it is the navigation);
 * everything else, and whatever `respond` leaves unanswered, is refused.
 */
async function intercept(page: Page, origin: string, respond: (path: string, navigation: boolean) => Answer) {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    // A request may be gone by the time it is answered (its tab closed): nothing to answer then.
    const gone = () => undefined;
    const url = new URL(request.url());
    const reply = url.origin === origin ? respond(url.pathname + url.search, request.isNavigationRequest()) : null;
    if (!reply) return void request.abort().catch(gone);
    void request.respond({ status: 200, ...reply }).catch(gone);
  });
}

/** The same answers as the Chromium tests' `serveHelpdesk`: documents, the editor's scripts, the REST API. */
function answer(served: ServedPage, path: string, navigation: boolean): Answer {
  const pathname = path.split('?')[0] ?? path;
  const script = served.scripts?.[pathname];
  if (script !== undefined) return { body: script, contentType: 'text/javascript; charset=utf-8' };
  if (served.json && pathname in served.json)
    return { body: JSON.stringify(served.json[pathname]), contentType: 'application/json' };
  const doc = served.documents[path] ?? served.documents[pathname];
  if (!doc || !navigation) return null;
  return { body: doc(), contentType: HTML, headers: { 'content-security-policy': helpdeskPolicy } };
}

/** Sends one protocol message from an extension page, as the side panel does, and returns the raw response. */
export function sendFrom(
  page: Page,
  message: unknown,
): Promise<{ ok: boolean; data?: unknown; error?: { message: string } }> {
  return page.evaluate(
    (m) =>
      (
        globalThis as unknown as { browser: { runtime: { sendMessage(x: unknown): Promise<never> } } }
      ).browser.runtime.sendMessage(m),
    message,
  );
}

/** The register's complaints, read in an extension page (the extension's origin shares one IndexedDB). */
export function registerContents<T = Record<string, unknown>>(page: Page): Promise<T[]> {
  return page.evaluate(
    () =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('complaint-register');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('complaints').objectStore('complaints').getAll();
          request.onsuccess = () => resolve(request.result);
        };
      }),
  );
}

/** The form control a visible label names (the panel's fields are labelled, not test-id'd). */
export async function labelled(page: Page, label: string): Promise<string> {
  const id = await page.$$eval(
    'label',
    (labels, wanted) => labels.find((l) => l.textContent?.trim() === wanted)?.htmlFor ?? '',
    label,
  );
  if (!id) throw new Error(`no field labelled ${label}`);
  return `[id="${id}"]`;
}

/** The text of the first element `selector` finds. */
export const text = (page: Page, selector: string) => page.$eval(selector, (node) => (node as HTMLElement).innerText);
