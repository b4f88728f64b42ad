// An open options page follows the organisation's settings and letters as the background pulls them from the
// team server (issue 13): what the manager has not touched takes the new values at once; a section or a
// letter with unsaved edits keeps them, says in French that the organisation changed it, and offers to reload.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/options/App';
import { announceChange } from '@/lib/extension/background/announce';
import { startBackground } from '@/lib/extension/background/start';
import { setLang } from '@/lib/i18n';
import { SHIPPED_SOURCES } from '@/lib/letters/catalog';
import { productSync } from '@/lib/register/store/sync-state';
import { DEFAULT_MEDIATOR, DEFAULT_SETTINGS, type Settings, SettingsSchema } from '@/lib/settings/schema';
import { freshDatabase } from '../support/complaints';

const ORG_LETTER = `${SHIPPED_SOURCES.fr['accuse-reception']}\nMaison Lumen, service client`;

beforeEach(async () => {
  fakeBrowser.reset();
  await freshDatabase();
  // Paul, a manager of the team: he edits the organisation's settings from this page.
  await productSync.saveConnection({
    server: 'https://registre.example.fr',
    token: 'tok_9f2KxQ7mZp4Lw8Rt3Vb6Nc1Hd5Gs0Ja',
    agent: { id: crypto.randomUUID(), name: 'Paul Durand', role: 'manager', org: 'Maison Lumen' },
    connectedAt: new Date().toISOString(),
  });
  startBackground();
  setLang('fr');
});
afterEach(cleanup);

/** What a sync round does when the organisation's settings or letters changed: put in force, announce. */
async function organisationChanges(settings: Partial<Settings>, letter?: string) {
  const org = SettingsSchema.parse({ ...DEFAULT_SETTINGS, ...settings });
  const templates = letter
    ? [{ templateId: 'accuse-reception' as const, lang: 'fr' as const, source: letter, version: 3 }]
    : [];
  expect(await productSync.applyOrgSettings(org, templates)).toBe(true);
  await announceChange([]);
}

const field = (label: string | RegExp) => screen.getByLabelText(label) as HTMLInputElement;
const type = (label: string | RegExp, value: string) => fireEvent.input(field(label), { target: { value } });

async function openPage() {
  render(<App />);
  await screen.findByTestId('settings');
  // The team status is read: the page knows it works on a team register.
  await screen.findByText(/Connecté à « Maison Lumen »/);
}

describe('an open options page when the organisation’s settings change', () => {
  it('shows the new values in every section left alone, with no notice', async () => {
    await openPage();
    await organisationChanges({
      company: { ...DEFAULT_SETTINGS.company, name: 'Maison Lumen' },
      mediator: { ...DEFAULT_MEDIATOR, name: 'Médiateur du e-commerce de la FEVAD' },
      retentionYears: 7,
    });
    await waitFor(() => expect(field('Nom de l’entreprise').value).toBe('Maison Lumen'));
    expect(field('Nom du médiateur').value).toBe('Médiateur du e-commerce de la FEVAD');
    expect(field(/^Durée de conservation après clôture/).value).toBe('7');
    expect(screen.queryByTestId('settings-changed')).toBeNull();
  });

  it('keeps the edits of a section the manager is changing, says so and offers to reload it', async () => {
    await openPage();
    type('Téléphone du médiateur', '01 02 03 04 05');
    await organisationChanges({
      company: { ...DEFAULT_SETTINGS.company, name: 'Maison Lumen' },
      mediator: { ...DEFAULT_MEDIATOR, name: 'Médiateur du e-commerce de la FEVAD', phone: '01 42 56 38 86' },
    });

    // The untouched section follows; the edited one keeps what was typed, and the page says why.
    await waitFor(() => expect(field('Nom de l’entreprise').value).toBe('Maison Lumen'));
    expect(field('Téléphone du médiateur').value).toBe('01 02 03 04 05');
    expect(field('Nom du médiateur').value).toBe(DEFAULT_MEDIATOR.name);
    const notice = screen.getByTestId('settings-changed');
    expect(notice.getAttribute('role')).toBe('alert');
    expect(notice.textContent).toContain(
      'Votre organisation a modifié « Médiateur de la consommation » pendant que vous le modifiiez. Vos changements non enregistrés restent affichés',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Recharger « Médiateur de la consommation »' }));
    expect(field('Téléphone du médiateur').value).toBe('01 42 56 38 86');
    expect(field('Nom du médiateur').value).toBe('Médiateur du e-commerce de la FEVAD');
    expect(screen.queryByTestId('settings-changed')).toBeNull();
  });

  it('says nothing when the edit already matches what the organisation set, or when a complaint changes', async () => {
    await openPage();
    type('Nom du médiateur', 'Médiateur du e-commerce de la FEVAD');
    await announceChange([crypto.randomUUID()]);
    await organisationChanges({ mediator: { ...DEFAULT_MEDIATOR, name: 'Médiateur du e-commerce de la FEVAD' } });
    await waitFor(() => expect(field('Nom du médiateur').value).toBe('Médiateur du e-commerce de la FEVAD'));
    expect(screen.queryByTestId('settings-changed')).toBeNull();
  });
});

describe('an open letter editor when the organisation’s letter changes', () => {
  const openEditor = () =>
    fireEvent.click(screen.getByRole('button', { name: 'Modifier le modèle « Accusé de réception (sous 48 h) »' }));
  const source = () => screen.getByTestId('template-source') as HTMLTextAreaElement;

  it('shows the organisation’s letter when nothing was typed', async () => {
    await openPage();
    openEditor();
    await organisationChanges({}, ORG_LETTER);
    await waitFor(() => expect(source().value).toBe(ORG_LETTER));
    expect(screen.queryByTestId('template-changed')).toBeNull();
  });

  it('keeps the text being typed, says the organisation changed the letter, and reloads it on request', async () => {
    await openPage();
    openEditor();
    const mine = `${SHIPPED_SOURCES.fr['accuse-reception']}\nMa version`;
    fireEvent.input(source(), { target: { value: mine } });
    await organisationChanges({}, ORG_LETTER);

    const notice = await screen.findByTestId('template-changed');
    expect(notice.textContent).toContain('Ce modèle a été modifié ailleurs (par votre organisation');
    expect(source().value).toBe(mine);
    fireEvent.click(screen.getByRole('button', { name: 'Recharger le modèle' }));
    expect(source().value).toBe(ORG_LETTER);
    expect(screen.queryByTestId('template-changed')).toBeNull();
  });
});
