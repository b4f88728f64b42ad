// FreeScout in real Chromium with the built extension: the real saved pages of a local FreeScout 1.8.235
// (../shared/fixtures/freescout/) served at a test origin, with a real Summernote (npm `summernote`, with
// jQuery) turned on on the conversation page as FreeScout's own script does. The whole walk: the helpdesk
// enabled in the options, the button on the customer thread, the panel prefilled, save, the acknowledgement
// letter inserted into the reply (opened first) through Summernote's API, acknowledged, and the list's chip.

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureAvailable, fixtureFile } from '../support/fixture-files';
import { letterSettings } from '../support/letter-settings';
import { launch, type Session, sendFrom } from './support/chromium';
import {
  buildWithGrantedOrigins,
  enableInOptions,
  freescoutConversationPage,
  openReadyPage,
  serveHelpdesk,
  storedComplaints,
  summernoteScripts,
} from './support/helpdesk';

const ORIGIN = 'https://support.example.test';
const CONVERSATION = 'freescout-fr-conversation-complaint.server.html';
const LIST = 'freescout-fr-list-unassigned.dom.html';
const present = fixtureAvailable(CONVERSATION) && fixtureAvailable(LIST);

/** The saved conversation as FreeScout's browser would run it, after an optional edit of its HTML. */
const conversationPage = (edit: (html: string) => string = (html) => html) =>
  freescoutConversationPage(edit(readFileSync(fixtureFile(CONVERSATION), 'utf8')));

let session: Session;
let helpdesk: Page;
let panel: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  if (!present) return;
  session = await launch({ extensionDir: buildWithGrantedOrigins([ORIGIN]) });
  await serveHelpdesk(session.context, ORIGIN, {
    documents: {
      '/conversation/1': () => conversationPage(),
      '/conversation/66': () =>
        conversationPage((html) =>
          html
            .replaceAll('data-conversation_id="1"', 'data-conversation_id="66"')
            .replaceAll('Marie Dupont</a>', '&lt;img src=x onerror="window.__pwned=1"&gt;Eve</a>')
            .replace(
              '<span>Réclamation : colis',
              '<span>&lt;script&gt;window.__pwned2=1&lt;/script&gt; Réclamation : colis',
            )
            .replace(
              'value="Réclamation : colis',
              'value="&lt;script&gt;window.__pwned2=1&lt;/script&gt; Réclamation : colis',
            )
            .replace('<p>Bonjour,</p>', '<p>Bonjour,<img src="x" onerror="window.__pwned3=1"></p>'),
        ),
      '/mailbox/1/1': () => readFileSync(fixtureFile(LIST), 'utf8'),
    },
    scripts: summernoteScripts(),
  });
});
afterAll(() => session?.close());

const summernoteCode = (page: Page) => page.evaluate(() => String($('#body').summernote('code')));
/** The page's jQuery with Summernote (the page's own global, inside `evaluate`). */
declare const $: (selector: string) => { summernote(command: string): unknown };

describe.skipIf(!present)('FreeScout: the whole walk on the real pages', () => {
  it('is enabled for the agent’s own origin in the options, which list it', async () => {
    const options = await enableInOptions(session, 'freescout', `${ORIGIN}/mailbox/1/1`);
    const form = options.getByTestId('helpdesk-freescout');
    expect(await form.getByTestId('helpdesk-outcome').innerText()).toContain(`${ORIGIN} activé`);
    expect(await form.getByTestId('helpdesk-origins').innerText()).toContain(ORIGIN);
    expect(await options.getByTestId('helpdesk-zendesk').innerText()).toContain('Aucune adresse activée');
    await options.close();
  });

  it('puts the button on the customer thread; the panel opens prefilled; the complaint is saved with its source', async () => {
    helpdesk = await openReadyPage(session.context, `${ORIGIN}/conversation/1`, dialogs);
    const button = helpdesk.locator('#thread-1 .thread-title').getByTestId('log-complaint');
    await button.click();
    panel = await session.openPage('sidepanel.html');
    panel.on('dialog', (d) => void d.accept());
    await panel.getByTestId('new-complaint-form').waitFor();
    expect(await panel.getByLabel('Nom du client').inputValue()).toBe('Marie Dupont');
    expect(await panel.getByLabel('Objet').inputValue()).toBe('Réclamation : colis n°FR123456 arrivé endommagé');
    await panel.getByLabel('Motif').selectOption('livraison');
    await panel.getByTestId('save-complaint').click();
    await panel.getByTestId('saved-notice').waitFor();
    const [stored] = await storedComplaints(panel);
    expect(stored?.source).toEqual({
      webmail: 'freescout',
      messageId: 'freescout:1:1',
      threadId: 'freescout:1',
      url: `${ORIGIN}/conversation/1`,
    });
    expect(stored?.customer.email).toBe('marie.dupont@example.test');
    expect(stored?.excerpt).toMatch(/^Bonjour,\n\nJ'ai reçu ma commande n°FR123456/);
    // "Ouvrir la conversation" goes back to the ticket.
    expect(await panel.getByTestId('open-source').getAttribute('href')).toBe(`${ORIGIN}/conversation/1`);
    await expect.poll(() => helpdesk.getByTestId('complaint-chip').count()).toBe(1);
  });

  it('opens the reply and inserts the acknowledgement at the start through Summernote, undoable; then acknowledges', async () => {
    const settings = letterSettings('Agathe Conseil', { email: 'service-client@example.test', phone: '' });
    expect((await sendFrom(panel, { type: 'settings/save', settings })).ok).toBe(true);
    expect(await helpdesk.locator('.conv-reply-block').getAttribute('class')).toContain('hidden');
    const composer = panel.getByTestId('letter-composer');
    await composer.getByTestId('letter-preview').waitFor();
    await composer.getByTestId('insert-letter').click();
    await expect.poll(() => composer.getByTestId('letter-outcome').textContent()).toMatch(/inséré dans la réponse/);
    const [stored] = await storedComplaints(panel);
    const reference = stored?.reference ?? '';
    expect(await helpdesk.locator('.conv-reply-block').getAttribute('class')).not.toContain('hidden');
    // Summernote's own model holds the letter, at the start (the empty line it began with comes after).
    const code = await summernoteCode(helpdesk);
    expect(code).toContain(reference);
    expect(code.startsWith('<p>')).toBe(true);
    expect(code.replace(/<[^>]+>/g, '').indexOf(reference)).toBeGreaterThan(0);
    expect(stored?.letters).toEqual([expect.objectContaining({ templateId: 'accuse-reception', channel: 'reply' })]);
    // One step of Summernote's own undo takes the letter out again.
    await helpdesk.evaluate(() => $('#body').summernote('undo'));
    expect(await summernoteCode(helpdesk)).not.toContain(reference);
    await helpdesk.evaluate(() => $('#body').summernote('redo'));
    expect(await summernoteCode(helpdesk)).toContain(reference);

    await panel.getByTestId('mark-acknowledged').first().click();
    await expect.poll(async () => (await storedComplaints(panel))[0]?.phase).toBe('acknowledged');
  });

  it('shows the phase on the chip of the conversation’s row in the mailbox list, and only there', async () => {
    const reference = (await storedComplaints(panel))[0]?.reference;
    // On the conversation, the chip that replaced the button names the phase.
    await expect.poll(() => helpdesk.getByTestId('complaint-chip').innerText()).toMatch(/accus/i);
    await helpdesk.goto(`${ORIGIN}/mailbox/1/1`);
    const chips = helpdesk.getByTestId('row-chip');
    await expect.poll(() => chips.count()).toBe(1);
    const row = helpdesk.locator('tr.conv-row[data-conversation_id="1"]');
    expect(await row.getByTestId('row-chip').count()).toBe(1);
    expect(await chips.first().innerText()).toBe(reference);
    expect(await chips.first().getAttribute('aria-label')).toMatch(/accus/i);
    await helpdesk.close();
  });

  it('executes nothing from hostile ticket content (subject, customer name, body)', async () => {
    const page = await openReadyPage(session.context, `${ORIGIN}/conversation/66`, dialogs);
    await page.getByTestId('log-complaint').click();
    const hostilePanel = await session.openPage('sidepanel.html');
    await hostilePanel.getByTestId('new-complaint-form').waitFor();
    expect(await hostilePanel.getByLabel('Nom du client').inputValue()).toBe(
      '<img src=x onerror="window.__pwned=1">Eve',
    );
    expect(await hostilePanel.getByLabel('Objet').inputValue()).toContain('<script>window.__pwned2=1</script>');
    await hostilePanel.getByLabel('Motif').selectOption('facturation');
    await hostilePanel.getByTestId('save-complaint').click();
    await hostilePanel.getByTestId('complaint-header').waitFor();
    expect(await hostilePanel.getByTestId('complaint-header').innerText()).toContain('<img src=x onerror');
    expect(await hostilePanel.locator('main img, main script, main iframe').count()).toBe(0);
    await expect.poll(() => page.getByTestId('complaint-chip').count()).toBe(1);
    const flags = await page.evaluate(() => Object.keys(globalThis).filter((k) => k.startsWith('__pwned')));
    expect(flags).toEqual([]);
    expect(dialogs).toEqual([]);
    await hostilePanel.close();
    await page.close();
  });

  it('is turned off from the options: the origin leaves the list and a new page gets no button', async () => {
    const options = await session.openPage('options.html');
    const form = options.getByTestId('helpdesk-freescout');
    await form.getByRole('button', { name: `Retirer ${ORIGIN}` }).click();
    await expect.poll(() => form.innerText()).toContain('Aucune adresse activée');
    const page = await openReadyPage(session.context, `${ORIGIN}/conversation/1`, []);
    await page.waitForTimeout(1000);
    expect(await page.getByTestId('log-complaint').count()).toBe(0);
    await page.close();
    await options.close();
  });
});
