// Outlook on the web, against the HAND-MADE page only (no real saved page was found; see SOURCES.md).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adapterFor, readPage } from '../../lib/webmail/index';
import { outlookAdapter } from '../../lib/webmail/outlook';
import type { SavedPage } from '../../scripts/cli/saved-page';
import { loadFixture, PARIS } from './fixtures';

let page: SavedPage;
beforeEach(() => {
  page = loadFixture('outlook-handmade-reading-pane.html');
});
afterEach(async () => {
  await page.close();
});

const CONV = 'AAQkADAwATM0MDAAMS1hZDEwLTAwAi0wMAoAEAB4mT9r2nFhRqZp0d8y3Q1c';

describe('Outlook adapter (hand-made reading pane)', () => {
  it('is recognised by DOM shape and not taken for Gmail', () => {
    expect(adapterFor(page.document)?.id).toBe('outlook');
  });

  it('reads the conversation: one message per body, the quoted history and signature trimmed', () => {
    const { adapter, messages } = readPage(page.document, PARIS);
    expect(adapter).toBe('outlook');
    expect(messages).toHaveLength(2);
    expect(messages[0]).toEqual({
      messageId: `owa:${CONV}:2025-04-08T09:26:00.000Z:claire.martin@example.fr`,
      threadId: CONV,
      from: { name: 'Claire Martin', email: 'claire.martin@example.fr' },
      to: [{ name: 'Service client', email: 'service.client@example.com' }],
      subject: 'Réclamation commande 4471 : colis jamais reçu',
      date: '2025-04-08T09:26:00.000Z',
      text: expect.stringMatching(/^Bonjour,\n\nJ'ai commandé .*\n\nCordialement,\nClaire Martin$/s),
    });
    expect(messages[1]?.to.map((p) => p.email)).toEqual(['service.client@example.com', 'litiges@example.com']);
    expect(messages[1]?.text).toBe('Toujours rien reçu. Je relance ma demande de remboursement.');
  });

  it('lists the rows with the same conversation id as the open thread', () => {
    const { threads } = readPage(page.document, PARIS);
    expect(threads.map((t) => t.threadId)).toEqual([
      CONV,
      'AAQkADAwATM0MDAAMS1hZDEwLTAwAi0wMAoAEABHz3kpT0lLcE8oM2VQ9s1a',
      'AAQkADAwATM0MDAAMS1hZDEwLTAwAi0wMAoAEAC0TmPq3mB8Sa2Sx5W8cH7e',
    ]);
    expect(threads[1]).toEqual({
      threadId: 'AAQkADAwATM0MDAAMS1hZDEwLTAwAi0wMAoAEABHz3kpT0lLcE8oM2VQ9s1a',
      subject: 'Facture en double',
      from: [{ name: 'Paul Durand', email: 'paul.durand@example.org' }],
      date: '2025-04-07T15:40:00.000Z',
    });
  });

  it('finds the reply editor (not the search box) and inserts the letter above signature and quote', () => {
    const message = outlookAdapter.readMessages(page.document, PARIS)[1]?.element;
    const editor = outlookAdapter.findReplyEditor(page.document, message);
    expect(editor?.getAttribute('role')).toBe('textbox');
    if (!editor) return;
    expect(outlookAdapter.insertLetter(editor, { text: 'Madame,\nNous revenons vers vous.' })).toBe(true);
    expect(editor.firstElementChild?.textContent).toBe('Madame,Nous revenons vers vous.');
    const all = Array.from(editor.querySelectorAll('*'));
    expect(all.indexOf(editor.querySelector('#Signature') as Element)).toBeGreaterThan(0);
    expect(all.indexOf(editor.querySelector('#divRplyFwdMsg') as Element)).toBeGreaterThan(0);
  });

  it("presses the message's own Reply button and anchors buttons in its header", () => {
    const message = outlookAdapter.readMessages(page.document, PARIS)[0]?.element;
    if (!message) throw new Error('no message');
    let pressed = false;
    message.querySelector('button[aria-label="Répondre"]')?.addEventListener('click', () => {
      pressed = true;
    });
    expect(outlookAdapter.openReply(page.document, message)).toBe(true);
    expect(pressed).toBe(true);
    expect(
      outlookAdapter.messageHeaderAnchor(message)?.querySelector('[data-testid="SentReceivedSavedTime"]'),
    ).not.toBeNull();
  });
});
