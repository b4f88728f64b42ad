// The demo mailbox (scripts/demo) read by the REAL Gmail adapter: if an adapter change stops reading the demo
// inbox or its conversations, `npm run demo` would show a mailbox without buttons or chips; this catches it.
// The page script runs in a happy-dom window at mail.google.com, without delays.
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { NewComplaintSchema } from '../../lib/register/schema';
import { gmailAdapter, type PageReading, readPage } from '../../lib/webmail/index';
import { parseSavedPage } from '../../scripts/cli/saved-page';
import { startDemoMailbox } from '../../scripts/demo/app';
import { DEMO_THREADS, SEEDED_MESSAGE_ID } from '../../scripts/demo/emails';
import { seededComplaint } from '../../scripts/demo/mailbox';
import { byLastActivity, type Mailbox, MailboxSchema, resolveMailbox } from '../../scripts/demo/model';
import { demoShellHtml, renderDemoPage } from '../../scripts/demo/page';

const PARIS = { timeZone: 'Europe/Paris' } as const;
const NOW = new Date('2026-11-24T08:12:00Z');
const AGENT = 'service-client@maison-lumen.fr';

let windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.map((w) => w.happyDOM.close()));
  windows = [];
});

function openDemo(hash = '#inbox') {
  const mailbox = resolveMailbox(DEMO_THREADS, NOW);
  const window = new Window({ url: `https://mail.google.com/mail/u/0/${hash}` });
  windows.push(window);
  const doc = window.document as unknown as Document;
  doc.write(demoShellHtml(mailbox.agent));
  startDemoMailbox(doc, mailbox, {
    navigationDelayMs: 0,
    replyDelayMs: 0,
    clock: () => NOW,
    storage: null,
    ...PARIS,
  });
  return { mailbox, doc, window };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));
const bodyOf = (paragraphs: readonly string[]) => paragraphs.join('\n\n');
const threadOf = (mailbox: Mailbox, messageId: string) =>
  mailbox.threads.find((t) => t.messages.some((m) => m.messageId === messageId))!;

async function openThread(doc: Document, legacyId: string): Promise<PageReading> {
  const row = Array.from(doc.querySelectorAll('tr.zA')).find((r) =>
    r.querySelector(`[data-legacy-thread-id="${legacyId}"]`),
  );
  (row as HTMLElement).click();
  await tick();
  return readPage(doc, PARIS);
}

describe('the demo inbox, as the Gmail adapter reads it', () => {
  it('lists every conversation with its thread id, subject, senders and date, most recent first', () => {
    const { mailbox, doc } = openDemo();
    const reading = readPage(doc, PARIS);

    expect(reading.adapter).toBe('gmail');
    expect(reading.messages).toEqual([]);
    expect(reading.threads.length).toBeGreaterThanOrEqual(12);
    expect(reading.threads).toEqual(
      byLastActivity(mailbox.threads).map((t) => ({
        threadId: t.threadId,
        subject: t.subject,
        from: [{ name: t.messages[0]!.from.name, email: t.messages[0]!.from.email }],
        date: t.messages.at(-1)!.date,
      })),
    );
    expect(reading.threads.every((t) => /^thread-f:\d{19}$/.test(t.threadId))).toBe(true);
  });

  it('shows dates in title= in Gmail’s English form', () => {
    const { doc } = openDemo();
    const titles = Array.from(doc.querySelectorAll('tr.zA td.xW span[title]')).map((s) => s.getAttribute('title'));
    // The newest email came 38 minutes before 09:12 in Paris (08:12 UTC).
    expect(titles[0]).toMatch(/^Tue, Nov 24, 2026, 8:34\sAM$/);
  });

  it('gives every row the block where the extension puts its chip', () => {
    const { doc } = openDemo();
    const rows = gmailAdapter.readThreadRows(doc, PARIS);
    expect(rows.map((r) => gmailAdapter.rowChipAnchor(r.element)?.className)).toEqual(rows.map(() => 'xT'));
  });

  it('has one email received 12 days ago, and some received today', () => {
    const mailbox = resolveMailbox(DEMO_THREADS, NOW);
    const dates = mailbox.threads.flatMap((t) => t.messages.map((m) => new Date(m.date).getTime()));
    const days = dates.map((d) => Math.floor((NOW.getTime() - d) / 86_400_000));
    expect(days).toContain(12);
    expect(days.filter((d) => d === 0).length).toBeGreaterThanOrEqual(3);
  });
});

describe('a demo conversation, as the Gmail adapter reads it', () => {
  it('reads both messages of the follow-up thread: ids, sender, recipient, subject, date and text', async () => {
    const { mailbox, doc, window } = openDemo();
    const thread = threadOf(mailbox, `msg-f:${SEEDED_MESSAGE_ID}`);
    const reading = await openThread(doc, thread.legacyId);

    expect(window.location.hash).toBe(`#inbox/${thread.legacyId}`);
    expect(reading.threads).toEqual([]);
    expect(reading.messages).toEqual(
      thread.messages.map((m) => ({
        messageId: m.messageId,
        threadId: thread.threadId,
        from: { name: 'Karim Benali', email: 'k.benali@example.com' },
        to: [{ name: 'moi', email: AGENT }],
        subject: 'Commande LUM-48213 jamais reçue',
        date: m.date,
        text: bodyOf(m.paragraphs),
      })),
    );
    expect(reading.messages[0]!.messageId).toBe(`msg-f:${SEEDED_MESSAGE_ID}`);
  });

  it('reads the text of every demo email exactly as written (quotes, accents, line breaks)', async () => {
    const { mailbox, doc } = openDemo();
    for (const thread of mailbox.threads) {
      const reading = await openThread(doc, thread.legacyId);
      expect(reading.messages.map((m) => m.text)).toEqual(thread.messages.map((m) => bodyOf(m.paragraphs)));
      expect(reading.messages.every((m) => m.subject === thread.subject && m.threadId === thread.threadId)).toBe(true);
      (doc.querySelector('[aria-label="Retour à Boîte de réception"]') as HTMLElement).click();
      await tick();
    }
  });

  it('gives every message the header cell where the extension puts its button', async () => {
    const { mailbox, doc } = openDemo();
    await openThread(doc, threadOf(mailbox, `msg-f:${SEEDED_MESSAGE_ID}`).legacyId);
    const anchors = gmailAdapter.readMessages(doc, PARIS).map((m) => gmailAdapter.messageHeaderAnchor(m.element));
    expect(anchors.map((a) => a?.matches('td.gH.bAk div.gK'))).toEqual([true, true]);
  });

  it('opens from a link to the thread, and goes back to the inbox with the back control', async () => {
    const mailbox = resolveMailbox(DEMO_THREADS, NOW);
    const { doc, window } = openDemo(`#inbox/${mailbox.threads[0]!.legacyId}`);
    expect(readPage(doc, PARIS).messages).toHaveLength(1);
    (doc.querySelector('[aria-label="Retour à Boîte de réception"]') as HTMLElement).click();
    await tick();
    expect(window.location.hash).toBe('#inbox');
    expect(readPage(doc, PARIS).threads).toHaveLength(mailbox.threads.length);
  });
});

describe('replying in the demo, through the adapter', () => {
  it('opens the reply editor with Répondre, takes the letter at its start, and sends it into the thread', async () => {
    const { mailbox, doc } = openDemo();
    const thread = mailbox.threads[0]!;
    await openThread(doc, thread.legacyId);
    const [message] = gmailAdapter.readMessages(doc, PARIS);
    expect(gmailAdapter.findReplyEditor(doc, message!.element)).toBeNull();

    expect(gmailAdapter.openReply(doc, message!.element)).toBe(true);
    await tick();
    const editor = gmailAdapter.findReplyEditor(doc, message!.element);
    expect(editor?.getAttribute('aria-label')).toBe('Corps du message');
    expect(editor?.querySelector('div.gmail_signature')).not.toBeNull();
    expect(editor?.querySelector('div.gmail_quote')?.textContent).toContain(
      'Élodie Garnier <elodie.garnier@example.fr>',
    );

    const letter = 'Bonjour Madame Garnier,\n\nUne lampe neuve part aujourd’hui.';
    expect(gmailAdapter.insertLetter(editor!, { text: letter })).toBe(true);
    (doc.querySelector('[data-tooltip="Envoyer (Ctrl+Entrée)"]') as HTMLElement).click();

    expect(doc.querySelector('[role="alert"]')?.textContent).toBe('Message envoyé');
    const after = readPage(doc, PARIS).messages;
    expect(after).toHaveLength(2);
    expect(after[1]).toMatchObject({
      from: { email: AGENT },
      to: [{ email: 'elodie.garnier@example.fr' }],
      threadId: thread.threadId,
      text: letter,
      date: NOW.toISOString(),
    });
    expect(after[1]!.messageId).toMatch(/^msg-a:r\d+$/);
  });
});

describe('the served page and the seeded complaint', () => {
  it('embeds the mailbox as data that survives the trip through HTML', async () => {
    const mailbox = resolveMailbox(DEMO_THREADS, NOW);
    const page = parseSavedPage(renderDemoPage(mailbox, '/* script */'));
    const data = page.document.getElementById('dm-data')?.textContent ?? '';
    expect(MailboxSchema.parse(JSON.parse(data))).toEqual(mailbox);
    await page.close();
  });

  it('logs the 12-day-old email with the ids the mailbox shows, so its row gets the chip', () => {
    const { doc } = openDemo();
    const { input } = seededComplaint(resolveMailbox(DEMO_THREADS, NOW));
    const parsed = NewComplaintSchema.parse(input);
    expect(parsed.category).toBe('livraison');
    expect(parsed.customer).toMatchObject({ civility: 'monsieur', name: 'Karim Benali' });
    expect(parsed.source).toMatchObject({ webmail: 'gmail', messageId: `msg-f:${SEEDED_MESSAGE_ID}` });
    expect((NOW.getTime() - Date.parse(parsed.receivedAt)) / 86_400_000).toBeGreaterThanOrEqual(12);
    const rows = readPage(doc, PARIS).threads;
    expect(rows.map((r) => r.threadId)).toContain(parsed.source.threadId);
  });
});
