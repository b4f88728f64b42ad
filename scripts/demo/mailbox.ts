// The offline demo mailbox: served at mail.google.com inside the demo browser only (never shipped). Every
// document request to mail.google.com gets the demo page; every other request is refused, so nothing leaves
// the machine. `seedDemoRegister` logs one overdue complaint through the extension's own protocol.
import type { BrowserContext, Page } from 'playwright-core';
import type { RequestInput } from '../../lib/protocol/messages';
import { DEMO_THREADS, SEEDED_MESSAGE_ID } from './emails';
import { type Mailbox, resolveMailbox } from './model';
import { buildPageScript, demoPolicy, renderDemoPage } from './page';

export const DEMO_MAILBOX_URL = 'https://mail.google.com/mail/u/0/#inbox';

/** Routes the demo mailbox (its emails dated relative to `now`) and returns its address. */
export async function installDemoMailbox(context: BrowserContext, now: Date = new Date()): Promise<string | null> {
  const script = await buildPageScript();
  const html = renderDemoPage(resolveMailbox(DEMO_THREADS, now), script);
  const policy = demoPolicy(script);
  await context.route('https://mail.google.com/**', (route) => {
    if (route.request().resourceType() !== 'document') return route.abort();
    return route.fulfill({
      body: html,
      contentType: 'text/html; charset=utf-8',
      headers: { 'content-security-policy': policy, 'cache-control': 'no-store' },
    });
  });
  return DEMO_MAILBOX_URL;
}

/** The complaint a newcomer finds already logged: the order never received, 12 days old, so overdue. */
export function seededComplaint(mailbox: Mailbox): Extract<RequestInput, { type: 'complaint/create' }> {
  const thread = mailbox.threads.find((t) => t.messages[0]?.messageId === `msg-f:${SEEDED_MESSAGE_ID}`);
  const message = thread?.messages[0];
  if (!thread || !message) throw new Error('The demo mailbox lost its seeded email.');
  return {
    type: 'complaint/create',
    input: {
      receivedAt: message.date,
      channel: 'email',
      source: {
        webmail: 'gmail',
        messageId: message.messageId,
        threadId: thread.threadId,
        url: `https://mail.google.com/mail/u/0/#inbox/${thread.legacyId}`,
      },
      // He writes "je souhaite être remboursé": the agent chose "Monsieur", so the letters open with it.
      customer: {
        civility: 'monsieur',
        name: message.from.name,
        email: message.from.email,
        orderNumber: 'LUM-48213',
      },
      subject: thread.subject,
      category: 'livraison',
      product: 'Deux appliques « Cosy » laiton',
      excerpt: message.paragraphs.join('\n\n'),
      summary: 'Commande payée il y a trois semaines, toujours pas livrée ; le suivi est bloqué.',
      remedyRequested: 'Livraison sous quelques jours, sinon remboursement (158 €).',
      severity: 2,
    },
  };
}

export type SeedOutcome = { seeded: true; reference: string } | { seeded: false; reason: string };

/**
 * Logs the seeded complaint from an extension page (chrome-extension://<id>/sidepanel.html), only when the
 * register is empty. The count is read from IndexedDB directly, without creating the database if it is missing
 * (an empty database made here would skip the extension's first migration).
 */
export async function seedDemoRegister(page: Page, now: Date = new Date()): Promise<SeedOutcome> {
  const request = seededComplaint(resolveMailbox(DEMO_THREADS, now));
  return page.evaluate(async (message): Promise<SeedOutcome> => {
    const exists = (await indexedDB.databases()).some((d) => d.name === 'complaint-register');
    if (exists) {
      const count = await new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('complaint-register');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('complaints')) {
            db.close();
            return resolve(0);
          }
          const counting = db.transaction('complaints').objectStore('complaints').count();
          counting.onsuccess = () => {
            db.close();
            resolve(counting.result);
          };
          counting.onerror = () => reject(counting.error);
        };
      });
      if (count > 0) return { seeded: false, reason: `register already holds ${count} complaint(s)` };
    }
    const chromeApi = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } })
      .chrome;
    const response = (await chromeApi.runtime.sendMessage(message)) as
      | { ok: true; data: { reference: string } }
      | { ok: false; error: { message: string } };
    return response.ok
      ? { seeded: true, reference: response.data.reference }
      : { seeded: false, reason: response.error.message };
  }, request);
}
