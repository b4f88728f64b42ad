import { describe, expect, it } from 'vitest';
import { spot } from '@/lib/spotting/score';

describe('warranty and invoice cues', () => {
  it('flags a customer invoking the legal warranty for a defect', () => {
    const verdict = spot({
      subject: 'Suspension défectueuse',
      text: 'Bonjour, la suspension achetée en septembre clignote et présente un défaut de fabrication. Elle est toujours sous garantie légale de conformité : merci de la remplacer.',
    });
    expect(verdict.likely).toBe(true);
    expect(verdict.cues.map((c) => c.id)).toEqual(expect.arrayContaining(['warrantyClaim', 'defect']));
  });

  it('flags a wrong invoice', () => {
    const verdict = spot({
      subject: 'Facture',
      text: 'Votre facture est erronée : nous avons été facturés en trop de 45 euros sur la commande 8812.',
    });
    expect(verdict.likely).toBe(true);
    expect(verdict.cues.map((c) => c.id)).toContain('billingError');
  });

  it('does not flag a question about the warranty period', () => {
    expect(
      spot({ subject: 'Question', text: 'Bonjour, quelle est la durée de la garantie légale sur vos lampes ? Merci.' })
        .likely,
    ).toBe(false);
  });

  it('reads "par défaut" as no defect', () => {
    expect(
      spot({
        subject: 'Réglages',
        text: 'Le mode par défaut de la lampe est parfait, merci pour vos conseils.',
      }).cues.map((c) => c.id),
    ).not.toContain('defect');
  });
});
