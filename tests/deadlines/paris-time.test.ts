// Europe/Paris civil days and day ends (CPC art. 642: a deadline expires at midnight on its last day).
import { describe, expect, it } from 'vitest';
import { endOfParisDay, parisDay, startOfParisDay } from '../../lib/deadlines';

describe('parisDay', () => {
  it('is already the next day late in the evening UTC', () => {
    expect(parisDay('2026-07-31T22:15:00Z')).toBe('2026-08-01'); // 00:15 CEST
    expect(parisDay('2026-01-13T23:30:00Z')).toBe('2026-01-14'); // 00:30 CET
    expect(parisDay('2026-01-13T22:59:59.999Z')).toBe('2026-01-13'); // 23:59:59.999 CET
  });

  it('reads instants given with any offset or as a Date', () => {
    expect(parisDay('2026-05-13T05:00:00+09:00')).toBe('2026-05-12'); // 12 May 20:00Z, 22:00 Paris
    expect(parisDay(new Date('2026-05-12T22:00:00Z'))).toBe('2026-05-13');
  });

  it('refuses a date without a time zone, in French', () => {
    expect(() => parisDay('2026-05-12')).toThrow(/Date de réception invalide : « 2026-05-12 »/);
    expect(() => parisDay('hier')).toThrow(/Date de réception invalide/);
  });
});

describe('endOfParisDay and startOfParisDay', () => {
  it('ends a winter day at 22:59:59.999Z and a summer day at 21:59:59.999Z', () => {
    expect(endOfParisDay('2026-01-15')).toBe('2026-01-15T22:59:59.999Z');
    expect(endOfParisDay('2026-07-15')).toBe('2026-07-15T21:59:59.999Z');
  });

  it('ends the March DST Sunday in summer time', () => {
    // 29 Mar 2026: clocks go from 02:00 CET to 03:00 CEST, so the day ends at 23:59:59.999 CEST.
    expect(endOfParisDay('2026-03-29')).toBe('2026-03-29T21:59:59.999Z');
    expect(startOfParisDay('2026-03-29')).toBe('2026-03-28T23:00:00.000Z');
  });

  it('ends the October DST Sunday in winter time', () => {
    // 25 Oct 2026: clocks go from 03:00 CEST back to 02:00 CET; the day lasts 25 hours.
    expect(endOfParisDay('2026-10-25')).toBe('2026-10-25T22:59:59.999Z');
    expect(startOfParisDay('2026-10-25')).toBe('2026-10-24T22:00:00.000Z');
    expect(Date.parse(endOfParisDay('2026-10-25')) + 1 - Date.parse(startOfParisDay('2026-10-25'))).toBe(25 * 3600e3);
  });

  it('refuses an impossible day', () => {
    expect(() => endOfParisDay('2026-02-29')).toThrow(/Jour invalide/);
  });
});
