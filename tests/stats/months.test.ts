import { describe, expect, it } from 'vitest';
import { lastMonths, monthIndex } from '@/lib/stats/months';

describe('Paris months', () => {
  it('ends with the month of now in Paris, across the new year', () => {
    // 31 December 23:30Z is already 1 January in Paris.
    const w = lastMonths(new Date('2025-12-31T23:30:00Z'), 3);
    expect(w.keys).toEqual(['2025-11', '2025-12', '2026-01']);
    expect(w.starts.map((ms) => new Date(ms).toISOString())).toEqual([
      '2025-10-31T23:00:00.000Z',
      '2025-11-30T23:00:00.000Z',
      '2025-12-31T23:00:00.000Z',
      '2026-01-31T23:00:00.000Z',
    ]);
  });

  it('starts a summer month at 22:00Z and a winter month at 23:00Z', () => {
    const w = lastMonths(new Date('2026-04-15T12:00:00Z'), 2);
    expect(w.starts.map((ms) => new Date(ms).toISOString())).toEqual([
      '2026-02-28T23:00:00.000Z', // 1 March, winter time
      '2026-03-31T22:00:00.000Z', // 1 April, summer time since 29 March
      '2026-04-30T22:00:00.000Z',
    ]);
  });

  it('finds the month of an instant, and nothing outside the window', () => {
    const w = lastMonths(new Date('2026-04-15T12:00:00Z'), 2);
    expect(monthIndex(w, Date.parse('2026-02-28T22:59:59.999Z'))).toBe(-1);
    expect(monthIndex(w, Date.parse('2026-02-28T23:00:00.000Z'))).toBe(0);
    expect(monthIndex(w, Date.parse('2026-03-31T21:59:59.999Z'))).toBe(0);
    expect(monthIndex(w, Date.parse('2026-03-31T22:00:00.000Z'))).toBe(1);
    expect(monthIndex(w, Date.parse('2026-04-30T22:00:00.000Z'))).toBe(-1);
  });
});
