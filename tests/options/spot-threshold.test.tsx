// Issue 15: a company moves the spotter's threshold in the options, for every language or for one; empty
// keeps the trained default of each language, whose measured precision and recall the help text states.
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { App } from '@/entrypoints/options/App';
import { getSettings } from '@/lib/register/store/settings';
import { SettingsSchema } from '@/lib/settings/schema';
import { SPOT_MODEL_CARD } from '@/lib/spotting/threshold';
import { useOptionsPage } from './support';

const LABEL = 'Seuil de détection des réclamations (0,05 à 0,95)';
const EN_LABEL = 'Seuil pour les messages en anglais (0,05 à 0,95)';

describe('the spotter threshold setting', () => {
  it('defaults to the trained threshold and accepts 0.05 to 0.95 only', () => {
    expect(SettingsSchema.parse({}).spotThreshold ?? null).toBeNull(); // none set: the recommended one
    expect(SettingsSchema.parse({ spotThreshold: 0.3 }).spotThreshold).toBe(0.3);
    expect(SettingsSchema.safeParse({ spotThreshold: 1.5 }).success).toBe(false);
    expect(SettingsSchema.safeParse({ spotThreshold: 0 }).success).toBe(false);
    expect(SettingsSchema.parse({ spotThresholds: { en: 0.6 } }).spotThresholds).toEqual({ en: 0.6 });
    expect(SettingsSchema.safeParse({ spotThresholds: { fr: 0.99 } }).success).toBe(false);
  });

  it('gives settings saved before the per-language thresholds back unchanged', () => {
    const older = { ...SettingsSchema.parse({}), spotThreshold: 0.3 };
    delete (older as { spotThresholds?: unknown }).spotThresholds;

    expect(JSON.stringify(SettingsSchema.parse(JSON.parse(JSON.stringify(older))))).toBe(JSON.stringify(older));
    expect('spotThresholds' in SettingsSchema.parse({})).toBe(false);
  });
});

describe('the spotter threshold in the options', () => {
  useOptionsPage();

  it('states each language’s recommended threshold with its measured precision and recall, and saves a typed one', async () => {
    render(<App />);
    await screen.findByTestId('settings');
    for (const lang of ['fr', 'en'] as const) {
      const card = SPOT_MODEL_CARD[lang];
      const help = document.getElementById(`spot-threshold-${lang}-help`)?.textContent ?? '';
      expect(help).toContain(`seuil recommandé ${card.threshold}`);
      expect(help).toContain(`précision ${card.precision.toFixed(2)}`);
      expect(help).toContain(`rappel ${card.recall.toFixed(2)}`);
    }
    expect(screen.getByText(/le seuil recommandé de chaque langue/)).toBeTruthy();

    fireEvent.input(screen.getByLabelText(LABEL), { target: { value: '0,3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les paramètres' }));
    expect(await screen.findByText('Paramètres enregistrés.')).toBeTruthy();
    expect((await getSettings()).spotThreshold).toBe(0.3);
    expect('spotThresholds' in (await getSettings())).toBe(false); // none typed: none stored
  });

  it('saves a threshold for English messages alone', async () => {
    render(<App />);
    await screen.findByTestId('settings');
    fireEvent.input(screen.getByLabelText(EN_LABEL), { target: { value: '0,6' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les paramètres' }));

    expect(await screen.findByText('Paramètres enregistrés.')).toBeTruthy();
    expect((await getSettings()).spotThresholds).toEqual({ fr: null, en: 0.6 });
    expect((await getSettings()).spotThreshold ?? null).toBeNull();
  });

  it('refuses a threshold out of range with a French message next to the field', async () => {
    render(<App />);
    await screen.findByTestId('settings');
    fireEvent.input(screen.getByLabelText(LABEL), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les paramètres' }));

    expect(await screen.findByText(/Indiquez un seuil entre 0,05 et 0,95/)).toBeTruthy();
    expect((await getSettings()).spotThreshold ?? null).toBeNull(); // nothing saved: still the recommended one
  });
});
