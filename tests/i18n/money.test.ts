// The one reader of an amount a person types (letters' fill-in inputs, the answer step, the options form):
// French and English writing both read, anything a reader could take two ways refused.
import { describe, expect, it } from 'vitest';
import { formatEuros, parseAmount } from '@/lib/i18n/money';

describe('an amount typed by a person', () => {
  it('reads the French way: decimal comma, spaces of any kind between thousands, a euro sign after', () => {
    expect(parseAmount('12,5')).toBe(12.5);
    expect(parseAmount('12,50')).toBe(12.5);
    expect(parseAmount('1 234,50 €')).toBe(1234.5);
    expect(parseAmount('1\u202f234,50\u00a0€')).toBe(1234.5); // as Intl fr-FR and our letters write it
    expect(parseAmount('1\u00a0234\u00a0567')).toBe(1234567);
    expect(parseAmount('1.234,50')).toBe(1234.5);
    expect(parseAmount('1.234.567')).toBe(1234567);
    expect(parseAmount('  30 ')).toBe(30);
  });

  it('reads the English way: decimal point, commas between thousands, a euro sign before', () => {
    expect(parseAmount('12.50')).toBe(12.5);
    expect(parseAmount('€12.50')).toBe(12.5);
    expect(parseAmount('€1,234.50')).toBe(1234.5);
    expect(parseAmount('1,234,567')).toBe(1234567);
  });

  it('reads back what the formatter writes, in both languages', () => {
    for (const n of [0, 0.5, 30, 999.99, 1234.5, 1234567.89]) {
      expect(parseAmount(formatEuros(n, 'fr'))).toBe(n);
      expect(parseAmount(formatEuros(n, 'en'))).toBe(n);
    }
  });

  it('refuses what is not an amount, or not one amount to every reader', () => {
    for (const text of [
      '',
      '   ',
      '€',
      'trente',
      '12abc',
      '-5', // compensations and durations are never negative
      '1e3',
      '30,505', // a third decimal: a typo, not a cent
      '1,234', // 1 234 or 1,234? French and English readers disagree
      '1.234',
      '1,234,5', // broken groups
      '12,50,00',
      '1.234,567',
      '1 234.567,5',
    ]) {
      expect(parseAmount(text), text).toBeUndefined();
    }
  });
});
