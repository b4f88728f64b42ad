import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatEuros, parseAmount } from '@/lib/i18n/money';
import { dayInWords, instantInWords } from '@/lib/letters/format';
import { rendered, sampleComplaint, withCompensation } from './sample';

describe('dates in letters', () => {
  it('are written in words, the first of the month as « 1er » in French', () => {
    expect(dayInWords('2026-03-02', 'fr')).toBe('2 mars 2026');
    expect(dayInWords('2026-03-01', 'fr')).toBe('1er mars 2026');
    expect(dayInWords('2026-08-15', 'fr')).toBe('15 août 2026');
    expect(dayInWords('2026-03-02', 'en')).toBe('2 March 2026');
    expect(dayInWords('2026-03-01', 'en')).toBe('1 March 2026');
  });

  it('read an instant as the day it was in Paris, late at night UTC included', () => {
    expect(instantInWords('2026-03-02T22:59:59Z', 'fr')).toBe('2 mars 2026');
    expect(instantInWords('2026-03-02T23:30:00Z', 'fr')).toBe('3 mars 2026'); // 00:30 in Paris (UTC+1)
    expect(instantInWords('2026-07-14T21:59:00Z', 'fr')).toBe('14 juillet 2026');
    expect(instantInWords('2026-07-14T22:30:00Z', 'fr')).toBe('15 juillet 2026'); // 00:30 in Paris (UTC+2)
    expect(instantInWords(new Date('2026-12-31T23:15:00Z'), 'en')).toBe('1 January 2027');
  });

  it('date a complaint received at 00:30 in Paris on the day it was in Paris', async () => {
    const c = { ...sampleComplaint(), receivedAt: '2026-03-31T22:30:00.000Z' }; // summer time since 29 March
    const letter = await rendered('accuse-reception', c, 'fr');
    expect(letter.text).toContain('réclamation du 1er avril 2026');
    expect(letter.text).not.toContain('31 mars');
  });

  it('date the letter itself on today in Paris', async () => {
    const letter = await rendered('accuse-reception', sampleComplaint(), 'fr');
    expect(letter.text).toContain('\nLe 5 mars 2026\n');
    const late = await rendered('accuse-reception', sampleComplaint(), 'en');
    expect(late.text).toContain('\n5 March 2026\n');
  });
});

describe('amounts in letters', () => {
  it('are written the French way: comma, two decimals, no-break space before €', () => {
    expect(formatEuros(30, 'fr')).toBe('30,00\u00a0€');
    expect(formatEuros(12.5, 'fr')).toBe('12,50\u00a0€');
    expect(formatEuros(1234.5, 'fr')).toBe('1\u202f234,50\u00a0€');
    expect(formatEuros(1234567.891, 'fr')).toBe('1\u202f234\u202f567,89\u00a0€');
    expect(formatEuros(19.999, 'fr')).toBe('20,00\u00a0€');
  });

  it('match what Intl writes for fr-FR', () => {
    for (const n of [0.5, 30, 999.99, 1000, 1234.5, 250000]) {
      expect(formatEuros(n, 'fr')).toBe(
        new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(n),
      );
    }
  });

  it('are written the English way in English letters', () => {
    expect(formatEuros(30, 'en')).toBe('€30.00');
    expect(formatEuros(1234.5, 'en')).toBe('€1,234.50');
  });

  it('read what an agent types', () => {
    expect(parseAmount('30')).toBe(30);
    expect(parseAmount('30,5')).toBe(30.5);
    expect(parseAmount('1 234,50 €')).toBe(1234.5);
    expect(parseAmount('1.234,50')).toBe(1234.5);
    expect(parseAmount('€1,234.50')).toBe(1234.5);
    expect(parseAmount('trente')).toBeUndefined();
    expect(parseAmount('1\u202f234\u202f567,89')).toBe(1234567.89);
    expect(parseAmount('30,505')).toBeUndefined();
    expect(parseAmount('1,234')).toBeUndefined(); // 1 234 or 1,234? Ambiguous: refused
    expect(parseAmount('1.234')).toBeUndefined();
  });

  it('appear in the answer as the compensation granted', async () => {
    const c = withCompensation(sampleComplaint(), { amountEuros: 1234.5 });
    const letter = await rendered('reponse-favorable', c, 'fr');
    expect(letter.text).toContain('nous vous accordons la somme de 1\u202f234,50\u00a0€, qui vous sera versée');
    expect(letter.html).toContain('la somme de 1\u202f234,50\u00a0€, qui');
  });
});

describe('the fingerprint of a letter', () => {
  it('is the SHA-256 of its text', async () => {
    const letter = await rendered('accuse-reception', sampleComplaint(), 'fr');
    expect(letter.sha256).toBe(createHash('sha256').update(letter.text, 'utf8').digest('hex'));
  });

  it('changes with the text and not with the HTML', async () => {
    const c = sampleComplaint();
    const a = await rendered('accuse-reception', c, 'fr');
    const b = await rendered('accuse-reception', c, 'fr');
    const other = await rendered('accuse-reception', { ...c, subject: 'Autre objet' }, 'fr');
    expect(b.sha256).toBe(a.sha256);
    expect(other.sha256).not.toBe(a.sha256);
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
