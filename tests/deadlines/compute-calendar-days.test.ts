// `jours` (calendar days): receipt day not counted (CPC art. 641), last day rolled to the next
// Monday-Friday working day when it is a weekend, holiday or closure day (CPC art. 642).
// Winter dueAt is 22:59:59.999Z (23:59:59.999 CET), summer dueAt 21:59:59.999Z (CEST).
import { describe, expect, it } from 'vitest';
import { computeDue, explainDue } from '../../lib/deadlines';

const tenDays = { amount: 10, unit: 'jours' } as const;

describe('computeDue in calendar days (jours)', () => {
  it('does not count the day of receipt', () => {
    // Received Fri 8 May 2026 is a holiday itself, it does not matter: 8 + 10 = Mon 18 May, a working day.
    expect(computeDue('2026-05-08T10:00:00+02:00', tenDays)).toEqual({
      dueDay: '2026-05-18',
      dueAt: '2026-05-18T21:59:59.999Z',
    });
  });

  it('rolls a deadline ending on a Saturday to the next Monday', () => {
    // Wed 14 Jan 2026 + 10 = Sat 24 Jan → Mon 26 Jan (winter time).
    expect(computeDue('2026-01-14T10:00:00+01:00', tenDays)).toEqual({
      dueDay: '2026-01-26',
      dueAt: '2026-01-26T22:59:59.999Z',
      rolledFrom: '2026-01-24',
    });
  });

  it('rolls the answer deadline past Easter Monday', () => {
    // Fri 27 Mar 2026 + 10 = Mon 6 Apr 2026, lundi de Pâques → Tue 7 Apr.
    expect(computeDue('2026-03-27T10:00:00+01:00', tenDays)).toEqual({
      dueDay: '2026-04-07',
      dueAt: '2026-04-07T21:59:59.999Z',
      rolledFrom: '2026-04-06',
    });
  });

  it('rolls the answer deadline past Ascension Thursday', () => {
    // Mon 4 May 2026 + 10 = Thu 14 May 2026, Ascension → Fri 15 May.
    expect(computeDue('2026-05-04T09:00:00+02:00', tenDays)).toMatchObject({
      dueDay: '2026-05-15',
      rolledFrom: '2026-05-14',
    });
  });

  it('rolls the answer deadline past Whit Monday', () => {
    // Fri 15 May 2026 + 10 = Mon 25 May 2026, lundi de Pentecôte → Tue 26 May.
    expect(computeDue('2026-05-15T09:00:00+02:00', tenDays)).toMatchObject({
      dueDay: '2026-05-26',
      rolledFrom: '2026-05-25',
    });
  });

  it('rolls the answer deadline past 14 July', () => {
    // Sat 4 Jul 2026 + 10 = Tue 14 Jul 2026, fête nationale → Wed 15 Jul.
    expect(computeDue('2026-07-04T09:00:00+02:00', tenDays)).toMatchObject({
      dueDay: '2026-07-15',
      rolledFrom: '2026-07-14',
    });
  });

  it('rolls a deadline ending on 15 August past the weekend that follows', () => {
    // Tue 5 Aug 2025 + 10 = Fri 15 Aug 2025, Assomption → Sat, Sun → Mon 18 Aug.
    expect(explainDue('2025-08-05T09:00:00+02:00', tenDays)).toEqual({
      dueDay: '2025-08-18',
      dueAt: '2025-08-18T21:59:59.999Z',
      rolledFrom: '2025-08-15',
      holidaysSkipped: ['2025-08-15'],
    });
  });

  it('rolls the answer deadline past Toussaint', () => {
    // Fri 22 Oct 2027 + 10 = Mon 1 Nov 2027, Toussaint → Tue 2 Nov (winter time again).
    expect(computeDue('2027-10-22T09:00:00+02:00', tenDays)).toEqual({
      dueDay: '2027-11-02',
      dueAt: '2027-11-02T22:59:59.999Z',
      rolledFrom: '2027-11-01',
    });
  });

  it('rolls the answer deadline past 11 November', () => {
    // Sun 1 Nov 2026 + 10 = Wed 11 Nov 2026, Armistice → Thu 12 Nov.
    expect(computeDue('2026-11-01T09:00:00+01:00', tenDays)).toMatchObject({
      dueDay: '2026-11-12',
      rolledFrom: '2026-11-11',
    });
  });

  it('rolls a deadline ending on Christmas past the weekend', () => {
    // Tue 15 Dec 2026 + 10 = Fri 25 Dec 2026 → Sat 26, Sun 27 → Mon 28 Dec.
    expect(computeDue('2026-12-15T09:00:00+01:00', tenDays)).toMatchObject({
      dueDay: '2026-12-28',
      rolledFrom: '2026-12-25',
    });
  });

  it('rolls a deadline ending on 1 January into the new year', () => {
    // Mon 22 Dec 2025 + 10 = Thu 1 Jan 2026, jour de l'an → Fri 2 Jan 2026.
    expect(computeDue('2025-12-22T09:00:00+01:00', tenDays)).toEqual({
      dueDay: '2026-01-02',
      dueAt: '2026-01-02T22:59:59.999Z',
      rolledFrom: '2026-01-01',
    });
  });

  it('treats 26 December as a working day outside Alsace-Moselle', () => {
    // Mon 15 Dec 2025 + 10 = Thu 25 Dec 2025 → Fri 26 Dec, worked in the rest of France.
    expect(computeDue('2025-12-15T09:00:00+01:00', tenDays)).toMatchObject({ dueDay: '2025-12-26' });
  });

  it('skips 26 December in Alsace-Moselle', () => {
    // Same receipt: Thu 25 → Fri 26 (Saint-Étienne, Alsace-Moselle) → Sat, Sun → Mon 29 Dec 2025.
    expect(explainDue('2025-12-15T09:00:00+01:00', tenDays, { alsaceMoselle: true })).toMatchObject({
      dueDay: '2025-12-29',
      rolledFrom: '2025-12-25',
      holidaysSkipped: ['2025-12-25', '2025-12-26'],
    });
  });

  it('keeps Good Friday as a working day outside Alsace-Moselle', () => {
    // Tue 24 Mar 2026 + 10 = Fri 3 Apr 2026, Vendredi saint: an ordinary Friday in most of France.
    expect(computeDue('2026-03-24T09:00:00+01:00', tenDays)).toEqual({
      dueDay: '2026-04-03',
      dueAt: '2026-04-03T21:59:59.999Z',
    });
  });

  it('rolls past Good Friday and Easter Monday in Alsace-Moselle', () => {
    // Fri 3 Apr 2026 (Vendredi saint) → Sat, Sun → Mon 6 (lundi de Pâques) → Tue 7 Apr.
    expect(explainDue('2026-03-24T09:00:00+01:00', tenDays, { alsaceMoselle: true })).toEqual({
      dueDay: '2026-04-07',
      dueAt: '2026-04-07T21:59:59.999Z',
      rolledFrom: '2026-04-03',
      holidaysSkipped: ['2026-04-03', '2026-04-06'],
    });
  });

  it('rolls past a custom closure day', () => {
    // Wed 10 Jun 2026 + 10 = Sat 20 Jun → Mon 22 Jun, but the office is closed that day → Tue 23 Jun.
    expect(computeDue('2026-06-10T09:00:00+02:00', tenDays)).toMatchObject({ dueDay: '2026-06-22' });
    expect(computeDue('2026-06-10T09:00:00+02:00', tenDays, { closureDays: ['2026-06-22'] })).toMatchObject({
      dueDay: '2026-06-23',
      rolledFrom: '2026-06-20',
    });
  });

  it('counts from the Paris day when the UTC instant is still the day before', () => {
    // 2026-01-13T23:30Z is Wed 14 Jan 00:30 in Paris: 14 + 10 = Sat 24 → Mon 26 Jan.
    // (Counting from the UTC day, Tue 13, would wrongly give Fri 23 Jan.)
    expect(computeDue('2026-01-13T23:30:00Z', tenDays)).toMatchObject({
      dueDay: '2026-01-26',
      rolledFrom: '2026-01-24',
    });
  });

  it('counts through 29 February in a leap year', () => {
    // Fri 25 Feb 2028 + 10: 26, 27, 28, 29 Feb, 1…6 Mar → Mon 6 Mar 2028.
    expect(computeDue('2028-02-25T09:00:00+01:00', tenDays)).toEqual({
      dueDay: '2028-03-06',
      dueAt: '2028-03-06T22:59:59.999Z',
    });
  });

  it('accepts a Date as well as an ISO string', () => {
    expect(computeDue(new Date('2026-01-14T09:00:00Z'), tenDays)).toMatchObject({ dueDay: '2026-01-26' });
  });

  it('refuses a received instant without a time zone', () => {
    expect(() => computeDue('2026-01-14T10:00:00', tenDays)).toThrow(/Date de réception invalide/);
    expect(() => computeDue(new Date(Number.NaN), tenDays)).toThrow(/Date de réception invalide/);
  });

  it('refuses an impossible closure day', () => {
    expect(() => computeDue('2026-01-14T10:00:00Z', tenDays, { closureDays: ['2026-02-30'] })).toThrow();
  });
});
