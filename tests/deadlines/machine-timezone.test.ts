// The holiday library builds local-time Dates; our reading of them (and every count) must not
// depend on the zone of the computer running the code.
import { afterEach, describe, expect, it, vi } from 'vitest';

const originalTz = process.env.TZ;

afterEach(() => {
  process.env.TZ = originalTz;
  vi.resetModules();
});

// Zones with DST at midnight (Santiago, Asunción), far east (Kiritimati, UTC+14), far west (Pago Pago, UTC-11), Paris.
describe.each(['America/Santiago', 'America/Asuncion', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/Paris'])(
  'on a machine set to %s',
  (zone) => {
    it('finds the same holidays and due dates', async () => {
      process.env.TZ = zone;
      vi.resetModules();
      expect(new Date(2027, 6, 1).getTimezoneOffset()).not.toBe(0); // the zone really changed
      const { computeDue, holidaysIn } = await import('../../lib/deadlines');
      // Easter 2027 is 28 March (the DST Sunday in Paris): Good Friday 26, Easter Monday 29 Mar.
      expect(holidaysIn(2027, { alsaceMoselle: true }).map((h) => h.day)).toEqual([
        '2027-01-01',
        '2027-03-26',
        '2027-03-29',
        '2027-05-01',
        '2027-05-06',
        '2027-05-08',
        '2027-05-17',
        '2027-07-14',
        '2027-08-15',
        '2027-11-01',
        '2027-11-11',
        '2027-12-25',
        '2027-12-26',
      ]);
      // Fri 19 Mar 2027 + 10 jours = Mon 29 Mar (Easter Monday) → Tue 30 Mar, end of day CEST.
      expect(computeDue('2027-03-19T10:00:00+01:00', { amount: 10, unit: 'jours' })).toEqual({
        dueDay: '2027-03-30',
        dueAt: '2027-03-30T21:59:59.999Z',
        rolledFrom: '2027-03-29',
      });
    });
  },
);
