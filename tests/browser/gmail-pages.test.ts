// The content script living in Gmail's single-page app: navigation, late threads, list chips, hostile mail.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedFixturesPresent } from '../support/fixture-files';
import { launch, type Session, sendFrom } from './support/chromium';
import { openGmail } from './support/gmail';

let session: Session;
let panel: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  session = await launch();
  session.context.on('page', (p) => p.on('dialog', (d) => dialogs.push(d.message()) && void d.dismiss()));
  panel = await session.openPage('sidepanel.html');
});
afterAll(() => session?.close());

describe.skipIf(!sharedFixturesPresent)('Gmail as a single-page app', () => {
  it('does not duplicate buttons when Gmail re-renders the thread, and finds a thread that loads late', async () => {
    const gmail = await openGmail(session.context, 'SubstrateLabs_brocc__gmail-inbox-thread.html');
    await expect.poll(() => gmail.getByTestId('log-complaint').count()).toBe(1);
    // Leave the thread (Gmail removes it from the DOM), then come back: Gmail builds it anew, later.
    await gmail.evaluate(() => {
      const main = document.querySelector('[role="list"]')?.parentElement;
      if (!main) throw new Error('thread container not found');
      // Gmail's own markup, kept aside without our widgets, as Gmail keeps its model of the thread.
      const saved = main.cloneNode(true) as Element;
      for (const widget of Array.from(saved.querySelectorAll('[data-rr]'))) widget.remove();
      main.replaceChildren();
      (globalThis as { __thread?: [Element, Element] }).__thread = [main, saved];
    });
    await expect.poll(() => gmail.getByTestId('log-complaint').count()).toBe(0);
    await gmail.waitForTimeout(400);
    await gmail.evaluate(() => {
      const [main, saved] = (globalThis as { __thread?: [Element, Element] }).__thread ?? [];
      // Back to the thread: Gmail builds fresh nodes, a little later.
      setTimeout(() => main?.replaceChildren(...Array.from(saved?.cloneNode(true).childNodes ?? [])), 300);
    });
    await expect.poll(() => gmail.getByTestId('log-complaint').count(), { timeout: 5000 }).toBe(1);
    // Unrelated mutations (Gmail updates timestamps and counters all the time) add nothing.
    await gmail.evaluate(() => {
      for (let i = 0; i < 50; i++) document.body.append(document.createElement('span'));
    });
    await gmail.waitForTimeout(600);
    expect(await gmail.getByTestId('log-complaint').count()).toBe(1);
    await gmail.close();
  });

  it('puts a phase chip on the rows of threads already in the register, keyboard reachable', async () => {
    const input = {
      receivedAt: '2025-04-08T09:26:00Z',
      channel: 'email',
      source: { webmail: 'gmail', messageId: 'msg-f:1828848632916392937', threadId: 'thread-f:1828848632916392937' },
      customer: { name: 'Client de test', email: 'client@example.fr' },
      subject: 'Récapitulatif',
      category: 'service',
    };
    expect((await sendFrom(panel, { type: 'complaint/create', input })).ok).toBe(true);
    const gmail = await openGmail(session.context, 'SubstrateLabs_brocc__gmail-inbox.html');
    const chip = gmail.getByTestId('row-chip');
    await expect.poll(() => chip.count()).toBe(1);
    expect(await chip.textContent()).toMatch(/^REC-\d{4}-\d{4}$/);
    expect(await chip.getAttribute('aria-label')).toMatch(/^Conversation consignée : réclamation REC-.*, Enregistrée$/);
    expect(await chip.evaluate((el) => el.tagName)).toBe('BUTTON');
    // The first row is the logged thread.
    expect(await gmail.locator('tr.zA').first().getByTestId('row-chip').count()).toBe(1);
    await gmail.close();
  });
});

describe('a hostile email', () => {
  it('executes nothing in Gmail or in the panel: its HTML stays text everywhere', async () => {
    const gmail = await openGmail(session.context, 'gmail-handmade-hostile.html');
    await gmail.getByTestId('log-complaint').click();
    const hostilePanel = await session.openPage('sidepanel.html');
    const form = hostilePanel.getByTestId('new-complaint-form');
    await form.waitFor();
    expect(await hostilePanel.getByLabel('Nom du client').inputValue()).toBe('<img src=x onerror=alert(1)>Eve');
    expect(await hostilePanel.getByLabel('Objet').inputValue()).toContain('<script>alert("subject")</script>');
    await hostilePanel.getByLabel('Motif').selectOption('facturation');
    await hostilePanel.getByTestId('save-complaint').click();
    await hostilePanel.getByTestId('complaint-header').waitFor();
    expect(await hostilePanel.getByTestId('complaint-header').innerText()).toContain('<img src=x onerror=alert(1)>Eve');
    expect(await hostilePanel.locator('main img, main script, main iframe').count()).toBe(0);
    await expect.poll(() => gmail.getByTestId('complaint-chip').count()).toBe(1);
    expect(await gmail.getByTestId('complaint-chip').locator('*').count()).toBe(0);
    const flags = await gmail.evaluate(() => Object.keys(globalThis).filter((k) => k.startsWith('__pwned')));
    expect(flags).toEqual([]);
    expect(dialogs).toEqual([]);
    await hostilePanel.close();
    await gmail.close();
  });
});
