// What agents see of the deadline rules: the real-hours note next to a 48-hour clock crossing days off, the
// payment services preset in the settings, and an extension the preset refuses.
import { act, fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ComplaintHeader } from '@/components/ComplaintHeader';
import { ExtendDeadline } from '@/components/complaint/ExtendDeadline';
import type { ComplaintActions } from '@/components/complaint/types';
import { toForm } from '@/components/options/form';
import { PolicySection } from '@/components/options/PolicySection';
import { POLICY_PRESETS } from '@/lib/deadlines/policy';
import { setLang } from '@/lib/i18n';
import { createRecord } from '@/lib/register/records';
import { DEFAULT_SETTINGS } from '@/lib/settings/schema';
import { complaint, ctx, newInput } from '../support/complaints';

describe('the real-hours note next to the acknowledgement clock', () => {
  it('says the 48 hours run over the weekend for a complaint received on Thursday evening', () => {
    const c = complaint({ receivedAt: '2026-03-12T17:30:00Z' }); // Thu 12 Mar 2026, 18:30 in Paris
    const now = new Date('2026-03-12T18:00:00Z');
    render(<ComplaintHeader complaint={c} now={now} dueSoonHours={24} />);
    expect(screen.getByTestId('real-hours-ack').textContent).toBe(
      'Délai en heures réelles : l’accusé de réception est dû le samedi 14 mars 2026 à 18:30, week-end et jours fériés compris.',
    );
    expect(screen.queryByTestId('real-hours-answer')).toBeNull();
  });

  it('says so in English too', () => {
    setLang('en');
    try {
      const c = complaint({ receivedAt: '2026-05-13T08:00:00Z' }); // the day before Ascension
      render(<ComplaintHeader complaint={c} now={new Date('2026-05-13T09:00:00Z')} dueSoonHours={24} />);
      expect(screen.getByTestId('real-hours-ack').textContent).toBe(
        'Deadline in real hours: the acknowledgement is due on Friday, 15 May 2026 at 10:00, weekends and public holidays included.',
      );
    } finally {
      setLang('fr');
    }
  });

  it('is not shown for a clock within working days, nor once the acknowledgement is sent', () => {
    const monday = complaint(); // Mon 2 Mar 2026, due Wed 4
    render(<ComplaintHeader complaint={monday} now={new Date('2026-03-02T10:00:00Z')} dueSoonHours={24} />);
    expect(screen.queryByTestId('real-hours-ack')).toBeNull();
    const friday = complaint({ receivedAt: '2026-03-13T17:30:00Z' });
    const acked = {
      ...friday,
      clocks: { ...friday.clocks, ack: { ...friday.clocks.ack, metAt: '2026-03-13T17:45:00.000Z' } },
    };
    render(<ComplaintHeader complaint={acked} now={new Date('2026-03-13T18:00:00Z')} dueSoonHours={24} />);
    expect(screen.queryByTestId('real-hours-ack')).toBeNull();
  });
});

describe('the payment services preset', () => {
  it('is offered in the settings with its one-line explanation', () => {
    const onChange = vi.fn();
    const form = toForm(DEFAULT_SETTINGS);
    const { rerender } = render(<PolicySection form={form} errors={{}} year={2026} onChange={onChange} />);
    const option = screen.getByRole('option', { name: /^Services de paiement/ });
    expect(option.textContent).toBe('Services de paiement (48 h / 15 jours ouvrables, 35 au plus)');
    fireEvent.change(screen.getByLabelText('Règle de délais'), { target: { value: 'servicesPaiement' } });
    const policy = onChange.mock.calls[0]?.[0].policy;
    expect(policy).toMatchObject({ preset: 'servicesPaiement', answer: { amount: '15', unit: 'joursOuvrables' } });
    rerender(<PolicySection form={{ ...form, policy }} errors={{}} year={2026} onChange={onChange} />);
    expect(screen.getByTestId('policy-help').textContent).toMatch(
      /^Art\. L133-45 du Code monétaire et financier : réponse sous 15 jours ouvrables ; .*réponse d’attente/,
    );
    expect(screen.getByTestId('policy-summary').textContent).toBe(
      'Accusé de réception sous 48 heures, réponse sous 15 jours ouvrables.',
    );
  });

  it('refuses, in the complaint view, an extension past 35 jours ouvrables without sending it', async () => {
    const c = createRecord(
      newInput({ receivedAt: '2026-04-29T08:00:00Z' }),
      { id: crypto.randomUUID(), reference: 'REC-2026-0042' },
      POLICY_PRESETS.servicesPaiement,
      ctx(new Date('2026-04-29T08:00:00Z')),
    ).complaint;
    const extend = vi.fn(async () => undefined);
    const actions = { extend } as unknown as ComplaintActions;
    const now = new Date('2026-05-18T08:00:00Z');
    render(<ExtendDeadline complaint={c} settings={DEFAULT_SETTINGS} overrides={{}} now={now} actions={actions} />);
    const fill = async (label: string, value: string) => {
      await act(async () => {
        fireEvent.input(screen.getByLabelText(label), { target: { value } });
      });
    };
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Délai'), { target: { value: 'answer' } });
    });
    await fill('Nouvelle échéance', '2026-06-20T12:00');
    await fill('Motif de la prolongation', 'Enquête du réseau');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Prolonger' }));
    });
    expect((await screen.findByRole('status')).textContent).toMatch(
      /^Prolongation refusée : la réponse définitive est due au plus tard le sam\. 13 juin 2026/,
    );
    expect(extend).not.toHaveBeenCalled();
  });
});
