import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { EditSection } from '@/components/complaint/EditSection';
import { NewComplaintForm } from '@/components/complaint/NewComplaintForm';
import { Stepper } from '@/components/complaint/Stepper';
import { TransitionButton } from '@/components/complaint/TransitionButton';
import type { Draft } from '@/lib/register/draft';
import { transitionRecord } from '@/lib/register/records';
import { stepState } from '@/lib/register/steps';
import { DEFAULT_CATEGORIES } from '@/lib/settings/schema';
import { complaint, ctx, readyToAnswer } from '../support/complaints';

const draft: Draft = {
  receivedAt: '2026-03-02T09:00:00.000Z',
  channel: 'email',
  source: { webmail: 'gmail', messageId: 'msg-f:1', threadId: 'thread-f:1' },
  customer: { civility: 'none', name: 'Claire Martin', email: 'claire@example.fr' },
  subject: 'Lampe arrivée cassée',
  excerpt: 'Bonjour, la lampe est arrivée cassée.',
  spot: {
    likely: true,
    score: 4,
    cues: [{ id: 'defect', label: 'Produit défectueux ou abîmé', weight: 2, excerpt: 'arrivée cassée' }],
  },
};
const NOW = new Date('2026-03-02T10:00:00Z');

describe('the new-complaint form', () => {
  it('is prefilled from the message and says why it looks like a complaint', () => {
    render(<NewComplaintForm draft={draft} categories={DEFAULT_CATEGORIES} now={NOW} onSubmit={vi.fn()} />);
    expect((screen.getByLabelText('Nom du client') as HTMLInputElement).value).toBe('Claire Martin');
    expect((screen.getByLabelText('Objet') as HTMLInputElement).value).toBe('Lampe arrivée cassée');
    expect(screen.getByTestId('spot-explanation').textContent).toContain('arrivée cassée');
  });

  it('explains a message the model flags without any cue by the words that weighed', () => {
    render(
      <NewComplaintForm
        draft={{
          ...draft,
          spot: { likely: true, score: 0, cues: [], fragments: [{ text: 'toujours rien', weight: 0.4 }] },
        }}
        categories={DEFAULT_CATEGORIES}
        now={NOW}
        onSubmit={vi.fn()}
      />,
    );
    expect(screen.getByTestId('spot-explanation').textContent).toContain('mots qui ont pesé : « toujours rien »');
  });

  it('says nothing was spotted when the verdict is not likely, whatever cues were found', () => {
    render(
      <NewComplaintForm
        draft={{ ...draft, spot: { ...(draft.spot as NonNullable<Draft['spot']>), likely: false } }}
        categories={DEFAULT_CATEGORIES}
        now={NOW}
        onSubmit={vi.fn()}
      />,
    );
    expect(screen.queryByTestId('spot-explanation')).toBeNull();
    expect(screen.getByText('Aucun indice fort de réclamation dans ce message.')).toBeTruthy();
  });

  it('shows French errors next to the fields, sends nothing and keeps what was typed', async () => {
    const onSubmit = vi.fn();
    render(
      <NewComplaintForm
        draft={{ ...draft, subject: '' }}
        categories={DEFAULT_CATEGORIES}
        now={NOW}
        onSubmit={onSubmit}
      />,
    );
    fireEvent.input(screen.getByLabelText('Résumé de l’agent'), { target: { value: 'À rappeler demain' } });
    fireEvent.submit(screen.getByTestId('new-complaint-form'));
    await waitFor(() => expect(screen.getByText('Indiquez l’objet de la réclamation.')).toBeTruthy());
    expect(screen.getByText('Choisissez le motif de la réclamation.')).toBeTruthy();
    expect(screen.getByLabelText('Objet').getAttribute('aria-invalid')).toBe('true');
    expect(onSubmit).not.toHaveBeenCalled();
    expect((screen.getByLabelText('Résumé de l’agent') as HTMLTextAreaElement).value).toBe('À rappeler demain');
  });

  it('sends a valid entry and shows the errors the background returns, without losing the form', async () => {
    const onSubmit = vi.fn().mockResolvedValue({ email: 'adresse e-mail invalide', form: 'Données invalides' });
    render(<NewComplaintForm draft={draft} categories={DEFAULT_CATEGORIES} now={NOW} onSubmit={onSubmit} />);
    fireEvent.change(screen.getByLabelText('Motif'), { target: { value: 'livraison' } });
    fireEvent.submit(screen.getByTestId('new-complaint-form'));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({
      category: 'livraison',
      source: { messageId: 'msg-f:1' },
      customer: { email: 'claire@example.fr' },
    });
    await waitFor(() => expect(screen.getByText('adresse e-mail invalide')).toBeTruthy());
    expect((screen.getByLabelText('Objet') as HTMLInputElement).value).toBe('Lampe arrivée cassée');
  });

  it('gives the form typed for a message back when the agent returns to it', () => {
    let kept: unknown;
    const { unmount } = render(
      <NewComplaintForm
        draft={draft}
        categories={DEFAULT_CATEGORIES}
        now={NOW}
        onSubmit={vi.fn()}
        onEdit={(s) => (kept = s)}
      />,
    );
    fireEvent.input(screen.getByLabelText('Produit ou service concerné'), { target: { value: 'Lampe Opaline' } });
    unmount();
    render(
      <NewComplaintForm
        draft={draft}
        saved={kept as never}
        categories={DEFAULT_CATEGORIES}
        now={NOW}
        onSubmit={vi.fn()}
      />,
    );
    expect((screen.getByLabelText('Produit ou service concerné') as HTMLInputElement).value).toBe('Lampe Opaline');
  });
});

describe('the stepper and the guarded steps', () => {
  it('marks done, current and skipped steps as the complaint moves on', () => {
    const c = complaint();
    expect(
      ['register', 'acknowledge', 'investigate', 'answer', 'followUp', 'mediation'].map((s) =>
        stepState(s as never, c),
      ),
    ).toEqual(['done', 'current', 'todo', 'todo', 'todo', 'todo']);
    const acked = transitionRecord(c, 'acknowledged', ctx()).complaint;
    expect(stepState('acknowledge', acked)).toBe('done');
    expect(stepState('investigate', acked)).toBe('current');
    const closed = transitionRecord(
      transitionRecord(readyToAnswer(acked), 'answered', ctx()).complaint,
      'closed',
      ctx(),
    ).complaint;
    expect(stepState('answer', closed)).toBe('done');
    expect(stepState('mediation', closed)).toBe('skipped');
  });

  it('is a keyboard-reachable list of six steps, the current one marked', () => {
    const onSelect = vi.fn();
    render(<Stepper complaint={complaint()} selected="acknowledge" onSelect={onSelect} />);
    const buttons = screen.getAllByRole('button');
    expect(buttons).toHaveLength(6);
    expect(buttons[1]?.getAttribute('aria-current')).toBe('step');
    expect(buttons[1]?.textContent).toBe('2Accuser réception, étape 2 (en cours)');
    fireEvent.click(buttons[3]!);
    expect(onSelect).toHaveBeenCalledWith('answer');
  });

  it('lists in French what a refused step is missing', async () => {
    const onRun = vi.fn().mockResolvedValue({
      key: 'register.transition.missing',
      message: 'Étape refusée : 2 élément(s) manquant(s).',
      missing: [
        { key: 'register.guard.outcome', message: 'Choisissez la décision (favorable, partielle ou défavorable).' },
        { key: 'register.guard.reasons', message: 'Motivez la décision.' },
      ],
    });
    render(<TransitionButton label="Marquer la réponse comme envoyée" onRun={onRun} />);
    fireEvent.click(screen.getByRole('button', { name: 'Marquer la réponse comme envoyée' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Motivez la décision.'));
    expect(screen.getByRole('list', { name: 'Éléments manquants' }).children).toHaveLength(2);
  });

  it('asks for confirmation before a step that says a letter was sent, and does nothing if declined', () => {
    const onRun = vi.fn();
    const confirm = vi.fn(() => false);
    const original = window.confirm;
    window.confirm = confirm;
    render(
      <TransitionButton
        label="Marquer l’accusé de réception comme envoyé"
        confirm="L’accusé de réception a-t-il bien été envoyé ?"
        onRun={onRun}
      />,
    );
    fireEvent.click(screen.getByRole('button'));
    expect(confirm).toHaveBeenCalledWith('L’accusé de réception a-t-il bien été envoyé ?');
    expect(onRun).not.toHaveBeenCalled();
    window.confirm = original;
  });
});

describe('an edited section of a complaint', () => {
  const section = (rev: number, subject: string, onSave = vi.fn(async () => undefined)) => (
    <EditSection title="Réclamation" value={{ subject }} rev={rev} onSave={onSave} testId="section">
      {(d, set) => (
        <label>
          Objet
          <input value={d.subject} onInput={(e) => set({ subject: (e.target as HTMLInputElement).value })} />
        </label>
      )}
    </EditSection>
  );

  it('keeps what the agent typed when a new version arrives just before (its effect runs after paint)', async () => {
    const { rerender } = render(section(1, 'Colis abîmé'));
    await act(() => {
      rerender(section(2, 'Colis abîmé (v2)')); // the new version's effect is still pending…
      fireEvent.input(screen.getByLabelText('Objet'), { target: { value: 'Colis arrivé cassé' } }); // …when the agent types
    });
    expect((screen.getByLabelText('Objet') as HTMLInputElement).value).toBe('Colis arrivé cassé');
  });

  it('takes a new version while nothing is being edited', async () => {
    const { rerender } = render(section(1, 'Colis abîmé'));
    await act(() => rerender(section(2, 'Colis abîmé (v2)')));
    expect((screen.getByLabelText('Objet') as HTMLInputElement).value).toBe('Colis abîmé (v2)');
  });
});
