// Helpdesks in the test browser. A helpdesk runs only on an origin the agent grants at run time; a test cannot
// click the browser's own permission prompt (it is browser UI, out of reach of Playwright and CDP), so the test
// loads a copy of the build whose manifest already holds the test origin as a host permission: the options
// page's `permissions.request` then resolves at once, as after the agent's "Allow", and everything after it
// (registration, injection, the options' list) is the product's own code.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { EXTENSION_DIR, type Session } from './chromium';

const require = createRequire(import.meta.url);

/**
 * A copy of a build (by default .output/chrome-mv3; the Firefox MV2 build too) with `origins` pre-granted: the
 * stand-in for the agent's answer to the prompt.
 */
export function buildWithGrantedOrigins(origins: string[], from = EXTENSION_DIR): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'registre-helpdesk-')), basename(from));
  cpSync(from, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const hosts = origins.map((o) => `${o}/*`);
  // MV3 grants hosts in host_permissions; MV2 (Firefox) lists them among the permissions.
  if (manifest.manifest_version === 2) manifest.permissions = [...manifest.permissions, ...hosts];
  else manifest.host_permissions = hosts;
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

/** Enables a helpdesk the way the agent does: the options page, the origin typed, "Activer". */
export async function enableInOptions(session: Session, system: 'freescout' | 'zendesk', input: string): Promise<Page> {
  const options = await session.openPage('options.html');
  await options.getByTestId(`helpdesk-origin-${system}`).fill(input);
  await options.getByTestId(`helpdesk-enable-${system}`).click();
  await options.getByTestId(`helpdesk-${system}`).getByTestId('helpdesk-outcome').waitFor();
  return options;
}

/** Files of an npm package, served to the test page (never copied into the project). */
export function packageFile(pkg: string, path: string): string {
  return readFileSync(join(dirname(require.resolve(`${pkg}/package.json`)), path), 'utf8');
}

export const TEST_NONCE = 'rr-test-wiring';
/**
 * The served pages' policy: their scripts are ours (the real editor, and the test's wiring carrying
 * TEST_NONCE); an inline handler or script coming from ticket content has no nonce and never runs.
 */
export const helpdeskPolicy = `script-src 'self' 'nonce-${TEST_NONCE}'; object-src 'none'`;

export interface ServedPage {
  /** Path (with query) → HTML of a document. */
  documents: Record<string, () => string>;
  /** Path → JavaScript served from node_modules (the helpdesk's real editor). */
  scripts?: Record<string, string>;
  /** Path → JSON answer (the helpdesk's REST API, read with the agent's session). */
  json?: Record<string, unknown>;
}

/** Serves `origin` from memory: the given documents and scripts, everything else refused. */
export async function serveHelpdesk(context: BrowserContext, origin: string, served: ServedPage): Promise<void> {
  await context.route(`${origin}/**`, (route) => {
    const url = new URL(route.request().url());
    const script = served.scripts?.[url.pathname];
    if (script !== undefined) return route.fulfill({ body: script, contentType: 'text/javascript; charset=utf-8' });
    if (served.json && url.pathname in served.json)
      return route.fulfill({ body: JSON.stringify(served.json[url.pathname]), contentType: 'application/json' });
    const doc = served.documents[url.pathname + url.search] ?? served.documents[url.pathname];
    if (!doc || route.request().resourceType() !== 'document') return route.abort();
    return route.fulfill({
      body: doc(),
      contentType: 'text/html; charset=utf-8',
      headers: { 'content-security-policy': helpdeskPolicy },
    });
  });
}

/** The scripts FreeScout's conversation page runs in the tests: jQuery and the real Summernote, from node_modules. */
export const summernoteScripts = (): Record<string, string> => ({
  '/test-vendor/jquery.js': packageFile('jquery', 'dist/jquery.min.js'),
  '/test-vendor/summernote-lite.js': packageFile('summernote', 'dist/summernote-lite.min.js'),
});

/**
 * A saved FreeScout conversation (its HTML) as FreeScout's browser would run it: the capture's CSP meta dropped,
 * Summernote turned on as FreeScout's own script does, the reply control wired (its script was cut from the
 * saved page), and `window.__ready` set once done. Used by the Chromium and the Firefox walks.
 */
export function freescoutConversationPage(html: string): string {
  const wiring = `<script src="/test-vendor/jquery.js"></script>
<script src="/test-vendor/summernote-lite.js"></script>
<script nonce="${TEST_NONCE}">
  $('#body').summernote({ height: 200 });
  $('.conv-reply').on('click', function () { $('.conv-reply-block').removeClass('hidden'); });
  window.__ready = true;
</script>`;
  return html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '').replace('</body>', `${wiring}</body>`);
}

/** Opens a served helpdesk page in a new tab, recording its dialogs, once its editor says it is ready. */
export async function openReadyPage(context: BrowserContext, url: string, dialogs: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url);
  await page.waitForFunction(() => (window as { __ready?: boolean }).__ready === true);
  return page;
}

/** The complaints stored, read from an extension page. */
export const storedComplaints = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<
        {
          id: string;
          reference: string;
          phase: string;
          subject: string;
          excerpt: string;
          customer: { name: string; email?: string };
          source: { webmail: string; messageId?: string; threadId?: string; url?: string };
          letters: { templateId: string; channel: string }[];
        }[]
      >((resolve) => {
        indexedDB.open('complaint-register').onsuccess = (e) => {
          const r = (e.target as IDBOpenDBRequest).result.transaction('complaints').objectStore('complaints').getAll();
          r.onsuccess = () => resolve(r.result);
        };
      }),
  );
