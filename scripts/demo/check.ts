// A manual end-to-end check of the demo mailbox with the built extension, in real Chromium (headless):
// `npx wxt build && npx tsx scripts/demo/check.ts [screenshot dir, default .demo-profile/check]`. Not part of `npm test`.
// It opens the mailbox, seeds the register, and checks the chip on the seeded row, the "log complaint"
// button on an opened thread, the reply editor, sending, and back/forward; screenshots go to the directory.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator } from 'playwright-core';
import { badge, launch } from '../../tests/browser/support/chromium';
import { installDemoMailbox, seedDemoRegister } from './mailbox';

const OUT = resolve(process.argv[2] ?? '.demo-profile/check');

interface ChromeTabs {
  tabs: {
    query(q: object): Promise<{ id?: number }[]>;
    sendMessage(id: number, m: unknown): Promise<unknown>;
  };
}

// The text as the agent sees it (line breaks from the layout): Playwright's innerText, on purpose.
// biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator, not a DOM node
const shown = (locator: Locator) => locator.innerText();

function step(text: string) {
  console.log(`✔ ${text}`);
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const session = await launch();
  try {
    const now = new Date();
    const url = await installDemoMailbox(session.context, now);
    if (!url) throw new Error('no mailbox');
    const panel = await session.openPage('sidepanel.html');
    const seed = await seedDemoRegister(panel, now);
    step(`register seeded: ${JSON.stringify(seed)}`);
    const again = await seedDemoRegister(panel, now);
    if (again.seeded) throw new Error('seeded twice');
    step(`second seeding refused: ${again.reason}`);
    const toolbar = await badge(session.worker);
    step(`badge: "${toolbar.text}" — ${toolbar.title}`);

    const page = await session.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(url);
    await page.locator('tr.zA').first().waitFor();
    step(`inbox: ${await page.locator('tr.zA').count()} rows`);
    const chip = page.getByTestId('row-chip');
    await chip.waitFor({ timeout: 10_000 });
    step(`row chip: ${await chip.textContent()} (${await chip.getAttribute('class')})`);
    await page.screenshot({ path: `${OUT}/inbox.png` });

    await page.locator('tr.zA', { hasText: 'Lampe arrivée cassée' }).click();
    await page.locator('h2.hP').waitFor();
    const log = page.getByTestId('log-complaint');
    await log.waitFor({ timeout: 10_000 });
    step(`thread: ${page.url()} — button "${await log.textContent()}" (${await log.getAttribute('class')})`);
    await page.screenshot({ path: `${OUT}/thread.png` });

    await page.locator('.amn span.ams.bkH').click();
    const editor = page.locator('div[contenteditable="true"][role="textbox"][g_editable="true"]');
    await editor.waitFor();
    await editor.focus();
    await page.keyboard.type('Bonjour Madame Garnier,');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Nous vous envoyons une lampe neuve dès aujourd’hui.');
    step('reply editor open and typed into');
    await page.screenshot({ path: `${OUT}/reply.png` });
    await page.getByRole('button', { name: 'Envoyer (Ctrl+Entrée)' }).click();
    await page.getByRole('alert').filter({ hasText: 'Message envoyé' }).waitFor();
    const sent = page.locator('div.adn.ads').last();
    step(`sent: ${await sent.locator('span.gD').getAttribute('email')} — ${await shown(sent.locator('div.a3s'))}`);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="log-complaint"]').length === 2);
    step('after sending, both messages carry the "log complaint" button again');
    await page.screenshot({ path: `${OUT}/sent.png` });

    await page.goBack();
    await page.locator('tr.zA').first().waitFor();
    step(`back: ${page.url()}`);
    await page.goForward();
    await page.locator('h2.hP').waitFor();
    step(`forward: ${page.url()} — ${await page.locator('div.adn.ads').count()} messages`);

    await page.getByRole('button', { name: 'Retour à Boîte de réception' }).click();
    await page.locator('tr.zA', { hasText: 'jamais reçue' }).click();
    await page.getByTestId('complaint-chip').waitFor({ timeout: 10_000 });
    step(`seeded thread: chip "${await page.getByTestId('complaint-chip').textContent()}"`);
    await page.screenshot({ path: `${OUT}/seeded-thread.png` });

    // The side panel's "insert the letter" path: the content script presses Répondre and waits for the editor.
    await page.bringToFront();
    const inserted = await panel.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: ChromeTabs }).chrome;
      const [tab] = await api.tabs.query({ active: true });
      return api.tabs.sendMessage(tab?.id ?? -1, {
        type: 'letter/insert',
        letter: {
          text: 'Bonjour Monsieur Benali,\n\nVotre colis a été retrouvé.',
          html: '<p>Bonjour Monsieur Benali,</p>\n<p>Votre colis a été retrouvé.</p>',
        },
      });
    });
    step(`letter/insert answered ${JSON.stringify(inserted)}`);
    const letterEditor = page.locator('div[g_editable="true"]');
    await letterEditor.waitFor();
    step(`editor starts with: ${JSON.stringify((await shown(letterEditor)).slice(0, 60))}`);
    await page.screenshot({ path: `${OUT}/letter.png` });
    await page.getByRole('button', { name: 'Envoyer (Ctrl+Entrée)' }).click();
    await page.locator('div.adn.ads').nth(2).waitFor();
    step(`letter sent: ${JSON.stringify(await shown(page.locator('div.adn.ads').nth(2).locator('div.a3s')))}`);
    if (errors.length) console.log('page errors:\n', errors.join('\n'));
  } finally {
    await session.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
