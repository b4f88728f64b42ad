import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/options/App';
import { getSettings, saveSettings } from '@/lib/register/store/settings';
import { DEFAULT_MEDIATOR, SettingsSchema } from '@/lib/settings/schema';
import { useOptionsPage } from './support';

useOptionsPage();

const type = (label: string | RegExp, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
const savedMessages = (spy: { mock: { calls: unknown[][] } }) =>
  spy.mock.calls.map(([m]) => m as { type: string; settings?: unknown }).filter((m) => m.type === 'settings/save');

async function openPage() {
  render(<App />);
  await screen.findByTestId('settings');
}

describe('the settings form', () => {
  it('sends a valid settings/save with what was typed and says the settings are saved', async () => {
    const spy = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    await openPage();
    type('Nom de l’entreprise', '  Maison Dupont SAS ');
    type('Téléphone du médiateur', '01 02 03 04 05');
    type(/Votre nom/, 'Julie Bernard');
    type('Domaines de messagerie de l’entreprise (un par ligne)', '@Maison-Dupont.fr\n\nexemple.com');
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les paramètres' }));
    expect(await screen.findByText('Paramètres enregistrés.')).toBeTruthy();
    const [message] = savedMessages(spy);
    const sent = SettingsSchema.parse(message?.settings);
    expect(sent).toMatchObject({
      company: { name: 'Maison Dupont SAS' },
      mediator: { ...DEFAULT_MEDIATOR, phone: '01 02 03 04 05' },
      agentName: 'Julie Bernard',
      ownDomains: ['maison-dupont.fr', 'exemple.com'],
    });
    expect(await getSettings()).toEqual(sent);
    expect((screen.getByLabelText('Nom de l’entreprise') as HTMLInputElement).value).toBe('Maison Dupont SAS');
  });

  it('shows a French error next to a bad field, sends nothing and keeps what was typed', async () => {
    const spy = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    await openPage();
    type('Nom de l’entreprise', 'Maison Dupont SAS');
    type('Durée de conservation après clôture ou dernier événement (années)', '0');
    type('Nom du médiateur', '   ');
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les paramètres' }));
    const years = screen.getByLabelText('Durée de conservation après clôture ou dernier événement (années)');
    expect(years.getAttribute('aria-invalid')).toBe('true');
    const describedBy = years.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe('Indiquez un nombre entier d’années, de 1 à 30.');
    expect(screen.getByLabelText('Nom du médiateur').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Champ obligatoire.')).toBeTruthy();
    expect(screen.getByTestId('settings-error').textContent).toBe(
      'Les paramètres n’ont pas été enregistrés : corrigez les champs signalés.',
    );
    expect(savedMessages(spy)).toEqual([]);
    expect((screen.getByLabelText('Nom de l’entreprise') as HTMLInputElement).value).toBe('Maison Dupont SAS');
  });

  it('restores the default mediator', async () => {
    await saveSettings({ mediator: { ...DEFAULT_MEDIATOR, name: 'Autre médiateur' } });
    await openPage();
    expect((screen.getByLabelText('Nom du médiateur') as HTMLInputElement).value).toBe('Autre médiateur');
    fireEvent.click(screen.getByRole('button', { name: 'Rétablir le médiateur par défaut' }));
    expect((screen.getByLabelText('Nom du médiateur') as HTMLInputElement).value).toBe('M. Kamel Boubendir');
  });

  it('custom deadlines: amount and unit per clock, closure days, Alsace-Moselle holidays in the preview', async () => {
    await openPage();
    expect(screen.getByTestId('policy-summary').textContent).toBe(
      'Accusé de réception sous 48 heures, réponse sous 10 jours calendaires.',
    );
    expect(screen.getByText(/gardent la règle de délais en vigueur lors de leur enregistrement/)).toBeTruthy();
    expect(within(screen.getByTestId('holidays')).queryByText(/Vendredi saint/)).toBeNull();
    fireEvent.click(screen.getByLabelText(/Jours fériés d’Alsace-Moselle/));
    expect(within(screen.getByTestId('holidays')).getByText(/Vendredi saint/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Règle de délais'), { target: { value: 'custom' } });
    type('Accusé de réception : durée', '3');
    fireEvent.change(screen.getByLabelText('Accusé de réception : unité'), { target: { value: 'joursOuvres' } });
    type('Réponse : durée', '1');
    fireEvent.change(screen.getByLabelText('Réponse : unité'), { target: { value: 'mois' } });
    type('Jour de fermeture à ajouter', '2026-08-14');
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter ce jour' }));
    type('Jour de fermeture à ajouter', '2026-08-14');
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter ce jour' }));
    expect(screen.getByText('Ce jour est déjà dans la liste.')).toBeTruthy();
    type(/Signaler « échéance proche »/, '12');
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les paramètres' }));
    await screen.findByText('Paramètres enregistrés.');
    expect((await getSettings()).policy).toEqual({
      preset: 'custom',
      ack: { amount: 3, unit: 'joursOuvres' },
      answer: { amount: 1, unit: 'mois' },
      alsaceMoselle: true,
      closureDays: ['2026-08-14'],
      dueSoonHours: 12,
    });
  });

  it('refuses a custom duration of 0 next to its field', async () => {
    await openPage();
    fireEvent.change(screen.getByLabelText('Règle de délais'), { target: { value: 'custom' } });
    type('Réponse : durée', '0');
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les paramètres' }));
    expect(screen.getByLabelText('Réponse : durée').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Indiquez un nombre entier de 1 à 366.')).toBeTruthy();
  });

  it('switches the page to English once English is saved', async () => {
    await openPage();
    fireEvent.change(screen.getByLabelText('Langue de l’interface'), { target: { value: 'en' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les paramètres' }));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Complaint register settings');
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
  });
});
