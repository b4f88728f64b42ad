// jours ouvrés (Mon-Fri) and jours ouvrables (Mon-Sat): the receipt day is not counted (CPC art. 641),
// holidays and closure days are skipped, and the last counted day is the due day.
import { describe, expect, it } from 'vitest';
import { computeDue, explainDue } from '../../lib/deadlines';

const ouvres = (amount: number) => ({ amount, unit: 'joursOuvres' }) as const;
const ouvrables = (amount: number) => ({ amount, unit: 'joursOuvrables' }) as const;

describe('computeDue in jours ouvrés', () => {
  it('skips the weekend', () => {
    // Received Fri 9 Jan 2026: Mon 12 (1), Tue 13 (2).
    expect(computeDue('2026-01-09T16:00:00+01:00', ouvres(2))).toEqual({
      dueDay: '2026-01-13',
      dueAt: '2026-01-13T22:59:59.999Z',
    });
  });

  it('skips Whit Monday when acknowledging in 2 jours ouvrés', () => {
    // Received Fri 22 May 2026: Mon 25 (Pentecôte, skipped), Tue 26 (1), Wed 27 (2).
    expect(explainDue('2026-05-22T11:00:00+02:00', ouvres(2))).toEqual({
      dueDay: '2026-05-27',
      dueAt: '2026-05-27T21:59:59.999Z',
      holidaysSkipped: ['2026-05-25'],
    });
  });

  it('skips Toussaint and 11 November over 10 jours ouvrés', () => {
    // Received Fri 29 Oct 2027: Mon 1 Nov skipped, 2 (1), 3 (2), 4 (3), 5 (4), 8 (5), 9 (6), 10 (7),
    // Thu 11 skipped, 12 (8), 15 (9), Tue 16 Nov (10).
    expect(explainDue('2027-10-29T10:00:00+02:00', ouvres(10))).toEqual({
      dueDay: '2027-11-16',
      dueAt: '2027-11-16T22:59:59.999Z',
      holidaysSkipped: ['2027-11-01', '2027-11-11'],
    });
  });

  it('skips Christmas and 1 January across the year end', () => {
    // Received Wed 24 Dec 2025: Thu 25 skipped, Fri 26 (1), 29 (2), 30 (3), 31 (4), Thu 1 Jan skipped,
    // Fri 2 (5), Mon 5 (6), 6 (7), 7 (8), 8 (9), Fri 9 Jan 2026 (10).
    expect(computeDue('2025-12-24T10:00:00+01:00', ouvres(10))).toMatchObject({ dueDay: '2026-01-09' });
    // 2 jours ouvrés: Fri 26 (1), Mon 29 (2).
    expect(computeDue('2025-12-24T10:00:00+01:00', ouvres(2))).toMatchObject({ dueDay: '2025-12-29' });
  });

  it('also skips 26 December in Alsace-Moselle', () => {
    // Received Wed 24 Dec 2025: 25 and 26 skipped, Mon 29 (1), Tue 30 (2).
    expect(explainDue('2025-12-24T10:00:00+01:00', ouvres(2), { alsaceMoselle: true })).toMatchObject({
      dueDay: '2025-12-30',
      holidaysSkipped: ['2025-12-25', '2025-12-26'],
    });
  });

  it('does not list a holiday falling on a Saturday as skipped', () => {
    // Received Thu 13 Aug 2026: Fri 14 (1), Sat 15 (Assomption, a weekend day anyway), Mon 17 (2).
    expect(explainDue('2026-08-13T10:00:00+02:00', ouvres(2))).toMatchObject({
      dueDay: '2026-08-17',
      holidaysSkipped: [],
    });
  });

  it('skips custom closure days', () => {
    // Received Fri 9 Jan 2026, closed Mon 12: Tue 13 (1), Wed 14 (2).
    expect(explainDue('2026-01-09T16:00:00+01:00', ouvres(2), { closureDays: ['2026-01-12'] })).toMatchObject({
      dueDay: '2026-01-14',
      holidaysSkipped: ['2026-01-12'],
    });
  });

  it('gives up with a French message when closure days never end', () => {
    const closureDays = Array.from({ length: 4000 }, (_, i) =>
      new Date(Date.UTC(2026, 0, 10 + i)).toISOString().slice(0, 10),
    );
    expect(() => computeDue('2026-01-09T16:00:00+01:00', ouvres(2), { closureDays })).toThrow(/Aucun jour travaillé/);
  });
});

describe('computeDue in jours ouvrables', () => {
  it('may end on a Saturday (ACPR acknowledgement in 10 jours ouvrables)', () => {
    // Received Tue 2 Jun 2026: 3 (1), 4 (2), 5 (3), Sat 6 (4), 8 (5), 9 (6), 10 (7), 11 (8), 12 (9), Sat 13 Jun (10).
    expect(computeDue('2026-06-02T10:00:00+02:00', ouvrables(10))).toEqual({
      dueDay: '2026-06-13',
      dueAt: '2026-06-13T21:59:59.999Z',
    });
  });

  it('counts Saturdays but skips Sundays and 14 July', () => {
    // Received Sat 11 Jul 2026: Mon 13 (1), Tue 14 skipped, 15 (2), 16 (3), 17 (4), Sat 18 (5), 20 (6),
    // 21 (7), 22 (8), 23 (9), Fri 24 Jul (10).
    expect(explainDue('2026-07-11T10:00:00+02:00', ouvrables(10))).toEqual({
      dueDay: '2026-07-24',
      dueAt: '2026-07-24T21:59:59.999Z',
      holidaysSkipped: ['2026-07-14'],
    });
  });

  it('skips a holiday falling on a Saturday', () => {
    // Received Fri 14 Aug 2026: Sat 15 (Assomption, skipped), Sun skipped, Mon 17 (1).
    expect(explainDue('2026-08-14T10:00:00+02:00', ouvrables(1))).toMatchObject({
      dueDay: '2026-08-17',
      holidaysSkipped: ['2026-08-15'],
    });
  });
});
