// FreeScout, against the real pages a local FreeScout 1.8.235 rendered (../shared/fixtures/freescout/, values
// from its SOURCES.md). Skipped, with one line, when the shared set is absent.
import { afterAll, describe, expect, it } from 'vitest';
import { freescoutAdapter } from '../../lib/webmail/freescout';
import { adapterFor, readPage } from '../../lib/webmail/index';
import { runReadPageCli } from '../../scripts/cli/read-page';
import type { SavedPage } from '../../scripts/cli/saved-page';
import { fixtureAvailable, fixturePath, loadFixture, PARIS } from './fixtures';
import { FREESCOUT_PAGES as F } from './selector-expectations';

const loaded: SavedPage[] = [];
function open(name: string): Document {
  const page = loadFixture(name);
  loaded.push(page);
  return page.document;
}
afterAll(async () => {
  for (const page of loaded) await page.close();
});

const present = fixtureAvailable(F.complaint);
const first60 = (text: string) => text.replace(/\s+/g, ' ').slice(0, 60);

describe.skipIf(!present)('FreeScout adapter (real pages of a local FreeScout 1.8.235)', () => {
  it('recognises every page by its markup, with no hostname', () => {
    for (const name of Object.values(F)) expect(adapterFor(open(name))?.id, name).toBe('freescout');
  });

  it.each([F.server, F.complaint, F.replyInserted])('reads conversation 1 and its customer thread (%s)', (name) => {
    const { messages, threads } = readPage(open(name), PARIS);
    expect(threads).toEqual([]);
    expect(messages).toHaveLength(1);
    const [m] = messages;
    expect(m).toMatchObject({
      messageId: 'freescout:1:1',
      threadId: 'freescout:1',
      from: { name: 'Marie Dupont', email: 'marie.dupont@example.test' },
      subject: 'Réclamation : colis n°FR123456 arrivé endommagé',
      date: '2026-12-02T00:08:00.000Z', // "Déc 2, 2026 01:08", Paris
    });
    expect(first60(m?.text ?? '')).toBe("Bonjour, J'ai reçu ma commande n°FR123456 le 3 mars mais le ");
  });

  it('reads both customer threads of conversation 2, oldest first', () => {
    const { messages } = readPage(open(F.lateDelivery), PARIS);
    expect(messages.map((m) => [m.messageId, m.from.name, m.date, first60(m.text)])).toEqual([
      [
        'freescout:2:2',
        'Julien Moreau',
        '2026-11-28T21:15:00.000Z',
        "Bonjour, J'ai passé la commande n°FR200317 le 14 novembre av",
      ],
      [
        'freescout:2:3',
        'Julien Moreau',
        '2026-11-30T22:15:00.000Z',
        'Bonjour, Je me permets de relancer : toujours aucune nouvell',
      ],
    ]);
    expect(messages.every((m) => m.from.email === 'julien.moreau@example.test')).toBe(true);
  });

  it('leaves out the agent reply and the internal note', () => {
    const hours = readPage(open(F.openingHours), PARIS).messages;
    expect(hours.map((m) => m.messageId)).toEqual(['freescout:3:4']);
    expect(hours[0]?.from.name).toBe('Sophie Lefèvre');
    const billing = readPage(open(F.billing), PARIS).messages;
    expect(billing.map((m) => m.messageId)).toEqual(['freescout:4:6']);
    expect(billing[0]?.subject).toBe('Facture n°2026-0458 : montant prélevé deux fois');
    expect(billing.some((m) => /Double prélèvement/.test(m.text))).toBe(false);
  });

  it('lists the mailbox rows with the same ids as the open conversations', () => {
    const { messages, threads } = readPage(open(F.list), PARIS);
    expect(messages).toEqual([]);
    expect(threads.map((r) => [r.threadId, r.from[0]?.name, r.from[0]?.email, r.subject])).toEqual([
      ['freescout:1', 'Marie Dupont', 'marie.dupont@example.test', 'Réclamation : colis n°FR123456 arrivé endommagé'],
      ['freescout:4', 'Karim Benali', 'karim.benali@example.test', 'Facture n°2026-0458 : montant prélevé deux fois'],
      [
        'freescout:2',
        'Julien Moreau',
        'julien.moreau@example.test',
        'Retard de livraison : commande n°FR200317 toujours pas reçue',
      ],
      [
        'freescout:3',
        'Sophie Lefèvre',
        'sophie.lefevre@example.test',
        "Horaires d'ouverture du magasin de Lyon pendant les fêtes",
      ],
    ]);
  });

  it('puts the chip anchor on the row subject and the button in the thread header', () => {
    const list = open(F.list);
    const [row] = freescoutAdapter.readThreadRows(list, PARIS);
    expect(row && freescoutAdapter.rowChipAnchor(row.element)?.textContent?.trim()).toBe(
      'Réclamation : colis n°FR123456 arrivé endommagé',
    );
    const doc = open(F.lateDelivery);
    const [m] = freescoutAdapter.readMessages(doc, PARIS);
    expect(m && freescoutAdapter.messageHeaderAnchor(m.element)?.className).toBe('thread-title');
  });

  it('finds the reply editor only once the reply block is open, and presses Reply to open it', () => {
    const closed = open(F.complaint);
    expect(freescoutAdapter.findReplyEditor(closed)).toBeNull();
    let pressed = 0;
    closed.querySelector('.conv-reply')?.addEventListener('click', () => pressed++);
    const [m] = freescoutAdapter.readMessages(closed, PARIS);
    expect(m && freescoutAdapter.openReply(closed, m.element)).toBe(true);
    expect(pressed).toBe(1);
    const editor = freescoutAdapter.findReplyEditor(open(F.replyInserted));
    expect(editor?.matches('.note-editable[contenteditable="true"]')).toBe(true);
  });

  it('inserts at the start of the editor without Summernote (DOM fallback), never as markup from the page', () => {
    const doc = open(F.replyInserted);
    const editor = freescoutAdapter.findReplyEditor(doc);
    if (!editor) throw new Error('no editor');
    const before = editor.textContent ?? '';
    expect(freescoutAdapter.insertLetter(editor, { text: 'Madame,\n<b>réf.</b> REC-2026-0001' })).toBe(true);
    expect(editor.textContent?.startsWith('Madame,')).toBe(true);
    expect(editor.textContent).toContain('<b>réf.</b> REC-2026-0001');
    expect(editor.querySelector('b')).toBeNull();
    expect(editor.textContent?.endsWith(before)).toBe(true);
  });

  it('is recognised by `npm run -s read-page`, with the same JSON shape', async () => {
    const outcome = await runReadPageCli([fixturePath(F.lateDelivery)]);
    expect(outcome.exitCode).toBe(0);
    const json = JSON.parse(outcome.stdout);
    expect(Object.keys(json)).toEqual(['adapter', 'messages', 'threads']);
    expect(json.adapter).toBe('freescout');
    expect(json.messages).toHaveLength(2);
  });
});
