// The printable case file in real Chromium: a complaint handled through the protocol, its case file page
// with every section, hidden controls in print media, a PDF, and the same file after an erasure request
// made from the side panel. Set SHOTS_DIR to keep screenshots of the page (screen and print media).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session, sendFrom } from './support/chromium';

let session: Session;
let panel: Page;
let id: string;
let reference: string;
const out = mkdtempSync(join(tmpdir(), 'casefile-'));
const shots = process.env.SHOTS_DIR;

beforeAll(async () => {
  session = await launch();
  panel = await session.openPage('sidepanel.html');
});
afterAll(async () => {
  await session?.close();
  rmSync(out, { recursive: true, force: true });
});

async function ok(message: unknown) {
  const response = await sendFrom(panel, message);
  expect(response, JSON.stringify(response.error)).toMatchObject({ ok: true });
  return response.data as { id: string; reference: string };
}

async function openCaseFile(): Promise<Page> {
  const page = await session.openPage(`casefile.html?id=${id}`);
  await page.getByTestId('casefile').waitFor();
  return page;
}

describe('the printable case file', () => {
  it('shows every section of a complaint handled through the protocol', async () => {
    await ok({
      type: 'settings/save',
      settings: {
        company: {
          name: 'Maison Lumen',
          address: '12 rue des Lampes, 69002 Lyon',
          email: 'service-client@maison-lumen.fr',
        },
        signature: { name: 'Camille Roux', title: 'Service clients' },
        agentName: 'Camille Roux',
      },
    });
    ({ id, reference } = await ok({
      type: 'complaint/create',
      input: {
        receivedAt: '2026-01-05T09:00:00Z',
        channel: 'email',
        source: { webmail: 'gmail', messageId: 'msg-f:42', threadId: 'thread-f:42' },
        customer: { name: 'Claire Martin', email: 'claire.martin@example.fr', orderNumber: 'CMD-99812' },
        subject: 'Lampe arrivée cassée',
        category: 'livraison',
        product: 'Lampe Lumen',
        excerpt: 'Bonjour,\nma lampe est arrivée en morceaux.\nClaire Martin',
        remedyRequested: 'Remplacement de la lampe',
      },
    }));
    await ok({ type: 'complaint/transition', id, to: 'acknowledged', at: '2026-01-05T15:00:00Z' });
    await ok({
      type: 'complaint/letter',
      id,
      letter: {
        templateId: 'accuse-reception',
        templateVersion: 1,
        lang: 'fr',
        sha256: 'b'.repeat(64),
        at: '2026-01-05T15:00:00Z',
        channel: 'reply',
        sent: {
          text: `Madame Martin,\n\nNous avons bien reçu votre réclamation ${reference}.`,
          html: `<p>Madame Martin,</p>\n<p>Nous avons bien reçu votre réclamation ${reference}.</p>`,
          inputs: {},
        },
      },
    });
    await ok({ type: 'complaint/transition', id, to: 'investigating' });
    await ok({
      type: 'complaint/update',
      id,
      patch: {
        justified: 'yes',
        severity: 2,
        investigation: {
          rootCause: 'Calage insuffisant dans le carton',
          immediateAction: { taken: false, description: '' },
          scope: 'isolated',
          linkedComplaintIds: [],
          customersAffected: null,
        },
        decision: {
          outcome: 'favourable',
          reasons: 'La lampe a été abîmée pendant le transport.',
          nonConformity: false,
          causes: '',
          correctiveActions: '',
        },
        compensation: {
          kind: 'financial',
          amountEuros: 59.9,
          description: '',
          executedAt: null,
          method: 'originalPayment',
          dueDay: '2026-01-16',
          legalRemedy: null,
          legalBasis: null,
        },
      },
    });
    await ok({ type: 'complaint/transition', id, to: 'answered', at: '2026-01-09T10:00:00Z' });
    await ok({ type: 'complaint/transition', id, to: 'closed', at: '2026-01-12T10:00:00Z' });

    const page = await openCaseFile();
    expect(await page.title()).toBe(`Dossier de réclamation ${reference} (interne)`);
    for (const section of [
      'company',
      'complaint',
      'deadlines',
      'steps',
      'decision',
      'compensation',
      'followUp',
      'mediation',
      'closure',
      'letters',
      'chain',
    ])
      expect(await page.getByTestId(`cf-${section}`).isVisible(), section).toBe(true);
    expect(await page.getByTestId('cf-company').innerText()).toContain('Maison Lumen');
    expect(await page.getByTestId('cf-complaint').innerText()).toContain('Claire Martin');
    expect(await page.getByTestId('cf-step').allInnerTexts()).toHaveLength(5);
    expect(await page.getByTestId('cf-letter').innerText()).toContain('b'.repeat(64));
    expect(await page.getByTestId('cf-letter-text').innerText()).toBe(
      `Madame Martin,\n\nNous avons bien reçu votre réclamation ${reference}.`,
    );
    expect(await page.getByTestId('cf-verdict').innerText()).toMatch(
      /^Chaîne d’historique vérifiée : 7 événement\(s\)/,
    );
    expect(await page.getByTestId('print').isVisible()).toBe(true);
    if (shots) await page.screenshot({ path: join(shots, 'casefile-screen.png'), fullPage: true });
    await page.close();
  });

  it('hides the print button in print media and prints to a non-empty A4 PDF', async () => {
    const page = await openCaseFile();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('print').isHidden()).toBe(true);
    expect(await page.getByTestId('cf-complaint').isVisible()).toBe(true);
    if (shots) await page.screenshot({ path: join(shots, 'casefile-print.png'), fullPage: true });
    const path = join(out, 'casefile.pdf');
    await page.pdf({ path, format: 'A4', preferCSSPageSize: true });
    const pdf = readFileSync(path);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    if (shots) await page.pdf({ path: join(shots, 'casefile.pdf'), preferCSSPageSize: true });
    await page.close();
  });

  it('is opened from the complaint view, where the customer’s erasure request anonymises the complaint', async () => {
    await panel.reload();
    await panel.getByTestId('tab-register').click();
    await panel.getByTestId('register-row').filter({ hasText: reference }).click();
    const link = panel.getByTestId('casefile-link');
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(
      `chrome-extension://${session.extensionId}/casefile.html?id=${id}&audience=internal`,
    );
    expect(await link.getAttribute('target')).toBe('_blank');
    await panel.getByTestId('erase').click();
    const dialog = panel.getByRole('alertdialog');
    expect(await dialog.innerText()).toContain(`Anonymiser la réclamation ${reference} (Claire Martin) ?`);
    if (shots) await panel.screenshot({ path: join(shots, 'sidepanel-erase-confirm.png'), fullPage: true });
    await panel.getByTestId('erase-yes').click();
    await panel.getByTestId('anonymized-notice').waitFor();

    const page = await openCaseFile();
    expect(await page.getByTestId('cf-anonymized').isVisible()).toBe(true);
    const text = await page.locator('main').innerText();
    expect(text).toContain('Client anonymisé');
    expect(text).not.toMatch(/Claire|Martin|CMD-99812/);
    expect(await page.getByTestId('cf-verdict').innerText()).toMatch(
      /^Chaîne d’historique vérifiée : 8 événement\(s\)/,
    );
    if (shots) await page.screenshot({ path: join(shots, 'casefile-anonymised.png'), fullPage: true });
    await page.close();
  });
});
