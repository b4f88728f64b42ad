// Serves a saved webmail page at its real address inside the test browser. The page's own scripts are
// kept inert by a `script-src 'none'` policy (content scripts are not subject to the page's CSP), and
// every other request from the page is refused: nothing leaves the machine.
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { fixtureFile } from '../../support/fixture-files';

export const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrTest';

export async function serveWebmail(context: BrowserContext, origin: string, html: () => string): Promise<void> {
  await context.route(`${origin}/**`, (route) => {
    if (route.request().resourceType() !== 'document') return route.abort();
    return route.fulfill({
      body: html(),
      contentType: 'text/html; charset=utf-8',
      headers: { 'content-security-policy': "script-src 'none'; frame-src 'none'; object-src 'none'" },
    });
  });
}

/** Routes the webmail of `url` (mail.google.com by default) to `fixture` (a saved page's name, or a function giving the HTML). */
export async function openGmail(
  context: BrowserContext,
  fixture: string | (() => string),
  url = GMAIL_URL,
): Promise<Page> {
  const html = typeof fixture === 'string' ? () => readFileSync(fixtureFile(fixture), 'utf8') : fixture;
  await serveWebmail(context, new URL(url).origin, html);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}
