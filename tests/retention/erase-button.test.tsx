import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EraseButton } from '@/components/retention/EraseButton';
import { setLang } from '@/lib/i18n';
import { complaint } from '../support/complaints';

/** Waits for the state, not a timer; the limit only catches a state that never comes (busy machines). */
const WAIT = { timeout: 10_000 };

beforeEach(() => setLang('fr'));
afterEach(cleanup);

describe('the erase button of the complaint view', () => {
  it('asks for a confirmation naming the complaint and the customer before anonymising', async () => {
    const c = complaint();
    const onAnonymize = vi.fn(async () => undefined);
    render(<EraseButton complaint={c} onAnonymize={onAnonymize} />);
    fireEvent.click(screen.getByRole('button', { name: 'Anonymiser (demande d’effacement du client)' }));
    const dialog = screen.getByRole('alertdialog', {
      name: `Anonymiser la réclamation ${c.reference} (Claire Martin) ?`,
    });
    expect(dialog.textContent).toContain('irréversible');
    expect(onAnonymize).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Anonymiser définitivement' }));
    await vi.waitFor(() => expect(onAnonymize).toHaveBeenCalledWith('request'), WAIT);
  });

  it('does nothing when the confirmation is cancelled', () => {
    const onAnonymize = vi.fn(async () => undefined);
    render(<EraseButton complaint={complaint()} onAnonymize={onAnonymize} />);
    fireEvent.click(screen.getByTestId('erase'));
    fireEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(onAnonymize).not.toHaveBeenCalled();
  });

  it('shows the refusal in French and keeps the confirmation open', async () => {
    const onAnonymize = vi.fn(async () => ({ key: 'privacy.alreadyAnonymized', message: 'Déjà anonymisée.' }));
    render(<EraseButton complaint={complaint()} onAnonymize={onAnonymize} />);
    fireEvent.click(screen.getByTestId('erase'));
    fireEvent.click(screen.getByTestId('erase-yes'));
    expect((await screen.findByRole('alert')).textContent).toBe('Déjà anonymisée.');
    expect(screen.getByRole('alertdialog')).toBeTruthy();
  });

  it('says when an anonymised complaint was anonymised, with no button', () => {
    const c = { ...complaint(), anonymizedAt: '2026-04-01T08:00:00.000Z' };
    render(<EraseButton complaint={c} onAnonymize={vi.fn()} />);
    expect(screen.getByTestId('anonymized-notice').textContent).toMatch(
      /^Réclamation anonymisée le 1 avr\. 2026 à 10:00/,
    );
    expect(screen.queryByRole('button')).toBeNull();
  });
});
