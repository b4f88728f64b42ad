// The built extension in real Chromium: the service worker, the register in IndexedDB and the badge.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badge, launch, type Session, sendFrom } from './support/chromium';

let session: Session;
let page: Page;

beforeAll(async () => {
  session = await launch();
  page = await session.openPage('sidepanel.html');
});
afterAll(() => session?.close());

const input = (receivedAt: string, n: number) => ({
  receivedAt,
  channel: 'email',
  source: { webmail: 'gmail', messageId: `msg-f:${n}`, threadId: `thread-f:${n}` },
  customer: { name: `Client ${n}`, email: `client${n}@example.fr` },
  subject: `Réclamation ${n}`,
  category: 'livraison',
});

describe('the register in the built extension', () => {
  it('starts its service worker', () => {
    expect(session.worker.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/background\.js$/);
  });

  it('stores a complaint created through the message protocol in IndexedDB', async () => {
    const response = await sendFrom(page, { type: 'complaint/create', input: input('2026-01-05T09:00:00Z', 1) });
    expect(response.ok).toBe(true);
    const stored = await page.evaluate(
      () =>
        new Promise<unknown[]>((resolve, reject) => {
          const open = indexedDB.open('complaint-register');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('complaints').objectStore('complaints').getAll();
            request.onsuccess = () => resolve(request.result);
          };
        }),
    );
    expect(stored).toEqual([
      expect.objectContaining({
        reference: expect.stringMatching(/^REC-\d{4}-0001$/),
        subject: 'Réclamation 1',
        phase: 'registered',
      }),
    ]);
  });

  it('refuses a bad request with a French message', async () => {
    const response = await sendFrom(page, {
      type: 'complaint/create',
      input: { ...input('2026-01-05T09:00:00Z', 2), subject: '' },
    });
    expect(response).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Indiquez l’objet de la réclamation') },
    });
  });

  it('shows the overdue count on the badge and clears it once the complaints are acknowledged and answered', async () => {
    const second = await sendFrom(page, { type: 'complaint/create', input: input('2026-01-06T09:00:00Z', 3) });
    expect(second.ok).toBe(true);
    await expect.poll(async () => (await badge(session.worker)).text).toBe('2');
    expect((await badge(session.worker)).title).toBe('2 réclamation(s) en retard, 0 à échéance proche');

    const all = (await page.evaluate(
      () =>
        new Promise<{ id: string; rev: number }[]>((resolve) => {
          indexedDB.open('complaint-register').onsuccess = (e) => {
            const db = (e.target as IDBOpenDBRequest).result;
            const r = db.transaction('complaints').objectStore('complaints').getAll();
            r.onsuccess = () => resolve(r.result);
          };
        }),
    )) as { id: string }[];
    for (const { id } of all) {
      for (const to of ['acknowledged', 'investigating'])
        expect((await sendFrom(page, { type: 'complaint/transition', id, to })).ok).toBe(true);
      const patch = {
        justified: 'no',
        severity: 1,
        investigation: {
          rootCause: 'Retard du transporteur signalé à tort',
          immediateAction: { taken: false, description: '' },
          scope: 'isolated',
          linkedComplaintIds: [],
          customersAffected: null,
        },
        decision: {
          outcome: 'unfavourable',
          reasons: 'Le colis a été livré dans les délais annoncés.',
          nonConformity: false,
          causes: '',
          correctiveActions: '',
        },
      };
      expect((await sendFrom(page, { type: 'complaint/update', id, patch })).ok).toBe(true);
      const answered = await sendFrom(page, { type: 'complaint/transition', id, to: 'unfounded' });
      expect(answered).toMatchObject({ ok: true });
    }
    await expect.poll(async () => (await badge(session.worker)).text).toBe('');
    expect((await badge(session.worker)).title).toBe('Registre des réclamations : aucune échéance proche');
  });
});
