import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Controller, type ControllerOptions, onlyOurs, startController } from '@/lib/extension/content/controller';
import { draftFromMessage, EXCERPT_MAX, threadLink } from '@/lib/extension/content/draft';
import type { RequestInput } from '@/lib/protocol/messages';
import type { ScanAnswer } from '@/lib/protocol/webmail';
import { DraftSchema } from '@/lib/register/draft';
import { gmailAdapter } from '@/lib/webmail/gmail';

const FIXTURE = join(import.meta.dirname, '../fixtures/gmail-handmade-reply-open.html');

function loadPage(): Document {
  document.documentElement.innerHTML = readFileSync(FIXTURE, 'utf8').replace(/<script[\s\S]*?<\/script>/gi, '');
  return document;
}

const answer = (over: Partial<ScanAnswer> = {}): ScanAnswer => ({
  labels: { log: 'Consigner la réclamation', logLikely: 'Consigner la réclamation (réclamation probable)' },
  chips: [],
  spots: {},
  own: [],
  ...over,
});

let controller: Controller | undefined;
afterEach(() => controller?.stop());

function start(reply: (r: RequestInput) => unknown) {
  const sent: RequestInput[] = [];
  const send = (async (r: RequestInput) => {
    sent.push(r);
    return reply(r);
  }) as ControllerOptions['send'];
  controller = startController({
    adapter: gmailAdapter,
    doc: loadPage(),
    send,
    read: { timeZone: 'Europe/Paris' },
    debounceMs: 10,
  });
  return sent;
}

describe('the webmail controller', () => {
  it('adds one labelled button per open message and highlights a likely complaint', async () => {
    const sent = start((r) =>
      r.type === 'webmail/scan'
        ? answer({
            spots: {
              'msg-f:1829000000000000001': {
                likely: true,
                score: 5,
                cues: [],
                title: 'Ce message ressemble à une réclamation : colis',
              },
            },
          })
        : true,
    );
    await controller?.scan();
    const buttons = document.querySelectorAll('[data-testid="log-complaint"]');
    expect(buttons).toHaveLength(1);
    expect(buttons[0]?.getAttribute('aria-label')).toBe('Consigner la réclamation (réclamation probable)');
    expect(buttons[0]?.className).toContain('rr-log--likely');
    expect(sent.filter((r) => r.type === 'webmail/scan')).toHaveLength(1);
  });

  it('does nothing more on a scan that finds nothing new', async () => {
    const sent = start(() => answer());
    await controller?.scan();
    await controller?.scan();
    await controller?.scan();
    expect(sent.filter((r) => r.type === 'webmail/scan')).toHaveLength(1);
    expect(document.querySelectorAll('[data-testid="log-complaint"]')).toHaveLength(1);
  });

  it('shows the chip of a logged message instead of the button, and opens it in the panel', async () => {
    const chip = {
      id: crypto.randomUUID(),
      messageId: 'msg-f:1829000000000000001',
      threadId: null,
      state: 'overdue' as const,
      text: 'REC-2026-0001 · Enregistrée · en retard de 2 j',
      label: 'Réclamation REC-2026-0001',
      rowText: 'REC-2026-0001',
      rowLabel: 'x',
    };
    const sent = start((r) => (r.type === 'webmail/scan' ? answer({ chips: [chip] }) : true));
    await controller?.scan();
    const el = document.querySelector<HTMLButtonElement>('[data-testid="complaint-chip"]');
    expect(el?.textContent).toBe(chip.text);
    expect(el?.className).toContain('rr-chip--overdue');
    el?.click();
    expect(sent.at(-1)).toEqual({ type: 'sidepanel/open', view: { kind: 'complaint', id: chip.id } });
  });

  it('sends the prefilled draft when the button is clicked', async () => {
    const sent = start(() => answer());
    await controller?.scan();
    document.querySelector<HTMLButtonElement>('[data-testid="log-complaint"]')?.click();
    const open = sent.find((r) => r.type === 'sidepanel/open');
    expect(open).toMatchObject({
      view: {
        kind: 'new',
        draft: { channel: 'email', source: { webmail: 'gmail', messageId: 'msg-f:1829000000000000001' } },
      },
    });
  });

  it('gives no button to the agent’s own messages: the signed-in account, or the company’s domains', async () => {
    start(() => answer());
    const sender = gmailAdapter.readMessages(document, { timeZone: 'Europe/Paris' })[0]?.from.email ?? '';
    expect(sender).not.toBe('');
    document.title = `Boîte de réception - ${sender} - Gmail`;
    await controller?.refresh();
    expect(document.querySelectorAll('[data-testid="log-complaint"]')).toHaveLength(0);
    document.title = 'Gmail';
    controller?.stop();
    start(() => answer({ own: ['msg-f:1829000000000000001'] }));
    await controller?.scan();
    expect(document.querySelectorAll('[data-testid="log-complaint"]')).toHaveLength(0);
  });

  it('ignores mutations that only touch its own widgets', () => {
    const ours = document.createElement('button');
    ours.setAttribute('data-rr', '');
    const theirs = document.createElement('div');
    const record = (node: Node) =>
      ({ target: document.body, addedNodes: [node], removedNodes: [] }) as unknown as MutationRecord;
    expect(onlyOurs([record(ours)])).toBe(true);
    expect(onlyOurs([record(document.createTextNode('x'))])).toBe(true);
    expect(onlyOurs([record(ours), record(theirs)])).toBe(false);
  });

  it('removes every widget when stopped (extension reloaded)', async () => {
    start(() => answer());
    await controller?.scan();
    controller?.stop();
    expect(document.querySelectorAll('[data-rr]')).toHaveLength(0);
  });
});

describe('the draft taken from a message', () => {
  const message = {
    messageId: 'm1',
    threadId: 't1',
    from: { name: 'Ève', email: 'eve@example.fr' },
    to: [],
    subject: 'Colis',
    date: '2026-03-02T09:00:00.000Z',
    text: 'x'.repeat(10_000),
  };
  it('keeps an excerpt, not the whole email', () => {
    const draft = draftFromMessage(message, 'gmail', 'https://mail.google.com/mail/u/0/#inbox/abc');
    expect(draft.excerpt.length).toBe(EXCERPT_MAX);
    expect(draft.source.url).toBe('https://mail.google.com/mail/u/0/#inbox/abc');
  });
  it('leaves the civility unspecified: a display name does not say how to address the sender', () => {
    expect(draftFromMessage(message, 'gmail', 'https://mail.google.com/').customer).toEqual({
      civility: 'none',
      name: 'Ève',
      email: 'eve@example.fr',
    });
  });
  it('keeps the spotter’s verdict with the model’s weighing words, for the form to explain it', () => {
    const spot = {
      likely: true,
      score: 0,
      cues: [],
      fragments: [{ text: 'toujours rien', weight: 0.4 }],
      title: 'Ce message ressemble à une réclamation : mots qui ont pesé : « toujours rien »',
    };
    expect(DraftSchema.parse(draftFromMessage(message, 'gmail', 'https://mail.google.com/', spot)).spot).toEqual({
      likely: true,
      score: 0,
      cues: [],
      fragments: [{ text: 'toujours rien', weight: 0.4 }],
    });
  });
  it('never keeps a link back that is not https', () => {
    expect(threadLink('javascript:alert(1)')).toBeUndefined();
    expect(threadLink('http://mail.google.com/')).toBeUndefined();
  });
});
