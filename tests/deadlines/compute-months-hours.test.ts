// `mois`: same day number n months later or the month's last day (CPC art. 641 al. 2), rolled like
// jours (CPC art. 642). `heures`: real elapsed time, never rolled, correct across DST changes.
import { describe, expect, it } from 'vitest';
import { computeDue } from '../../lib/deadlines';

const months = (amount: number) => ({ amount, unit: 'mois' }) as const;
const hours = (amount: number) => ({ amount, unit: 'heures' }) as const;

describe('computeDue in months', () => {
  it('lands on 29 February in a leap year', () => {
    // 31 Jan 2028 + 1 mois: February 2028 has 29 days → Tue 29 Feb 2028, a working day.
    expect(computeDue('2028-01-31T10:00:00+01:00', months(1))).toEqual({
      dueDay: '2028-02-29',
      dueAt: '2028-02-29T22:59:59.999Z',
    });
  });

  it('lands on 28 February in a common year and rolls it when it is a Sunday', () => {
    // 31 Jan 2027 + 1 mois → Sun 28 Feb 2027 → Mon 1 Mar 2027.
    expect(computeDue('2027-01-31T10:00:00+01:00', months(1))).toEqual({
      dueDay: '2027-03-01',
      dueAt: '2027-03-01T22:59:59.999Z',
      rolledFrom: '2027-02-28',
    });
  });

  it('keeps the day number when it exists', () => {
    // Sun 15 Mar 2026 + 2 mois = Fri 15 May 2026.
    expect(computeDue('2026-03-15T10:00:00+01:00', months(2))).toEqual({
      dueDay: '2026-05-15',
      dueAt: '2026-05-15T21:59:59.999Z',
    });
  });

  it('rolls a month deadline ending on Ascension', () => {
    // Sat 14 Mar 2026 + 2 mois = Thu 14 May 2026 (Ascension) → Fri 15 May.
    expect(computeDue('2026-03-14T10:00:00+01:00', months(2))).toMatchObject({
      dueDay: '2026-05-15',
      rolledFrom: '2026-05-14',
    });
  });

  it('rolls a month deadline ending on 15 August (a Saturday in 2026) to Monday', () => {
    // Mon 15 Jun 2026 + 2 mois = Sat 15 Aug 2026 → Mon 17 Aug.
    expect(computeDue('2026-06-15T10:00:00+02:00', months(2))).toMatchObject({
      dueDay: '2026-08-17',
      rolledFrom: '2026-08-15',
    });
  });

  it('clamps to the last day of a shorter month', () => {
    // Sat 31 Oct 2026 + 1 mois → Mon 30 Nov 2026.
    expect(computeDue('2026-10-31T10:00:00+01:00', months(1))).toMatchObject({ dueDay: '2026-11-30' });
    // Wed 31 Dec 2025 + 2 mois → Sat 28 Feb 2026 → Mon 2 Mar 2026.
    expect(computeDue('2025-12-31T10:00:00+01:00', months(2))).toMatchObject({
      dueDay: '2026-03-02',
      rolledFrom: '2026-02-28',
    });
  });

  it('counts months from the Paris day of receipt', () => {
    // 2026-04-15T22:30Z is Thu 16 Apr 00:30 in Paris: + 1 mois = Sat 16 May → Mon 18 May 2026.
    // (Counting from the UTC day, 15 Apr, would wrongly give Fri 15 May.)
    expect(computeDue('2026-04-15T22:30:00Z', months(1))).toMatchObject({
      dueDay: '2026-05-18',
      rolledFrom: '2026-05-16',
    });
  });

  it('works over a long count across years', () => {
    // Tue 15 Dec 2026 + 2 mois = Mon 15 Feb 2027.
    expect(computeDue('2026-12-15T10:00:00+01:00', months(2))).toMatchObject({ dueDay: '2027-02-15' });
  });
});

describe('computeDue in hours', () => {
  it('ends at the exact instant and never rolls, even on a Sunday', () => {
    // Fri 22 May 2026 10:00 Paris + 48 h = Sun 24 May 10:00 Paris (08:00Z).
    expect(computeDue('2026-05-22T10:00:00+02:00', hours(48))).toEqual({
      dueDay: '2026-05-24',
      dueAt: '2026-05-24T08:00:00.000Z',
    });
  });

  it('counts 48 real hours across the March DST night', () => {
    // Fri 27 Mar 2026 10:00 CET (09:00Z) + 48 h = Sun 29 Mar 09:00Z, i.e. 11:00 CEST: the clock jumped.
    const due = computeDue('2026-03-27T10:00:00+01:00', hours(48));
    expect(due).toEqual({ dueDay: '2026-03-29', dueAt: '2026-03-29T09:00:00.000Z' });
    expect(Date.parse(due.dueAt) - Date.parse('2026-03-27T10:00:00+01:00')).toBe(48 * 3600 * 1000);
  });

  it('counts 48 real hours across the October DST night', () => {
    // Fri 23 Oct 2026 10:00 CEST (08:00Z) + 48 h = Sun 25 Oct 08:00Z, i.e. 09:00 CET.
    const due = computeDue('2026-10-23T10:00:00+02:00', hours(48));
    expect(due).toEqual({ dueDay: '2026-10-25', dueAt: '2026-10-25T08:00:00.000Z' });
    expect(Date.parse(due.dueAt) - Date.parse('2026-10-23T08:00:00Z')).toBe(48 * 3600 * 1000);
  });

  it('gives the Paris day of the due instant', () => {
    // 2026-05-12T23:00Z + 1 h = 2026-05-13T00:00Z, which is 02:00 on 13 May in Paris.
    expect(computeDue('2026-05-12T23:00:00Z', hours(1))).toEqual({
      dueDay: '2026-05-13',
      dueAt: '2026-05-13T00:00:00.000Z',
    });
    // 2026-05-12T21:00Z + 1 h = 22:00Z, already midnight on 13 May in Paris.
    expect(computeDue('2026-05-12T21:00:00Z', hours(1))).toMatchObject({ dueDay: '2026-05-13' });
  });

  it('refuses a duration the schema does not allow', () => {
    expect(() => computeDue('2026-05-12T21:00:00Z', { amount: 0, unit: 'heures' })).toThrow();
    expect(() => computeDue('2026-05-12T21:00:00Z', { amount: 1.5, unit: 'jours' })).toThrow();
  });
});
