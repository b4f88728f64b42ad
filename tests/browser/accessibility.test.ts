// axe-core in real Chromium on the extension's pages: no serious or critical violation.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session, sendFrom } from './support/chromium';
import { openGmail } from './support/gmail';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(() => session?.close());

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = (await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: unknown[] }> } }
    ).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  })) as Violation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} → ${v.nodes.map((n) => `${n.target.join(' ')} [${n.failureSummary ?? ''}]`).join(', ')}`,
    );
}

describe('accessibility (axe-core)', () => {
  it('the register tab of the side panel', async () => {
    const panel = await session.openPage('sidepanel.html');
    const input = {
      receivedAt: '2026-01-05T09:00:00Z',
      channel: 'email',
      customer: { name: 'Claire Martin' },
      subject: 'Colis cassé',
      category: 'livraison',
    };
    expect((await sendFrom(panel, { type: 'complaint/create', input })).ok).toBe(true);
    await panel.getByTestId('tab-register').click();
    await panel.getByTestId('register-row').waitFor();
    expect(await seriousViolations(panel)).toEqual([]);
    await panel.getByTestId('register-row').click();
    await panel.getByTestId('complaint-view').waitFor();
    expect(await seriousViolations(panel)).toEqual([]);
    for (const step of ['register', 'investigate', 'answer', 'followUp', 'mediation']) {
      await panel.getByTestId(`step-${step}`).click();
      expect(await seriousViolations(panel), step).toEqual([]);
    }
  });

  it('the new-complaint form prefilled from Gmail', async () => {
    const gmail = await openGmail(session.context, 'gmail-handmade-reply-open.html');
    await gmail.getByTestId('log-complaint').click();
    const panel = await session.openPage('sidepanel.html');
    await panel.getByTestId('new-complaint-form').waitFor();
    expect(await seriousViolations(panel)).toEqual([]);
    await panel.getByTestId('save-complaint').click();
    await panel.getByRole('alert').first().waitFor();
    expect(await seriousViolations(panel)).toEqual([]);
  });

  it('the dashboard, the management page and the case file', async () => {
    const panel = await session.openPage('sidepanel.html');
    const input = {
      receivedAt: '2026-01-06T09:00:00Z',
      channel: 'email',
      customer: { name: 'Paul Durand', email: 'paul@example.fr' },
      subject: 'Facture erronée',
      category: 'facturation',
    };
    const created = (await sendFrom(panel, { type: 'complaint/create', input })) as { data: { id: string } };
    const dashboard = await session.openPage('dashboard.html');
    await dashboard.locator('canvas').first().waitFor();
    expect(await seriousViolations(dashboard)).toEqual([]);
    const manage = await session.openPage('manage.html');
    await manage.locator('main').first().waitFor();
    expect(await seriousViolations(manage)).toEqual([]);
    const casefile = await session.openPage(`casefile.html?id=${created.data.id}`);
    await casefile.getByText('Facture erronée').first().waitFor();
    expect(await seriousViolations(casefile)).toEqual([]);
  });

  it('the options page', async () => {
    const options = await session.openPage('options.html');
    await options.locator('form').first().waitFor();
    expect(await seriousViolations(options)).toEqual([]);
  });
});
