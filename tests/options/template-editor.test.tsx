import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/options/App';
import { SHIPPED_SOURCES } from '@/lib/letters/catalog';
import { registerDb } from '@/lib/register/store/db';
import { getTemplateOverrides, OVERRIDES_KEY } from '@/lib/register/store/letter-overrides';
import { useOptionsPage } from './support';

useOptionsPage();

const row = (id: string) => document.querySelector(`[data-template="${id}"]`) as HTMLElement;
const source = () => screen.getByTestId('template-source') as HTMLTextAreaElement;
const preview = () => screen.getByTestId('template-preview').textContent ?? '';

async function openEditor(title: string) {
  render(<App />);
  await screen.findByTestId('settings');
  fireEvent.click(screen.getByRole('button', { name: `Modifier le modèle « ${title} »` }));
  await waitFor(() => expect(preview()).toContain('Claire Martin'));
}

describe('the letter templates', () => {
  it('lists every shipped letter with its step and version', async () => {
    render(<App />);
    const table = await screen.findByTestId('templates');
    expect(within(table).getAllByRole('row')).toHaveLength(9);
    expect(within(row('accuse-reception')).getByText('Accusé de réception (sous 48 h)')).toBeTruthy();
    expect(within(row('reponse-defavorable')).getByText('Réponse')).toBeTruthy();
    expect(within(row('accuse-reception')).getByTestId('template-version').textContent).toBe('2');
    expect(screen.queryByTestId('edited-badge')).toBeNull();
  });

  it('shows the problems of a broken template next to it and refuses to save', async () => {
    const spy = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    await openEditor('Réponse défavorable motivée');
    expect(screen.getByText('Modèle valide.')).toBeTruthy();
    const broken = source().value.replace('{{> mediateur}}', '').replaceAll('{{customer.addressee}}', '{{client}}');
    fireEvent.input(source(), { target: { value: broken } });
    const problems = screen.getByTestId('template-problems').textContent ?? '';
    expect(problems).toContain('Variable inconnue : « client » (ligne 3).');
    expect(problems).toContain('Variable obligatoire absente du modèle : « customer.addressee » (Nom du client).');
    expect(problems).toContain('Le bloc du médiateur {{> mediateur}} est obligatoire');
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la copie' }));
    expect(screen.getByText('Modèle non enregistré : corrigez les problèmes signalés.')).toBeTruthy();
    expect(spy.mock.calls.filter(([m]) => (m as { type: string }).type === 'templates/save')).toEqual([]);
    expect(source().value).toBe(broken);
    expect(await getTemplateOverrides()).toEqual({});
  });

  it('updates the preview, saves a valid edit with the version bumped, and resets it', async () => {
    await openEditor('Accusé de réception (sous 48 h)');
    expect(screen.getByTestId('editor-version').textContent).toBe(
      'Version 2, modèle d’origine. L’enregistrement créera la version 3.',
    );
    const edited = source().value.replace('{{customer.salutation}},', 'Chère cliente, cher client,');
    fireEvent.input(source(), { target: { value: edited } });
    await waitFor(() => expect(preview()).toContain('Chère cliente, cher client,'));
    expect(preview()).toContain('Maison Dupont SAS');

    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la copie' }));
    expect(await screen.findByText('Modèle enregistré (version 3).')).toBeTruthy();
    expect(await getTemplateOverrides()).toEqual({
      'accuse-reception': { fr: { source: edited, version: 3, lang: 'fr' } },
    });
    await waitFor(() => expect(within(row('accuse-reception')).getByTestId('template-version').textContent).toBe('3'));
    expect(within(row('accuse-reception')).getByTestId('edited-badge').textContent).toBe('modifié (français)');
    expect(screen.getByTestId('editor-version').textContent).toBe(
      'Version 3, copie modifiée. L’enregistrement créera la version 4.',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la copie' }));
    expect(await screen.findByText('Modèle enregistré (version 4).')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Rétablir le modèle d’origine' }));
    expect(await screen.findByText('Modèle d’origine rétabli.')).toBeTruthy();
    expect(await getTemplateOverrides()).toEqual({});
    await waitFor(() => expect(source().value).toBe(SHIPPED_SOURCES.fr['accuse-reception']));
    expect(screen.queryByTestId('edited-badge')).toBeNull();
  });

  it('edits the English copy separately and keeps the French one', async () => {
    await openEditor('Accusé de réception (sous 48 h)');
    fireEvent.input(source(), { target: { value: `${source().value}\n` } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la copie' }));
    await screen.findByText('Modèle enregistré (version 3).');
    fireEvent.change(screen.getByLabelText('Langue de la lettre'), { target: { value: 'en' } });
    expect(source().value).toBe(SHIPPED_SOURCES.en['accuse-reception']);
    await waitFor(() => expect(preview()).toContain('Dear Ms Claire Martin'));
    fireEvent.input(source(), { target: { value: `${source().value}\n` } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la copie' }));
    await screen.findByText('Modèle enregistré (version 3).');
    const stored = await getTemplateOverrides();
    expect(stored['accuse-reception']?.fr?.version).toBe(3);
    expect(stored['accuse-reception']?.en?.version).toBe(3);
    await waitFor(() => expect(screen.getAllByTestId('edited-badge')).toHaveLength(2));
  });

  it('warns when the stored copies are unreadable, and uses the shipped letters', async () => {
    await (await registerDb()).put('meta', { 'accuse-reception': 'garbage' }, OVERRIDES_KEY);
    render(<App />);
    expect((await screen.findByTestId('overrides-unreadable')).textContent).toMatch(
      /^Les copies modifiées enregistrées sont illisibles/,
    );
    expect(screen.queryByTestId('edited-badge')).toBeNull();
  });
});
