// Zendesk in real Chromium with the built extension. No public saved page of the agent workspace exists: the
// page is our hand-made one (tests/fixtures/zendesk/, hooks cited there), served at a Zendesk subdomain, with
// a real CKEditor 5 (npm `ckeditor5`, GPL-2.0-or-later, a test-only devDependency) as each ticket's reply
// editor, and Zendesk's REST API answered from memory for ticket #1042. Two tickets are open, #1042 active.

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureFile } from '../support/fixture-files';
import { letterSettings } from '../support/letter-settings';
import { launch, type Session, sendFrom } from './support/chromium';
import {
  buildWithGrantedOrigins,
  enableInOptions,
  openReadyPage,
  packageFile,
  serveHelpdesk,
  storedComplaints,
  TEST_NONCE,
} from './support/helpdesk';

const ORIGIN = 'https://acme.zendesk.com';
const PAGE = 'zendesk/zendesk-handmade-two-tickets.html';

/** The hand-made workspace with CKEditor 5 turned on in every composer, as Zendesk's own editor. */
function workspace(edit: (html: string) => string = (html) => html): string {
  const wiring = `<script src="/test-vendor/ckeditor5.js"></script>
<script nonce="${TEST_NONCE}">
  const { InlineEditor, Essentials, Paragraph, Bold, Italic } = CKEDITOR;
  window.__editors = {};
  Promise.all(Array.from(document.querySelectorAll('[data-test-id="omnicomposer-rich-text-ckeditor"]'), (el) =>
    InlineEditor.create(el, { licenseKey: 'GPL', plugins: [Essentials, Paragraph, Bold, Italic] }).then((editor) => {
      window.__editors[el.closest('[data-ticket-id]').dataset.ticketId] = editor;
    }),
  )).then(() => { window.__ready = true; });
</script>`;
  return edit(readFileSync(fixtureFile(PAGE), 'utf8')).replace('</body>', `${wiring}</body>`);
}

const API = {
  '/api/v2/tickets/1042.json': {
    ticket: { id: 1042, subject: 'Colis n°ZD-5531 arrivé ouvert, article manquant', requester_id: 501 },
    users: [
      { id: 501, name: 'Claire Martin', email: 'claire.martin@example.test' },
      { id: 77, name: 'Léa Support', email: 'lea@example.test' },
    ],
  },
  '/api/v2/tickets/1042/comments.json': {
    comments: [
      {
        id: 1,
        author_id: 501,
        public: true,
        created_at: '2026-11-30T08:15:00Z',
        plain_body: 'Bonjour,\n\nMon colis n°ZD-5531 est arrivé ouvert et la lampe commandée manquait.',
      },
      { id: 2, author_id: 77, public: true, created_at: '2026-11-30T09:02:00Z', plain_body: 'Nous regardons.' },
      { id: 3, author_id: 77, public: false, created_at: '2026-11-30T09:05:00Z', plain_body: 'Note interne' },
      { id: 4, author_id: 501, public: true, created_at: '2026-12-01T10:30:00Z', plain_body: 'Je relance.' },
    ],
  },
};

let session: Session;
let zendesk: Page;
let panel: Page;
const dialogs: string[] = [];
const editorData = (ticket: string) =>
  zendesk.evaluate(
    (id) => (window as unknown as { __editors: Record<string, { getData(): string }> }).__editors[id]?.getData() ?? '',
    ticket,
  );

beforeAll(async () => {
  session = await launch({ extensionDir: buildWithGrantedOrigins([ORIGIN]) });
  await serveHelpdesk(session.context, ORIGIN, {
    documents: {
      '/agent/tickets/1042': () => workspace(),
      // A ticket the API does not answer (403 in real life): the page is read instead, and it is hostile.
      '/agent/tickets/1066': () =>
        workspace((html) =>
          html
            .replaceAll('1042', '1066')
            .replaceAll('Claire Martin', '&lt;img src=x onerror="window.__pwned=1"&gt;Eve')
            .replace(
              'value="Colis n°ZD-5531 arrivé ouvert, article manquant"',
              'value="&lt;script&gt;window.__pwned2=1&lt;/script&gt; Colis"',
            )
            .replace('<p>Bonjour,</p>', '<p>Bonjour,<img src="x" onerror="window.__pwned3=1"></p>'),
        ),
    },
    scripts: { '/test-vendor/ckeditor5.js': packageFile('ckeditor5', 'dist/browser/ckeditor5.umd.js') },
    json: API,
  });
});
afterAll(() => session?.close());

const openTicket = (id: string): Promise<Page> =>
  openReadyPage(session.context, `${ORIGIN}/agent/tickets/${id}`, dialogs);

describe('Zendesk: the whole walk on the hand-made workspace with a real CKEditor 5', () => {
  it('is enabled for the company’s subdomain in the options, which list it', async () => {
    const options = await enableInOptions(session, 'zendesk', 'acme');
    const form = options.getByTestId('helpdesk-zendesk');
    expect(await form.getByTestId('helpdesk-origins').innerText()).toContain(ORIGIN);
    await options.close();
  });

  it('puts the button on the active ticket’s customer comments only; the panel opens prefilled from the API', async () => {
    zendesk = await openTicket('1042');
    const active = zendesk.locator('[data-ticket-id="1042"]');
    await expect.poll(() => active.getByTestId('log-complaint').count()).toBe(2);
    expect(await zendesk.locator('[data-ticket-id="1041"]').getByTestId('log-complaint').count()).toBe(0);
    await active.getByTestId('log-complaint').first().click();
    panel = await session.openPage('sidepanel.html');
    panel.on('dialog', (d) => void d.accept());
    await panel.getByTestId('new-complaint-form').waitFor();
    expect(await panel.getByTestId('read-via').innerText()).toContain('API de Zendesk');
    expect(await panel.getByLabel('Nom du client').inputValue()).toBe('Claire Martin');
    expect(await panel.getByLabel('Objet').inputValue()).toBe('Colis n°ZD-5531 arrivé ouvert, article manquant');
    await panel.getByLabel('Motif').selectOption('livraison');
    await panel.getByTestId('save-complaint').click();
    await panel.getByTestId('saved-notice').waitFor();
    const [stored] = await storedComplaints(panel);
    expect(stored?.source).toEqual({
      webmail: 'zendesk',
      messageId: 'zendesk:1042:2026-11-30T08:15:00.000Z',
      threadId: 'zendesk:1042',
      url: `${ORIGIN}/agent/tickets/1042`,
    });
    expect(stored?.customer.email).toBe('claire.martin@example.test');
    expect(await panel.getByTestId('open-source').getAttribute('href')).toBe(`${ORIGIN}/agent/tickets/1042`);
  });

  it('inserts the acknowledgement into the active ticket’s CKEditor, at the start, in its data model, undoable', async () => {
    const settings = letterSettings('Léa Support', { email: 'service-client@example.test', phone: '' });
    expect((await sendFrom(panel, { type: 'settings/save', settings })).ok).toBe(true);
    const composer = panel.getByTestId('letter-composer');
    await composer.getByTestId('letter-preview').waitFor();
    await composer.getByTestId('insert-letter').click();
    await expect.poll(() => composer.getByTestId('letter-outcome').textContent()).toMatch(/inséré dans la réponse/);
    const reference = (await storedComplaints(panel))[0]?.reference ?? '';
    const data = await editorData('1042');
    expect(data).toContain(reference);
    expect(data.startsWith('<p>')).toBe(true);
    expect(await editorData('1041')).not.toContain(reference);
    // CKEditor's own undo takes the whole letter out in one step, and redo puts it back.
    await zendesk.evaluate(() =>
      (window as unknown as { __editors: Record<string, { execute(c: string): void }> }).__editors['1042']?.execute(
        'undo',
      ),
    );
    expect(await editorData('1042')).not.toContain(reference);
    await zendesk.evaluate(() =>
      (window as unknown as { __editors: Record<string, { execute(c: string): void }> }).__editors['1042']?.execute(
        'redo',
      ),
    );
    expect(await editorData('1042')).toContain(reference);

    await panel.getByTestId('mark-acknowledged').first().click();
    await expect.poll(async () => (await storedComplaints(panel))[0]?.phase).toBe('acknowledged');
    // The chip that replaced the button names the phase.
    await expect.poll(() => zendesk.getByTestId('complaint-chip').first().innerText()).toMatch(/accus/i);
    await zendesk.close();
  });

  it('reads the page when the API does not answer, and executes nothing from hostile ticket content', async () => {
    const page = await openTicket('1066');
    await page.locator('[data-ticket-id="1066"]').getByTestId('log-complaint').first().click();
    const hostilePanel = await session.openPage('sidepanel.html');
    await hostilePanel.getByTestId('new-complaint-form').waitFor();
    expect(await hostilePanel.getByTestId('read-via').innerText()).toContain('dans la page');
    expect(await hostilePanel.getByLabel('Nom du client').inputValue()).toBe(
      '<img src=x onerror="window.__pwned=1">Eve',
    );
    expect(await hostilePanel.getByLabel('Objet').inputValue()).toContain('<script>window.__pwned2=1</script>');
    await hostilePanel.getByLabel('Motif').selectOption('facturation');
    await hostilePanel.getByTestId('save-complaint').click();
    await hostilePanel.getByTestId('complaint-header').waitFor();
    expect(await hostilePanel.locator('main img, main script, main iframe').count()).toBe(0);
    await expect.poll(() => page.getByTestId('complaint-chip').count()).toBe(1);
    const flags = await page.evaluate(() => Object.keys(globalThis).filter((k) => k.startsWith('__pwned')));
    expect(flags).toEqual([]);
    expect(dialogs).toEqual([]);
    await hostilePanel.close();
    await page.close();
  });
});
