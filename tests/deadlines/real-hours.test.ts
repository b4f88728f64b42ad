// A 48-hour clock runs on real hours: received on a Friday evening or the day before a holiday, it falls due
// over the days off, and the complaint view warns the agent.
import { describe, expect, it } from 'vitest';
import { computeDue, daysOffInHoursClock } from '../../lib/deadlines';

const hours48 = { amount: 48, unit: 'heures' } as const;
const dueOf = (receivedAt: string) => computeDue(receivedAt, hours48).dueAt;

describe('daysOffInHoursClock', () => {
  it('lists the weekend a clock started on Friday evening runs through', () => {
    const received = '2026-03-13T18:30:00+01:00'; // Fri 13 Mar 2026, 18:30 in Paris
    expect(dueOf(received)).toBe('2026-03-15T17:30:00.000Z');
    expect(daysOffInHoursClock(received, dueOf(received), hours48)).toEqual(['2026-03-14', '2026-03-15']);
  });

  it('lists the Saturday a clock started on Thursday evening ends on', () => {
    const received = '2026-03-12T18:30:00+01:00';
    expect(daysOffInHoursClock(received, dueOf(received), hours48)).toEqual(['2026-03-14']);
  });

  it('lists the public holiday a clock started the day before runs through', () => {
    const received = '2026-05-13T10:00:00+02:00'; // Wed 13 May 2026, Ascension on Thu 14
    expect(daysOffInHoursClock(received, dueOf(received), hours48)).toEqual(['2026-05-14']);
  });

  it('lists nothing for a clock that stays within working days', () => {
    const received = '2026-03-09T10:00:00+01:00'; // Mon 9 Mar 2026
    expect(daysOffInHoursClock(received, dueOf(received), hours48)).toEqual([]);
  });

  it('lists nothing for a clock counted in days', () => {
    const received = '2026-03-13T18:30:00+01:00';
    const days = { amount: 2, unit: 'joursOuvres' } as const;
    expect(daysOffInHoursClock(received, computeDue(received, days).dueAt, days)).toEqual([]);
  });
});
