import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { categoryId, parseDomains } from '@/components/options/form';
import { App } from '@/entrypoints/options/App';
import { getSettings } from '@/lib/register/store/settings';
import { useOptionsPage } from './support';

useOptionsPage();

const save = async () => {
  fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les paramètres' }));
  await screen.findByText('Paramètres enregistrés.');
};
const addCategory = (label: string) => {
  fireEvent.input(screen.getByLabelText('Nouveau motif'), { target: { value: label } });
  fireEvent.click(screen.getByRole('button', { name: 'Ajouter le motif' }));
};

describe('reason categories', () => {
  it('makes ids from labels, unique, without accents', () => {
    expect(categoryId('Retard de livraison à domicile', [])).toBe('retard-de-livraison-a-domicile');
    expect(categoryId('Livraison', ['livraison', 'livraison-2'])).toBe('livraison-3');
    expect(categoryId('  ???  ', [])).toBe('motif');
    expect(categoryId('x'.repeat(80), [])).toMatch(/^x{34}$/);
    expect(parseDomains(' @Exemple.FR, autre.fr;\n\n')).toEqual(['exemple.fr', 'autre.fr']);
  });

  it('adds, renames and archives categories, and saves them', async () => {
    render(<App />);
    await screen.findByTestId('settings');
    addCategory('Retard de livraison à domicile');
    addCategory('Livraison');
    const list = screen.getByTestId('categories');
    expect(within(list).getByLabelText('Libellé du motif retard-de-livraison-a-domicile')).toBeTruthy();
    expect(within(list).getByLabelText('Libellé du motif livraison-2')).toBeTruthy();
    // A category added since the last save is in use nowhere: it may still go.
    fireEvent.click(screen.getByRole('button', { name: 'Retirer le nouveau motif « Livraison »' }));
    expect(within(list).queryByLabelText('Libellé du motif livraison-2')).toBeNull();
    fireEvent.input(screen.getByLabelText('Libellé du motif sav'), { target: { value: 'SAV et garantie' } });
    fireEvent.click(screen.getByRole('button', { name: 'Archiver le motif « Données personnelles »' }));
    await save();

    const categories = (await getSettings()).categories;
    expect(categories.find((c) => c.id === 'sav')).toEqual({ id: 'sav', label: 'SAV et garantie', archived: false });
    expect(categories.find((c) => c.id === 'donnees')).toMatchObject({ archived: true });
    expect(categories.at(-1)).toEqual({
      id: 'retard-de-livraison-a-domicile',
      label: 'Retard de livraison à domicile',
      archived: false,
    });
    // Once saved, a category can be archived or reactivated, never removed.
    expect(screen.queryByRole('button', { name: /Retirer le nouveau motif/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Réactiver le motif « Données personnelles »' }));
    await save();
    expect((await getSettings()).categories.find((c) => c.id === 'donnees')).toMatchObject({ archived: false });
  });

  it('refuses a blank label next to the field', async () => {
    render(<App />);
    await screen.findByTestId('settings');
    addCategory('   ');
    expect(screen.getByText('Donnez un libellé au motif (100 caractères au plus).')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Libellé du motif autre'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les paramètres' }));
    expect(screen.getByLabelText('Libellé du motif autre').getAttribute('aria-invalid')).toBe('true');
  });
});
