import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CaseFile } from '@/components/casefile/CaseFile';
import { App } from '@/entrypoints/casefile/App';
import { DEFAULT_POLICY } from '@/lib/deadlines/policy';
import { setLang } from '@/lib/i18n';
import { anonymizeComplaint } from '@/lib/register/store/anonymize';
import { createComplaint, transitionComplaint, updateComplaint } from '@/lib/register/store/complaints';
import { getHistory, verifyComplaintChain } from '@/lib/register/store/queries';
import { saveSettings } from '@/lib/register/store/settings';
import { DEFAULT_MEDIATOR, DEFAULT_SETTINGS } from '@/lib/settings/schema';
import { freshDatabase, newInput } from '../support/complaints';
import { at, closedComplaint } from './fixtures';

/** Waits for the state, not a timer; the limit only catches a state that never comes (busy machines). */
const WAIT = { timeout: 10_000 };

beforeEach(async () => {
  setLang('fr');
  fakeBrowser.reset();
  await freshDatabase();
  await saveSettings({ company: { name: 'Maison Lumen SAS', address: '12 rue des Lilas, 69003 Lyon' } });
});
afterEach(cleanup);

/** A complaint that went through every step, then to the mediator and back to closure. */
async function completeComplaint() {
  const c = await closedComplaint();
  const referred = await updateComplaint(
    c.id,
    undefined,
    {
      mediation: { referredAt: '2020-04-10T08:00:00.000Z', caseNumber: 'AME-2020-118', outcome: 'pending', notes: '' },
    },
    at('2020-04-10T09:00:00Z'),
  );
  await transitionComplaint(c.id, referred.rev, 'mediation', at('2020-04-10T09:05:00Z'));
  await updateComplaint(
    c.id,
    undefined,
    { mediation: { ...referred.mediation, outcome: 'agreement', notes: 'Accord trouvé.' } },
    at('2020-05-02T09:00:00Z'),
  );
  return transitionComplaint(c.id, undefined, 'closed', at('2020-05-03T09:00:00Z'));
}

const section = (id: string) => screen.getByTestId(`cf-${id}`);

describe('the printable case file', () => {
  it('shows every section of a complete complaint', async () => {
    const c = await completeComplaint();
    render(<App id={c.id} />);
    await screen.findByTestId('casefile');
    await vi.waitFor(() => expect(document.title).toBe(`Dossier de réclamation ${c.reference} (interne)`), WAIT);
    expect(section('company').textContent).toContain('Maison Lumen SAS');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      `Dossier de réclamation ${c.reference} (interne)`,
    );
    const complaint = section('complaint').textContent ?? '';
    for (const text of ['Claire Martin', 'claire.martin@example.fr', 'CMD-99812', 'Vase Lumen brisé', 'E-mail'])
      expect(complaint).toContain(text);
    expect(complaint).toContain('Remboursement demandé par la cliente');
    expect(within(section('deadlines')).getByTestId('cf-clock-ack').textContent).toContain('Dans les délais');
    expect(section('deadlines').textContent).toContain('Attente du retour de Mme Martin');
    const steps = within(section('steps'))
      .getAllByTestId('cf-step')
      .map((s) => s.textContent);
    expect(steps.map((s) => s?.split(' · ')[1])).toEqual([
      'Enregistrée',
      'Accusé de réception envoyé',
      'En cours d’analyse',
      'Réponse envoyée',
      'Clôturée',
      'En médiation',
      'Clôturée',
    ]);
    expect(section('decision').textContent).toContain('Favorable');
    expect(section('decision').textContent).toContain('Double carton désormais');
    expect(section('compensation').textContent).toMatch(/45,00\s€/);
    expect(section('followUp').textContent).toContain('Appeler Claire pour confirmer');
    const mediation = section('mediation').textContent ?? '';
    for (const text of [DEFAULT_MEDIATOR.name, DEFAULT_MEDIATOR.organisation, 'AME-2020-118', 'Accord'])
      expect(mediation).toContain(text);
    const letter = within(section('letters')).getByTestId('cf-letter');
    expect(letter.textContent).toContain('Réponse favorable avec dédommagement');
    expect(letter.textContent).toContain('a'.repeat(64));
    expect(within(letter).getByTestId('cf-letter-not-kept').textContent).toMatch(/^Texte non conservé : courrier/);
    expect(within(letter).queryByTestId('cf-letter-text')).toBeNull();
    expect(section('chain').textContent).toContain('Chaîne d’historique vérifiée : 14 événement(s)');
    expect(screen.getByRole('button', { name: 'Imprimer / enregistrer en PDF' })).toBeTruthy();
  });

  it('prints through the browser’s print dialog', async () => {
    const c = await createComplaint(newInput(), DEFAULT_POLICY, at('2026-03-02T10:00:00Z'));
    const onPrint = vi.fn();
    render(
      <CaseFile
        complaint={c}
        history={await getHistory(c.id)}
        verdict={await verifyComplaintChain(c.id)}
        settings={DEFAULT_SETTINGS}
        audience="internal"
        now={new Date('2026-03-03T10:00:00Z')}
        onPrint={onPrint}
      />,
    );
    screen.getByTestId('print').click();
    expect(onPrint).toHaveBeenCalledOnce();
    expect(screen.getByTestId('print').closest('.no-print')).toBeTruthy();
    expect(section('mediation').textContent).toContain('Le client n’a pas saisi le médiateur.');
    expect(section('closure').textContent).toContain('Réclamation non clôturée.');
  });

  it('renders a hostile customer name as text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const c = await createComplaint(
      newInput({ customer: { name: hostile }, subject: '<script>alert(2)</script>', excerpt: '<b>gras</b>' }),
      DEFAULT_POLICY,
      at('2026-03-02T10:00:00Z'),
    );
    const { container } = render(<App id={c.id} />);
    await screen.findByTestId('casefile');
    expect(screen.getByText(hostile)).toBeTruthy();
    expect(screen.getByText('<script>alert(2)</script>')).toBeTruthy();
    expect(container.querySelector('img, script, b')).toBeNull();
  });

  it('prints an anonymised complaint with its anonymised data only', async () => {
    const c = await completeComplaint();
    await anonymizeComplaint(c.id, 'request', at('2026-06-01T08:00:00Z'));
    const { container } = render(<App id={c.id} />);
    await screen.findByTestId('casefile');
    expect(screen.getByTestId('cf-anonymized').textContent).toMatch(/^Réclamation anonymisée le 1 juin 2026/);
    expect(section('complaint').textContent).toContain('Client anonymisé');
    expect(container.textContent).not.toMatch(/Claire|Martin|CMD-99812|AME-2020-118/);
    expect(section('chain').textContent).toMatch(/valeur\(s\) effacée\(s\)/);
    expect(section('decision').textContent).toContain('Favorable');
  });

  it('says when the complaint does not exist', async () => {
    render(<App id={crypto.randomUUID()} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Réclamation introuvable/);
  });
});
