// Zendesk, against our HAND-MADE agent workspace (no public saved page exists; hooks and their sources in
// lib/webmail/zendesk-selectors.ts): the active ticket only, the DOM reading, and the REST API preferred when
// the agent's session can read it (a fake same-origin fetch here; the real Chromium test serves the JSON).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adapterFor, readPage } from '../../lib/webmail/index';
import { createZendeskAdapter, zendeskAdapter } from '../../lib/webmail/zendesk';
import { parseComments, parseTicket, readTicketApi } from '../../lib/webmail/zendesk-api';
import { runReadPageCli } from '../../scripts/cli/read-page';
import type { SavedPage } from '../../scripts/cli/saved-page';
import { fixturePath, loadFixture, PARIS } from './fixtures';
import { ZENDESK_PAGES } from './selector-expectations';

let page: SavedPage;
beforeEach(() => {
  page = loadFixture(ZENDESK_PAGES.twoTickets);
});
afterEach(async () => {
  await page.close();
});

const TICKET_1042 = {
  ticket: { id: 1042, subject: 'Colis n°ZD-5531 arrivé ouvert, article manquant', requester_id: 501 },
  users: [
    { id: 501, name: 'Claire Martin', email: 'Claire.Martin@example.test' },
    { id: 77, name: 'Léa Support', email: 'lea@example.test' },
  ],
};
const COMMENTS_1042 = {
  comments: [
    {
      id: 9001,
      author_id: 501,
      public: true,
      created_at: '2026-11-30T08:15:00Z',
      plain_body: 'Bonjour,\nMon colis n°ZD-5531 est arrivé ouvert.',
    },
    { id: 9002, author_id: 77, public: true, created_at: '2026-11-30T09:02:00Z', plain_body: 'Nous regardons.' },
    { id: 9003, author_id: 77, public: false, created_at: '2026-11-30T09:05:00Z', plain_body: 'Note interne' },
    { id: 9004, author_id: 501, public: true, created_at: '2026-12-01T10:30:00Z', plain_body: 'Je relance.' },
  ],
};

describe('Zendesk adapter (hand-made workspace, two tickets open)', () => {
  it('is recognised by its hooks and reads only the active ticket’s customer comments, from the page', () => {
    expect(adapterFor(page.document)?.id).toBe('zendesk');
    const { messages, threads } = readPage(page.document, PARIS);
    expect(threads).toEqual([]);
    expect(messages.map((m) => [m.messageId, m.threadId, m.from.name, m.date])).toEqual([
      ['zendesk:1042:2026-11-30T08:15:00.000Z', 'zendesk:1042', 'Claire Martin', '2026-11-30T08:15:00.000Z'],
      ['zendesk:1042:2026-12-01T10:30:00.000Z', 'zendesk:1042', 'Claire Martin', '2026-12-01T10:30:00.000Z'],
    ]);
    expect(messages[0]?.subject).toBe('Colis n°ZD-5531 arrivé ouvert, article manquant');
    expect(messages[0]?.text).toMatch(/^Bonjour,\n\nMon colis n°ZD-5531 est arrivé ouvert/);
    expect(messages.some((m) => /Bruno|facture|Note interne|transporteur/.test(m.text))).toBe(false);
    expect(zendeskAdapter.readMessages(page.document, PARIS).every((m) => m.readVia === 'dom')).toBe(true);
  });

  it('follows the active tab: switching to #1041 reads that ticket and its editor', () => {
    const doc = page.document;
    for (const tab of Array.from(doc.querySelectorAll('[data-test-id="header-tab"]')))
      tab.setAttribute('data-entity-is-selected', tab.getAttribute('data-entity-id') === '1041' ? 'true' : 'false');
    const messages = zendeskAdapter.readMessages(doc, PARIS);
    expect(messages.map((m) => [m.threadId, m.from.name])).toEqual([['zendesk:1041', 'Bruno Petit']]);
    expect(zendeskAdapter.findReplyEditor(doc)?.getAttribute('aria-label')).toBe('Réponse #1041');
  });

  it('finds the active ticket’s reply editor, and puts the button beside each comment’s sender', () => {
    expect(zendeskAdapter.findReplyEditor(page.document)?.getAttribute('aria-label')).toBe('Réponse #1042');
    const [m] = zendeskAdapter.readMessages(page.document, PARIS);
    expect(m && zendeskAdapter.messageHeaderAnchor(m.element)?.textContent).toContain('Claire Martin');
  });

  it('prefers the REST API once it answered: requester with address, public comments only, says so', async () => {
    const asked: string[] = [];
    let answered!: () => void;
    const arrived = new Promise<void>((resolve) => {
      answered = resolve;
    });
    const adapter = createZendeskAdapter(
      async (path) => {
        asked.push(path);
        return path.includes('/comments') ? COMMENTS_1042 : TICKET_1042;
      },
      () => answered(),
    );
    expect(adapter.readMessages(page.document, PARIS).every((m) => m.readVia === 'dom')).toBe(true);
    await arrived;
    expect(asked).toEqual(['/api/v2/tickets/1042.json?include=users', '/api/v2/tickets/1042/comments.json']);
    const messages = adapter.readMessages(page.document, PARIS);
    expect(messages.map((m) => [m.messageId, m.readVia, m.from.email, m.text])).toEqual([
      [
        'zendesk:1042:2026-11-30T08:15:00.000Z',
        'api',
        'claire.martin@example.test',
        'Bonjour,\nMon colis n°ZD-5531 est arrivé ouvert.',
      ],
      ['zendesk:1042:2026-12-01T10:30:00.000Z', 'api', 'claire.martin@example.test', 'Je relance.'],
    ]);
  });

  it('falls back to the page when the API is closed or answers something else', async () => {
    expect(await readTicketApi(async () => null, '1042')).toBeNull();
    expect(parseTicket({ ticket: { ...TICKET_1042.ticket, id: 9 }, users: TICKET_1042.users }, '1042')).toBeNull();
    expect(parseTicket({ ticket: TICKET_1042.ticket, users: [] }, '1042')).toBeNull();
    expect(parseComments({ comments: [{ id: 1, created_at: 'hier' }] }, '501')).toBeNull();
    const api = await readTicketApi(
      async (path) => (path.includes('/comments') ? { error: 'Forbidden' } : TICKET_1042),
      '1042',
    );
    expect(api?.requester).toEqual({ name: 'Claire Martin', email: 'claire.martin@example.test' });
    expect(api?.comments).toBeNull();
  });

  it('is recognised by `npm run -s read-page`', async () => {
    const outcome = await runReadPageCli([fixturePath(ZENDESK_PAGES.twoTickets)]);
    expect(JSON.parse(outcome.stdout).adapter).toBe('zendesk');
  });
});
