// The dashboard page of the built extension in real Chromium: figures read from IndexedDB, the chart,
// and a recurring group linked in one click through the background.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session, sendFrom } from './support/chromium';

let session: Session;
let panel: Page;
let dashboard: Page;

const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

const input = (n: number, receivedAt: string, extra: Record<string, string> = {}) => ({
  receivedAt,
  channel: 'email',
  source: { webmail: 'manual' },
  customer: { name: `Client ${n}`, email: `client${n}@example.fr` },
  subject: `Réclamation ${n}`,
  category: 'livraison',
  ...extra,
});

const stored = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ id: string; subject: string; investigation: { linkedComplaintIds: string[]; scope: string } }[]>(
        (resolve) => {
          indexedDB.open('complaint-register').onsuccess = (e) => {
            const r = (e.target as IDBOpenDBRequest).result
              .transaction('complaints')
              .objectStore('complaints')
              .getAll();
            r.onsuccess = () => resolve(r.result);
          };
        },
      ),
  );

async function create(n: number, receivedAt: string, extra: Record<string, string> = {}): Promise<string> {
  const response = await sendFrom(panel, { type: 'complaint/create', input: input(n, receivedAt, extra) });
  expect(response.ok).toBe(true);
  return (response.data as { id: string }).id;
}

beforeAll(async () => {
  session = await launch();
  panel = await session.openPage('sidepanel.html');
  // Three customers about the same lamp within two days (acknowledgement due in 48 h), one complaint left
  // unacknowledged for 20 days, one acknowledged.
  const lamp = { category: 'produit', product: 'Lampe Aurore', subject: 'Pied de lampe cassé' };
  await create(1, ago(1), lamp);
  await create(2, ago(30), lamp);
  await create(3, ago(40), { ...lamp, subject: 'Abat-jour fendu à réception' });
  await create(4, ago(20 * 24), { subject: 'Colis jamais reçu' });
  const acknowledged = await create(5, ago(5), { subject: 'Facture en double', category: 'facturation' });
  expect((await sendFrom(panel, { type: 'complaint/transition', id: acknowledged, to: 'acknowledged' })).ok).toBe(true);
  dashboard = await session.openPage('dashboard.html');
});
afterAll(() => session?.close());

const figure = (id: string) => dashboard.getByTestId(`dash-figure-${id}`).locator('.dash-figure__value').innerText();
const phaseCount = (phase: string) =>
  dashboard.getByTestId('dash-phases').locator(`tr[data-key="${phase}"] td`).innerText();

describe('the dashboard page', () => {
  it('shows the register’s figures: total, overdue now, counts by phase', async () => {
    await dashboard.getByTestId('dash-phases').waitFor();
    expect(await figure('total')).toBe('5');
    expect(await figure('overdue')).toBe('1'); // the complaint received 20 days ago, never acknowledged
    expect(await phaseCount('registered')).toBe('4');
    expect(await phaseCount('acknowledged')).toBe('1');
    expect(await phaseCount('closed')).toBe('0');
  });

  it('shows the period’s figures and draws the monthly chart with its table', async () => {
    await dashboard.getByTestId('dash-figure-received').waitFor();
    expect(await figure('received')).toBe('5');
    // Acknowledgements: 1 on time, 1 overdue; the 3 others still running → 50 %.
    expect((await figure('ack')).replace(/\s/g, ' ')).toBe('50 %');
    const canvas = dashboard.getByTestId('dash-chart-canvas');
    expect(await canvas.getAttribute('role')).toBe('img');
    await expect.poll(() => dashboard.evaluate(() => performance.getEntriesByName('dashboard:chart').length)).toBe(1);
    const size = await canvas.evaluate((c: HTMLCanvasElement) => [c.width, c.height]);
    expect(size[0]).toBeGreaterThan(0);
    expect(size[1]).toBeGreaterThan(0);
    expect(await dashboard.getByTestId('dash-chart-table').locator('tbody tr').count()).toBe(12);
    expect(await dashboard.getByTestId('dash-categories').innerText()).toContain('Produit défectueux');
  });

  it('lists the lamp complaints as a recurring problem and links them in one click', async () => {
    const group = dashboard.getByTestId('dash-group');
    await group.first().waitFor();
    expect(await group.count()).toBe(1);
    const text = await group.innerText();
    expect(text).toContain('3 réclamations similaires en 30 jours : cas isolé ?');
    expect(text).toContain('Même produit : Lampe Aurore');
    expect(text).toMatch(/Mots communs : .*aurore/);

    await group.getByTestId('dash-group-link').click();
    await dashboard.getByTestId('dash-notice').waitFor();
    expect(await dashboard.getByTestId('dash-notice').innerText()).toContain('3 réclamation(s) liée(s)');
    const lamps = (await stored(dashboard)).filter((c) => c.investigation.linkedComplaintIds.length > 0);
    expect(lamps).toHaveLength(3);
    for (const c of lamps) {
      const others = lamps.filter((o) => o.id !== c.id).map((o) => o.id);
      expect([...c.investigation.linkedComplaintIds].sort()).toEqual(others.sort());
      expect(c.investigation.scope).toBe('recurring');
    }
    // The page re-reads the register on the background's change announcement.
    await group.getByTestId('dash-group-linked').waitFor();
  });
});
