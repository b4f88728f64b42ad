import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { RegisterFilters } from '@/components/RegisterFilters';
import { RegisterList } from '@/components/RegisterList';
import { matchesFilter } from '@/lib/register/filters';
import { transitionRecord } from '@/lib/register/records';
import { compareUrgency, countdown } from '@/lib/register/urgency';
import { DEFAULT_CATEGORIES } from '@/lib/settings/schema';
import { complaint, ctx } from '../support/complaints';

const NOW = new Date('2026-03-10T12:00:00Z');
// Received 2 March 10:00 Paris: acknowledgement due 4 March (overdue at NOW), answer due 12 March.
const overdue = complaint({ subject: 'Colis cassé', customer: { name: 'Élodie Bernard', email: 'elodie@example.fr' } });
// Received 9 March: acknowledgement due 11 March 13:00Z, in 25 h → running; 10 March 08:00Z → due in 24 h.
const dueSoon = complaint({
  receivedAt: '2026-03-09T11:00:00Z',
  subject: 'Facture',
  category: 'facturation',
  customer: { name: 'Paul' },
});
const running = complaint({ receivedAt: '2026-03-09T14:00:00Z', subject: 'Retard', customer: { name: 'Zoé' } });
const answered = transitionRecord(
  transitionRecord(
    {
      ...complaint({ receivedAt: '2026-03-01T09:00:00Z', subject: 'Ancien' }),
      phase: 'investigating',
      justified: 'no',
      decision: { outcome: 'unfavourable', reasons: 'x', nonConformity: false, causes: '', correctiveActions: '' },
    },
    'unfounded',
    ctx(NOW),
  ).complaint,
  'closed',
  ctx(NOW),
).complaint;

describe('the register list', () => {
  it('puts the most urgent first: overdue, due soon, then by next deadline, then the rest', () => {
    const sorted = [answered, running, dueSoon, overdue].sort(compareUrgency(NOW, 24));
    expect(sorted.map((c) => c.subject)).toEqual(['Colis cassé', 'Facture', 'Retard', 'Ancien']);
  });

  it('shows reference, customer, phase and a French countdown on each row', () => {
    render(
      <RegisterList complaints={[overdue, dueSoon]} now={NOW} dueSoonHours={24} filtered={false} onOpen={() => {}} />,
    );
    const rows = screen.getAllByTestId('register-row');
    expect(within(rows[0]!).getByText(overdue.reference)).toBeTruthy();
    expect(rows[0]!.textContent).toContain('Élodie Bernard');
    expect(rows[0]!.textContent).toContain('Enregistrée');
    expect(rows[0]!.textContent).toContain('Accusé de réception : en retard de 6 j');
    expect(rows[1]!.textContent).toContain('dans 23 h');
  });

  it('opens a complaint from its row with the keyboard', () => {
    const onOpen = vi.fn();
    render(<RegisterList complaints={[overdue]} now={NOW} dueSoonHours={24} filtered={false} onOpen={onOpen} />);
    const row = screen.getByTestId('register-row');
    expect(row.tagName).toBe('BUTTON');
    fireEvent.click(row);
    expect(onOpen).toHaveBeenCalledWith(overdue.id);
  });

  it('says so when the filters leave nothing', () => {
    render(<RegisterList complaints={[]} now={NOW} dueSoonHours={24} filtered onOpen={() => {}} />);
    expect(screen.getByText('Aucune réclamation ne correspond à ces filtres.')).toBeTruthy();
  });

  it('filters by phase, deadline state, category, severity, and searches reference, customer and subject without accents', () => {
    const all = [overdue, dueSoon, running, answered];
    const pick = (f: Parameters<typeof matchesFilter>[0]) =>
      all.filter(matchesFilter(f, NOW, 24)).map((c) => c.subject);
    expect(pick({ due: 'overdue' })).toEqual(['Colis cassé']);
    expect(pick({ due: 'dueSoon' })).toEqual(['Facture']);
    expect(pick({ phase: 'closed' })).toEqual(['Ancien']);
    expect(pick({ category: 'facturation' })).toEqual(['Facture']);
    expect(pick({ search: 'elodie' })).toEqual(['Colis cassé']);
    expect(pick({ search: dueSoon.reference })).toEqual(['Facture']);
    expect(pick({ severity: 3 })).toEqual([]);
  });

  it('reports filter changes from the controls, each with a French label', () => {
    const onChange = vi.fn();
    render(<RegisterFilters filter={{}} categories={DEFAULT_CATEGORIES} onChange={onChange} />);
    fireEvent.change(screen.getByLabelText('Étape'), { target: { value: 'investigating' } });
    expect(onChange).toHaveBeenLastCalledWith({ phase: 'investigating' });
    fireEvent.input(screen.getByLabelText('Rechercher (référence, client, objet)'), { target: { value: 'REC-2026' } });
    expect(onChange).toHaveBeenLastCalledWith({ search: 'REC-2026' });
  });
});

describe('the French countdown', () => {
  it('rounds down to the largest unit', () => {
    expect(countdown('2026-03-10T15:30:00Z', NOW)).toBe('dans 3 h');
    expect(countdown('2026-03-13T12:00:00Z', NOW)).toBe('dans 3 j');
    expect(countdown('2026-03-08T11:00:00Z', NOW)).toBe('en retard de 2 j');
    expect(countdown('2026-03-10T11:15:00Z', NOW)).toBe('en retard de 45 min');
  });
});
