// The fields a letter needs to address the customer and to state the remedy: civility and company on the
// new-complaint form and the register step; the compensation's amount, method and date, and a remedy owed
// by law (named as such, never as a geste commercial) on the answer step.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { Compensation } from '@/components/casefile/CaseFileOutcome';
import { NewComplaintForm } from '@/components/complaint/NewComplaintForm';
import { AnswerStep } from '@/components/complaint/steps/AnswerStep';
import { RegisterStep } from '@/components/complaint/steps/RegisterStep';
import type { ComplaintActions } from '@/components/complaint/types';
import type { Draft } from '@/lib/register/draft';
import type { Complaint } from '@/lib/register/schema';
import { DEFAULT_CATEGORIES, DEFAULT_SETTINGS } from '@/lib/settings/schema';
import { complaint } from '../support/complaints';

const NOW = new Date('2026-03-02T10:00:00Z');
const draft: Draft = {
  receivedAt: '2026-03-02T09:00:00.000Z',
  channel: 'email',
  source: { webmail: 'gmail', messageId: 'msg-f:2' },
  customer: { civility: 'none', name: 'Claire Martin', email: 'claire@example.fr' },
  subject: 'Lampe arrivée cassée',
  excerpt: 'Bonjour, la lampe est arrivée cassée.',
};

function actions(): ComplaintActions & { patch: ReturnType<typeof vi.fn> } {
  return {
    patch: vi.fn(async () => undefined),
    transition: vi.fn(),
    extend: vi.fn(),
    note: vi.fn(),
    anonymize: vi.fn(),
    insertLetter: vi.fn(),
    open: vi.fn(),
  } as never;
}

function step(Step: typeof AnswerStep, c: Complaint) {
  const a = actions();
  render(<Step complaint={c} settings={DEFAULT_SETTINGS} overrides={{}} now={NOW} actions={a} />);
  return a;
}

const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const choose = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('how the customer is addressed, on the new-complaint form', () => {
  it('leaves the civility unspecified until the agent chooses, and sends the chosen one with the company', async () => {
    const onSubmit = vi.fn().mockResolvedValue(undefined);
    render(<NewComplaintForm draft={draft} categories={DEFAULT_CATEGORIES} now={NOW} onSubmit={onSubmit} />);
    const civility = screen.getByLabelText('Civilité') as HTMLSelectElement;
    expect(civility.value).toBe('none');
    expect([...civility.options].map((o) => o.text)).toEqual(['Non précisée', 'Madame', 'Monsieur']);
    expect(input('Société (si le client écrit pour une entreprise)').value).toBe('');

    choose('Civilité', 'madame');
    type('Société (si le client écrit pour une entreprise)', '  Lumen SARL ');
    choose('Motif', 'livraison');
    fireEvent.submit(screen.getByTestId('new-complaint-form'));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[0].customer).toEqual({
      civility: 'madame',
      name: 'Claire Martin',
      company: 'Lumen SARL',
      email: 'claire@example.fr',
    });
  });

  it('records no company when none is typed', async () => {
    const onSubmit = vi.fn().mockResolvedValue(undefined);
    render(<NewComplaintForm draft={draft} categories={DEFAULT_CATEGORIES} now={NOW} onSubmit={onSubmit} />);
    choose('Motif', 'livraison');
    fireEvent.submit(screen.getByTestId('new-complaint-form'));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[0].customer.civility).toBe('none');
    expect(onSubmit.mock.calls[0]?.[0].customer.company).toBeUndefined();
  });
});

describe('how the customer is addressed, on the register step', () => {
  it('shows the stored civility and company and saves the agent’s changes', async () => {
    const c = complaint({ customer: { civility: 'monsieur', name: 'Paul Durand', company: 'Durand & fils' } });
    const a = step(RegisterStep, c);
    expect((screen.getByLabelText('Civilité') as HTMLSelectElement).value).toBe('monsieur');
    expect(input('Société (si le client écrit pour une entreprise)').value).toBe('Durand & fils');

    choose('Civilité', 'madame');
    type('Nom du client', 'Paula Durand');
    type('Société (si le client écrit pour une entreprise)', '');
    fireEvent.submit(screen.getByTestId('register-step'));
    await waitFor(() => expect(a.patch).toHaveBeenCalledTimes(1));
    const customer = a.patch.mock.calls[0]?.[0].customer;
    expect(customer).toMatchObject({ civility: 'madame', name: 'Paula Durand', company: undefined });
  });
});

describe('the compensation on the answer step', () => {
  const investigating = () => ({ ...complaint(), phase: 'acknowledged' as const });
  const saved = async (a: ReturnType<typeof actions>) => {
    fireEvent.submit(screen.getByTestId('answer-step'));
    await waitFor(() => expect(a.patch).toHaveBeenCalledTimes(1));
    return a.patch.mock.calls[0]?.[0].compensation as Complaint['compensation'];
  };

  it('asks for the amount, the payment method and the payment date of a financial compensation', async () => {
    const a = step(AnswerStep, investigating());
    expect(screen.queryByLabelText('Mode de paiement')).toBeNull();
    choose('Dédommagement', 'financial');
    const methods = screen.getByLabelText('Mode de paiement') as HTMLSelectElement;
    expect([...methods.options].map((o) => o.text)).toEqual([
      'À préciser',
      'Remboursement sur le moyen de paiement d’origine',
      'Virement',
      'Chèque',
      'Avoir',
    ]);
    type('Montant (€)', '25,50');
    choose('Mode de paiement', 'transfer');
    type('Date de paiement', '2026-03-20');
    expect(await saved(a)).toMatchObject({
      kind: 'financial',
      amountEuros: 25.5,
      method: 'transfer',
      dueDay: '2026-03-20',
      legalRemedy: null,
      legalBasis: null,
    });
  });

  it('calls a commercial gesture a geste commercial, without amount or method, and warns about remedies owed by law', async () => {
    const a = step(AnswerStep, investigating());
    choose('Dédommagement', 'commercial');
    expect(screen.queryByLabelText('Montant (€)')).toBeNull();
    expect(screen.queryByLabelText('Mode de paiement')).toBeNull();
    expect(screen.getByTestId('compensation-hint').textContent).toContain('n’est pas un geste commercial');
    type('Geste commercial accordé (bon d’achat, remise, produit offert…)', 'Bon d’achat de 15 €');
    expect(await saved(a)).toMatchObject({ kind: 'commercial', description: 'Bon d’achat de 15 €', method: null });
  });

  it('records a refund owed by law with its ground, amount, method and date', async () => {
    const a = step(AnswerStep, investigating());
    choose('Dédommagement', 'legal');
    expect(screen.getByTestId('compensation-hint').textContent).toContain('ne le présentez jamais comme tel');
    const remedies = screen.getByLabelText('Remède') as HTMLSelectElement;
    expect([...remedies.options].map((o) => o.text)).toEqual([
      'À préciser',
      'Remboursement',
      'Remplacement',
      'Réparation',
    ]);
    const grounds = screen.getByLabelText('Fondement') as HTMLSelectElement;
    expect([...grounds.options].map((o) => o.text)).toEqual([
      'À préciser',
      'Garantie légale de conformité (art. L217-3 et s. du Code de la consommation)',
      'Colis endommagé pendant le transport (art. L216-2 du Code de la consommation)',
    ]);
    expect(screen.queryByLabelText('Montant (€)')).toBeNull(); // no remedy chosen yet
    choose('Remède', 'refund');
    choose('Fondement', 'transport');
    type('Montant (€)', '89');
    choose('Mode de paiement', 'originalPayment');
    type('Date du remboursement', '2026-03-09');
    expect(await saved(a)).toMatchObject({
      kind: 'legal',
      legalRemedy: 'refund',
      legalBasis: 'transport',
      amountEuros: 89,
      method: 'originalPayment',
      dueDay: '2026-03-09',
    });
  });

  it('asks only the date of a replacement, and drops an amount typed for another remedy', async () => {
    const a = step(AnswerStep, investigating());
    choose('Dédommagement', 'legal');
    choose('Remède', 'refund');
    type('Montant (€)', '89');
    choose('Mode de paiement', 'cheque');
    choose('Remède', 'replacement');
    choose('Fondement', 'conformity');
    expect(screen.queryByLabelText('Montant (€)')).toBeNull();
    expect(screen.queryByLabelText('Mode de paiement')).toBeNull();
    type('Date du remplacement ou de la réparation', '2026-03-12');
    expect(await saved(a)).toMatchObject({
      kind: 'legal',
      legalRemedy: 'replacement',
      legalBasis: 'conformity',
      amountEuros: null,
      method: null,
      dueDay: '2026-03-12',
    });
  });
});

describe('the compensation in the case file', () => {
  it('names a remedy owed by law, its ground, and for a refund the amount, method and date', () => {
    const c = complaint();
    const { container } = render(
      <Compensation
        complaint={{
          ...c,
          compensation: {
            ...c.compensation,
            kind: 'legal',
            legalRemedy: 'refund',
            legalBasis: 'conformity',
            amountEuros: 89,
            method: 'originalPayment',
            dueDay: '2026-03-09',
          },
        }}
      />,
    );
    const text = container.textContent ?? '';
    expect(text).toContain('Remède dû par la loi (remboursement, remplacement, réparation)');
    expect(text).toContain('RemèdeRemboursement');
    expect(text).toContain('Garantie légale de conformité (art. L217-3 et s. du Code de la consommation)');
    expect(text).toMatch(/89,00\s€/);
    expect(text).toContain('Remboursement sur le moyen de paiement d’origine');
    expect(text).toContain('Date du remboursement');
    expect(text).not.toContain('Geste commercial');
  });

  it('shows no payment line for a replacement, only its date', () => {
    const c = complaint();
    const { container } = render(
      <Compensation
        complaint={{
          ...c,
          compensation: {
            ...c.compensation,
            kind: 'legal',
            legalRemedy: 'replacement',
            legalBasis: 'transport',
            dueDay: '2026-03-12',
          },
        }}
      />,
    );
    const text = container.textContent ?? '';
    expect(text).toContain('Date du remplacement ou de la réparation');
    expect(text).not.toContain('Mode de paiement');
    expect(text).not.toContain('Montant');
  });
});
