// The options page of the built extension in real Chromium: settings and an edited letter survive a reload.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from './support/chromium';

let session: Session;
let page: Page;

beforeAll(async () => {
  session = await launch();
  page = await session.openPage('options.html');
  await page.getByTestId('settings').waitFor();
});
afterAll(() => session?.close());

describe('the options page in the built extension', () => {
  it('is registered as the options page, opened in a tab', async () => {
    const manifest = await page.evaluate(() => fetch('/manifest.json').then((r) => r.json()));
    expect(manifest.options_ui).toEqual({ page: 'options.html', open_in_tab: true });
  });

  it('keeps the company name and the mediator phone after saving and reloading', async () => {
    await page.getByLabel('Nom de l’entreprise').fill('Maison Dupont SAS');
    await page.getByLabel('Téléphone du médiateur').fill('01 02 03 04 05');
    await page.getByRole('button', { name: 'Enregistrer les paramètres' }).click();
    await expect.poll(() => page.getByTestId('settings-status').textContent()).toBe('Paramètres enregistrés.');

    await page.reload();
    await page.getByTestId('settings').waitFor();
    expect(await page.getByLabel('Nom de l’entreprise').inputValue()).toBe('Maison Dupont SAS');
    expect(await page.getByLabel('Téléphone du médiateur').inputValue()).toBe('01 02 03 04 05');
    expect(await page.getByLabel('Nom du médiateur').inputValue()).toBe('M. Kamel Boubendir');
  });

  it('saves an edited copy of a letter with its version bumped', async () => {
    const row = page.locator('[data-template="accuse-reception"]');
    expect(await row.getByTestId('template-version').textContent()).toBe('2');
    await page.getByRole('button', { name: 'Modifier le modèle « Accusé de réception (sous 48 h) »' }).click();
    const source = page.getByTestId('template-source');
    const shipped = await source.inputValue();
    await source.fill(shipped.replace('{{customer.salutation}},', 'Chère cliente, cher client,'));
    await expect
      .poll(() => page.getByTestId('template-preview').textContent())
      .toContain('Chère cliente, cher client,');
    // The preview signs with the saved company name.
    expect(await page.getByTestId('template-preview').textContent()).toContain('Maison Dupont SAS');
    await page.getByRole('button', { name: 'Enregistrer la copie' }).click();
    await expect.poll(() => page.getByTestId('template-status').textContent()).toBe('Modèle enregistré (version 3).');

    await page.reload();
    await page.getByTestId('settings').waitFor();
    await expect.poll(() => row.getByTestId('template-version').textContent()).toBe('3');
    expect(await row.getByTestId('edited-badge').textContent()).toBe('modifié (français)');
  });
});
