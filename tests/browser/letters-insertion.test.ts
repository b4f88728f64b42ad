// Letter insertion when Gmail's reply is not open yet (the demo mailbox opens it like Gmail does), and the
// clipboard fallback when no webmail tab shows the complaint's thread. Outlook's content script too.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installDemoMailbox } from '../../scripts/demo/mailbox';
import { launch, type Session, sendFrom } from './support/chromium';
import { openGmail } from './support/gmail';

let session: Session;
let panel: Page;
const settings = {
  company: {
    name: 'Maison Lumen',
    address: '12 rue des Lampes, 69002 Lyon',
    email: 'service-client@maison-lumen.fr',
    phone: '',
    website: '',
  },
  signature: { name: 'Camille Roux', title: 'Service clients' },
};

beforeAll(async () => {
  session = await launch();
  panel = await session.openPage('sidepanel.html');
  expect((await sendFrom(panel, { type: 'settings/save', settings })).ok).toBe(true);
});
afterAll(() => session?.close());

describe('inserting a letter', () => {
  it('opens Gmail’s reply when none is open and puts the letter at its start', async () => {
    const url = await installDemoMailbox(session.context);
    const gmail = await session.context.newPage();
    await gmail.goto(url ?? '');
    await gmail.locator('tr.zA').nth(1).click();
    const button = gmail.getByTestId('log-complaint');
    await button.first().waitFor();
    expect(await gmail.locator('div[g_editable="true"]').count()).toBe(0);
    await button.first().click();
    const form = await session.openPage('sidepanel.html');
    await form.getByTestId('new-complaint-form').waitFor();
    await form.getByLabel('Motif').selectOption('produit');
    await form.getByTestId('save-complaint').click();
    const composer = form.getByTestId('letter-composer');
    await composer.getByTestId('letter-preview').waitFor();
    await composer.getByTestId('insert-letter').click();
    await expect
      .poll(() => composer.getByTestId('letter-outcome').textContent(), { timeout: 10_000 })
      .toMatch(/inséré dans la réponse/);
    const editor = gmail.locator('div[g_editable="true"]');
    expect(await editor.count()).toBe(1);
    const text = await editor.innerText();
    expect(text).toMatch(/^[\s\S]*Réf\. : REC-\d{4}-\d{4}/);
    expect(text.indexOf('Réf.')).toBeLessThan(text.search(/a écrit|wrote/));
    await form.close();
    await gmail.close();
  });

  it('copies the letter to the clipboard when no webmail tab shows the thread, and says so', async () => {
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const input = {
      receivedAt: new Date().toISOString(),
      channel: 'letter',
      customer: { name: 'Jeanne Petit', email: 'jeanne@example.fr' },
      subject: 'Courrier reçu au siège',
      category: 'facturation',
    };
    const created = (await sendFrom(panel, { type: 'complaint/create', input })) as { data: { id: string } };
    await panel.reload();
    await panel.getByTestId('tab-register').click();
    await panel.getByTestId('register-row').filter({ hasText: 'Jeanne Petit' }).click();
    const composer = panel.getByTestId('letter-composer');
    await composer.getByTestId('letter-preview').waitFor();
    await panel.bringToFront();
    await composer.getByTestId('insert-letter').click();
    await expect
      .poll(() => composer.getByTestId('letter-outcome').textContent())
      .toMatch(/copié dans le presse-papiers/);
    const copied = await panel.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('Courrier reçu au siège');
    const stored = await panel.evaluate(
      (cid) =>
        new Promise<{ letters: { channel: string }[] }>((resolve) => {
          indexedDB.open('complaint-register').onsuccess = (e) => {
            const r = (e.target as IDBOpenDBRequest).result
              .transaction('complaints')
              .objectStore('complaints')
              .get(cid);
            r.onsuccess = () => resolve(r.result);
          };
        }),
      created.data.id,
    );
    expect(stored.letters).toEqual([expect.objectContaining({ templateId: 'accuse-reception', channel: 'clipboard' })]);
  });
});

describe('Outlook on the web', () => {
  it('puts the button on the open message of the saved reading pane', async () => {
    const outlook = await openGmail(
      session.context,
      'outlook-handmade-reading-pane.html',
      'https://outlook.office.com/mail/inbox/id/AAQkADemo',
    );
    await expect.poll(() => outlook.getByTestId('log-complaint').count()).toBeGreaterThan(0);
    expect(await outlook.getByTestId('log-complaint').first().getAttribute('aria-label')).toMatch(
      /^Consigner la réclamation/,
    );
    await outlook.close();
  });
});
