// FreeScout in real Firefox ESR with the Firefox build: the real saved conversation of a local FreeScout
// (../shared/fixtures/freescout/) served at a test origin with a real Summernote (npm `summernote`, with
// jQuery), as the Chromium walk does. The helpdesk is enabled in the options (the build grants the test
// origin, the stand-in for the agent's "Allow": browser UI no test can click), the content script registered
// at run time by the product finds the customer thread, the complaint is saved with its FreeScout source, and
// the acknowledgement goes into Summernote's own model through the page-world bridge (Firefox 128+).

import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWithGrantedOrigins, freescoutConversationPage, summernoteScripts } from '../browser/support/helpdesk';
import { fixtureAvailable, fixtureFile } from '../support/fixture-files';
import { letterSettings } from '../support/letter-settings';
import {
  EXTENSION_DIR,
  type FirefoxSession,
  labelled,
  launchFirefox,
  registerContents,
  sendFrom,
  text,
} from './support/firefox';

const ORIGIN = 'https://support.example.test';
const CONVERSATION = 'freescout-fr-conversation-complaint.server.html';
const present = fixtureAvailable(CONVERSATION);

const SERVED = {
  documents: { '/conversation/1': () => freescoutConversationPage(readFileSync(fixtureFile(CONVERSATION), 'utf8')) },
  scripts: summernoteScripts(),
};

let firefox: FirefoxSession;
let panel: Page;

beforeAll(async () => {
  if (!present) return;
  firefox = await launchFirefox({ extensionDir: buildWithGrantedOrigins([ORIGIN], EXTENSION_DIR) });
  panel = await firefox.openPage('sidepanel.html');
});
afterAll(() => firefox?.close());

const summernoteCode = (page: Page) =>
  page.evaluate(() =>
    String((globalThis as unknown as { $: (s: string) => Summernote }).$('#body').summernote('code')),
  );
interface Summernote {
  summernote(command: string): unknown;
}

describe.skipIf(!present)('Firefox: FreeScout', () => {
  it('is enabled for the agent’s own origin in the options, which list it', async () => {
    const options = await firefox.openPage('options.html');
    await options.type('[data-testid="helpdesk-origin-freescout"]', `${ORIGIN}/mailbox/1/1`);
    await options.click('[data-testid="helpdesk-enable-freescout"]');
    const outcome = '[data-testid="helpdesk-freescout"] [data-testid="helpdesk-outcome"]';
    await options.waitForSelector(outcome);
    expect(await text(options, outcome)).toContain(`${ORIGIN} activé`);
    expect(await text(options, '[data-testid="helpdesk-freescout"] [data-testid="helpdesk-origins"]')).toContain(
      ORIGIN,
    );
    await options.close();
  });

  it('logs the customer thread with its FreeScout source and inserts the acknowledgement into Summernote', async () => {
    const helpdesk = await firefox.openServed(`${ORIGIN}/conversation/1`, SERVED);
    const button = '#thread-1 .thread-title [data-testid="log-complaint"]';
    await helpdesk.waitForSelector(button, { timeout: 20_000 });
    // Agent replies and notes get no button: one per customer thread.
    const buttons = await helpdesk.$$eval('[data-testid="log-complaint"]', (nodes) => nodes.length);
    const customerThreads = await helpdesk.$$eval('.thread.thread-type-customer', (nodes) => nodes.length);
    expect(buttons).toBe(customerThreads);
    await helpdesk.click(button);

    const form = await firefox.openPage('sidepanel.html');
    await form.waitForSelector('[data-testid="new-complaint-form"]');
    expect(await form.$eval(await labelled(form, 'Nom du client'), (i) => (i as HTMLInputElement).value)).toBe(
      'Marie Dupont',
    );
    await form.select(await labelled(form, 'Motif'), 'livraison');
    await form.click('[data-testid="save-complaint"]');
    await form.waitForSelector('[data-testid="saved-notice"]');
    const [stored] = await registerContents<{ reference: string; source: Record<string, string> }>(form);
    expect(stored?.source).toEqual({
      webmail: 'freescout',
      messageId: 'freescout:1:1',
      threadId: 'freescout:1',
      url: `${ORIGIN}/conversation/1`,
    });

    const settings = letterSettings('Agathe Conseil', { email: 'service-client@example.test', phone: '' });
    expect((await sendFrom(panel, { type: 'settings/save', settings })).ok).toBe(true);
    await form.waitForSelector('[data-testid="letter-composer"] [data-testid="letter-preview"]');
    await form.click('[data-testid="letter-composer"] [data-testid="insert-letter"]');
    await expect
      .poll(() => text(form, '[data-testid="letter-composer"] [data-testid="letter-outcome"]'), { timeout: 15_000 })
      .toMatch(/inséré dans la réponse/);
    // Summernote's own model holds the letter, at the start; the reply was opened first.
    const code = await summernoteCode(helpdesk);
    expect(code).toContain(stored?.reference);
    expect(code.replace(/<[^>]+>/g, '').indexOf(stored?.reference ?? '')).toBeGreaterThan(0);
    expect(await helpdesk.$eval('.conv-reply-block', (b) => b.className)).not.toContain('hidden');
    // The button became the complaint's chip.
    await expect
      .poll(() => helpdesk.$$eval('[data-testid="complaint-chip"]', (nodes) => nodes.length), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await form.close();
    await helpdesk.close();
  });
});
