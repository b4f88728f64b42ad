// French public holidays (Code du travail art. L3133-1), Alsace-Moselle extras (art. L3134-13),
// closure days, and the civil-day helpers that never touch local time.
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addMonthsClamped,
  daysBetween,
  holidayName,
  holidaysIn,
  isClosureDay,
  isHoliday,
  isIsoDay,
  isWorkingDayOuvrable,
  isWorkingDayOuvre,
  weekday,
} from '../../lib/deadlines';

describe('French public holidays', () => {
  it('lists the eleven national holidays of 2026 (Easter on 5 April)', () => {
    expect(holidaysIn(2026).map((h) => h.day)).toEqual([
      '2026-01-01', // jour de l'an
      '2026-04-06', // lundi de Pâques
      '2026-05-01', // fête du travail
      '2026-05-08', // victoire 1945
      '2026-05-14', // Ascension (Easter + 39)
      '2026-05-25', // lundi de Pentecôte (Easter + 50)
      '2026-07-14',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
  });

  it('adds Good Friday and 26 December in Alsace-Moselle only', () => {
    expect(isHoliday('2026-04-03', { alsaceMoselle: true })).toBe(true);
    expect(isHoliday('2026-12-26', { alsaceMoselle: true })).toBe(true);
    expect(isHoliday('2026-04-03')).toBe(false);
    expect(isHoliday('2026-12-26', { alsaceMoselle: false })).toBe(false);
    expect(holidaysIn(2026, { alsaceMoselle: true })).toHaveLength(13);
  });

  it('places the Easter holidays of 2027 around the March DST Sunday', () => {
    // Easter 2027 is Sun 28 Mar, the night clocks go forward: Good Friday 26 Mar, Easter Monday 29 Mar,
    // Ascension Thu 6 May, Whit Monday 17 May.
    expect(isHoliday('2027-03-29')).toBe(true);
    expect(isHoliday('2027-03-26', { alsaceMoselle: true })).toBe(true);
    expect(isHoliday('2027-05-06')).toBe(true);
    expect(isHoliday('2027-05-17')).toBe(true);
    expect(isHoliday('2027-03-28')).toBe(false); // Easter Sunday itself is not in the list (a Sunday anyway)
  });

  it('names holidays in French', () => {
    expect(holidayName('2026-05-14')).toBe('Ascension');
    expect(holidayName('2026-04-06')).toBe('Lundi de Pâques');
    expect(holidayName('2026-12-26', { alsaceMoselle: true })).toBe('Saint-Étienne (Alsace-Moselle)');
    expect(holidayName('2026-05-13')).toBeUndefined();
  });

  it('does not treat a closure day as a holiday, but as a day off', () => {
    const opts = { closureDays: ['2026-06-22'] };
    expect(isHoliday('2026-06-22', opts)).toBe(false);
    expect(isClosureDay('2026-06-22', opts)).toBe(true);
    expect(isWorkingDayOuvre('2026-06-22', opts)).toBe(false);
    expect(isWorkingDayOuvrable('2026-06-22', opts)).toBe(false);
  });
});

describe('working days', () => {
  it('counts Monday to Friday as jours ouvrés', () => {
    expect(isWorkingDayOuvre('2026-06-12')).toBe(true); // Friday
    expect(isWorkingDayOuvre('2026-06-13')).toBe(false); // Saturday
    expect(isWorkingDayOuvre('2026-06-14')).toBe(false); // Sunday
    expect(isWorkingDayOuvre('2026-07-14')).toBe(false); // Tuesday, fête nationale
  });

  it('counts Monday to Saturday as jours ouvrables', () => {
    expect(isWorkingDayOuvrable('2026-06-13')).toBe(true); // Saturday
    expect(isWorkingDayOuvrable('2026-06-14')).toBe(false); // Sunday
    expect(isWorkingDayOuvrable('2026-08-15')).toBe(false); // Saturday, Assomption
  });
});

describe('civil-day helpers', () => {
  it('adds days across months, years and 29 February', () => {
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2026-03-29', 1)).toBe('2026-03-30'); // DST Sunday: still one civil day
    expect(addCalendarDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('gives the weekday with 0 for Sunday', () => {
    expect(weekday('2026-05-14')).toBe(4); // Thursday
    expect(weekday('2026-06-14')).toBe(0);
    expect(weekday('2026-06-13')).toBe(6);
  });

  it('adds months keeping the day number or clamping to the month end', () => {
    expect(addMonthsClamped('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsClamped('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonthsClamped('2026-11-30', 2)).toBe('2027-01-30');
    expect(addMonthsClamped('2026-03-31', 1)).toBe('2026-04-30');
  });

  it('counts the days between two days', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-01-01', '2025-12-31')).toBe(-1);
  });

  it('recognises only real ISO days', () => {
    expect(isIsoDay('2028-02-29')).toBe(true);
    expect(isIsoDay('2027-02-29')).toBe(false);
    expect(isIsoDay('2026-13-01')).toBe(false);
    expect(isIsoDay('2026-5-1')).toBe(false);
    expect(() => weekday('2026-02-30')).toThrow(/Jour invalide/);
  });
});
