// The content script on real saved Gmail pages, in real Chromium with the built extension.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedFixturesPresent } from '../support/fixture-files';
import { launch, type Session } from './support/chromium';
import { openGmail } from './support/gmail';

let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(() => session?.close());

const registerContents = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<
        {
          reference: string;
          subject: string;
          customer: { name: string; email?: string };
          source: Record<string, string>;
          receivedAt: string;
          phase: string;
        }[]
      >((resolve) => {
        indexedDB.open('complaint-register').onsuccess = (e) => {
          const request = (e.target as IDBOpenDBRequest).result
            .transaction('complaints')
            .objectStore('complaints')
            .getAll();
          request.onsuccess = () => resolve(request.result);
        };
      }),
  );

describe('Gmail: the open thread', () => {
  it.skipIf(!sharedFixturesPresent)(
    'puts a "Consigner la réclamation" button on every customer message of a real thread, not on the agent’s own reply',
    async () => {
      const gmail = await openGmail(session.context, 'SubstrateLabs_brocc__gmail-inbox-thread.html');
      const buttons = gmail.getByTestId('log-complaint');
      await expect.poll(() => buttons.count()).toBe(1);
      // The second message is the signed-in account's own reply (the page title names the account).
      expect(await gmail.locator('div.adn').nth(0).getByTestId('log-complaint').count()).toBe(1);
      expect(await gmail.locator('div.adn').nth(1).getByTestId('log-complaint').count()).toBe(0);
      expect(await buttons.first().getAttribute('aria-label')).toMatch(/^Consigner la réclamation/);
      expect(await buttons.first().textContent()).toBe('Consigner la réclamation');
      await gmail.close();
    },
  );

  it('logs a message in one click: the side panel opens prefilled, and saving creates the complaint with the right fields', async () => {
    const gmail = await openGmail(session.context, 'gmail-handmade-reply-open.html');
    const button = gmail.getByTestId('log-complaint');
    await expect.poll(() => button.count()).toBe(1);
    await button.click();

    const panel = await session.openPage('sidepanel.html');
    const form = panel.getByTestId('new-complaint-form');
    await form.waitFor();
    expect(await panel.getByLabel('E-mail du client').inputValue()).not.toBe('');
    // Why it looks like a complaint: the cues with the customer's words, then the words the model weighed.
    const why = await panel.getByTestId('spot-explanation').textContent();
    expect(why).toContain('jamais reçu');
    expect(why).toMatch(/mots qui ont pesé : « [^»]+ »/);
    await panel.getByLabel('Motif').selectOption('livraison');
    await panel.getByTestId('save-complaint').click();
    await panel.getByTestId('saved-notice').waitFor();
    expect(await panel.getByTestId('complaint-reference').textContent()).toMatch(/^REC-\d{4}-\d{4}$/);

    const [saved] = await registerContents(panel);
    expect(saved?.source).toMatchObject({
      webmail: 'gmail',
      messageId: 'msg-f:1829000000000000001',
      threadId: expect.stringMatching(/^thread-f:/),
    });
    expect(saved?.phase).toBe('registered');

    // The button becomes the complaint's chip, with its reference and phase.
    const chip = gmail.getByTestId('complaint-chip');
    await expect.poll(() => chip.count()).toBe(1);
    expect(await chip.textContent()).toContain(saved?.reference);
    expect(await chip.getAttribute('aria-label')).toMatch(/^Réclamation REC-.*Enregistrée/);
    expect(await gmail.getByTestId('log-complaint').count()).toBe(0);
    await panel.close();
    await gmail.close();
  });
});
