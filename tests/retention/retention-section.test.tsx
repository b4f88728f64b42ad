import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RetentionPanel } from '@/components/retention/RetentionPanel';
import { RetentionSection } from '@/components/retention/RetentionSection';
import { startBackground } from '@/lib/extension/background/start';
import { setLang } from '@/lib/i18n';
import type { RetentionCandidate } from '@/lib/register/retention';
import type { RetentionReport } from '@/lib/register/store/anonymize';
import { quarantineAges } from '@/lib/register/store/quarantine';
import { getComplaint } from '@/lib/register/store/queries';
import { freshDatabase } from '../support/complaints';
import { closedComplaint } from './fixtures';

beforeEach(() => setLang('fr'));
afterEach(cleanup);

const candidates: RetentionCandidate[] = [
  {
    id: crypto.randomUUID(),
    reference: 'REC-2019-0004',
    phase: 'closed',
    since: '2019-05-02T10:00:00.000Z',
    basis: 'closed',
    initials: 'C. M.',
  },
  {
    id: crypto.randomUUID(),
    reference: 'REC-2020-0011',
    phase: 'answered',
    since: '2020-01-15T10:00:00.000Z',
    basis: 'lastEvent',
    initials: 'P. D.',
  },
];
/** The retention periods and an empty quarantine: what every render below shares. */
const periods = { years: 5, notComplaintYears: 1, quarantine: [] };
const report = (over: Partial<RetentionReport> = {}): RetentionReport => ({ anonymized: [], skipped: [], ...over });

describe('the retention section', () => {
  it('lists the complaints due with their closure or last event date and the customer’s initials only', () => {
    render(<RetentionSection {...periods} candidates={candidates} onAnonymize={vi.fn()} />);
    const rows = within(screen.getByTestId('retention-list')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      'REC-2019-0004jeu. 2 mai 2019 (clôture)C. M.',
      'REC-2020-0011mer. 15 janv. 2020 (dernier événement)P. D.',
    ]);
    expect(screen.getByText(/conservées 5 an\(s\) après sa clôture/).textContent).toContain(
      '1 an(s) après son dernier événement pour un message classé « pas une réclamation »',
    );
  });

  it('lists the records in quarantine with their age, oldest first, and flags those past retention', () => {
    const now = new Date('2026-06-01T10:00:00.000Z');
    const quarantine = quarantineAges(
      [
        {
          key: 'complaints:a',
          store: 'complaints',
          raw: { reference: 'REC-2025-0007', updatedAt: '2026-05-02T10:00:00.000Z' },
          issues: 'phase',
          at: '2026-05-20T10:00:00.000Z',
        },
        {
          key: 'complaints:b',
          store: 'complaints',
          raw: { reference: 'REC-2019-0002', updatedAt: '2019-01-10T10:00:00.000Z' },
          issues: 'clocks',
          at: '2025-11-03T10:00:00.000Z',
        },
        { key: 'history:c#4', store: 'history', raw: 'x', issues: 'type', at: '2026-04-01T10:00:00.000Z' },
      ],
      now,
    );
    render(<RetentionSection {...periods} quarantine={quarantine} candidates={[]} onAnonymize={vi.fn()} />);
    const list = screen.getByTestId('quarantine-list');
    const rows = within(list).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      'REC-2019-0002lun. 3 nov. 20257 an(s) — durée de conservation dépassée',
      'history:c#4mer. 1 avr. 202661 jour(s)',
      'REC-2025-0007mer. 20 mai 202630 jour(s)',
    ]);
    expect(within(screen.getByTestId('quarantine')).getByRole('heading').textContent).toBe(
      'Enregistrements en quarantaine',
    );
  });

  it('says when nothing is in quarantine', () => {
    render(<RetentionSection {...periods} candidates={[]} onAnonymize={vi.fn()} />);
    expect(within(screen.getByTestId('quarantine')).getByText('Aucun enregistrement en quarantaine.')).toBeTruthy();
  });

  it('names every complaint in the confirmation, and does nothing when it is cancelled', () => {
    const onAnonymize = vi.fn(async () => report());
    render(<RetentionSection {...periods} candidates={candidates} onAnonymize={onAnonymize} />);
    fireEvent.click(screen.getByRole('button', { name: 'Anonymiser ces réclamations…' }));
    const dialog = screen.getByRole('alertdialog', {
      name: '2 réclamations vont être anonymisées : REC-2019-0004, REC-2020-0011.',
    });
    expect(dialog).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(onAnonymize).not.toHaveBeenCalled();
  });

  it('anonymises them once confirmed and reports what was done and what was not', async () => {
    const [a, b] = candidates as [RetentionCandidate, RetentionCandidate];
    const onAnonymize = vi.fn(async () =>
      report({
        anonymized: [{ id: a.id, reference: a.reference }],
        skipped: [{ id: b.id, message: 'Déjà anonymisée.' }],
      }),
    );
    render(<RetentionSection {...periods} candidates={candidates} onAnonymize={onAnonymize} />);
    fireEvent.click(screen.getByTestId('retention-apply'));
    fireEvent.click(screen.getByRole('button', { name: 'Confirmer l’anonymisation' }));
    const result = await screen.findByTestId('retention-report');
    expect(onAnonymize).toHaveBeenCalledWith([a.id, b.id]);
    expect(result.textContent).toContain('1 réclamation(s) anonymisée(s) : REC-2019-0004.');
    expect(result.textContent).toContain('Déjà anonymisée.');
  });

  it('says so when nothing is due, and while the register is being read', () => {
    const { rerender } = render(<RetentionSection {...periods} candidates={null} onAnonymize={vi.fn()} />);
    expect(screen.getByRole('status').textContent).toMatch(/^Recherche des réclamations/);
    rerender(<RetentionSection {...periods} candidates={[]} onAnonymize={vi.fn()} />);
    expect(screen.getByTestId('retention-none').textContent).toBe(
      'Aucune réclamation n’a dépassé la durée de conservation.',
    );
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('uses the singular for one complaint', () => {
    render(<RetentionSection {...periods} candidates={candidates.slice(0, 1)} onAnonymize={vi.fn()} />);
    fireEvent.click(screen.getByTestId('retention-apply'));
    expect(screen.getByRole('alertdialog', { name: '1 réclamation va être anonymisée : REC-2019-0004.' })).toBeTruthy();
  });
});

describe('the retention panel on the register', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await freshDatabase();
    startBackground();
  });

  it('finds the complaints past retention in the register and anonymises them through the background', async () => {
    const old = await closedComplaint('2019-01-07T09:00:00.000Z', '2019-02-01T10:00:00Z');
    await closedComplaint(new Date(Date.now() - 20 * 86_400_000).toISOString(), new Date().toISOString());
    render(<RetentionPanel />);
    const list = await screen.findByTestId('retention-list');
    expect(within(list).getAllByRole('row')).toHaveLength(2);
    expect(list.textContent).toContain(old.reference);
    expect(list.textContent).toContain('C. M.');
    expect(list.textContent).not.toContain('Claire');
    fireEvent.click(screen.getByTestId('retention-apply'));
    fireEvent.click(screen.getByRole('button', { name: 'Confirmer l’anonymisation' }));
    expect((await screen.findByTestId('retention-report')).textContent).toContain(old.reference);
    expect((await getComplaint(old.id))?.anonymizedAt).not.toBeNull();
    expect(await screen.findByTestId('retention-none')).toBeTruthy();
  });
});
