// The maintained aggregates (lib/stats/aggregates.ts) against the full pass (compute.ts) on the hand-made
// register whose every figure compute.test.ts checks: the same figures at any `now`, whatever order the
// complaints were added and removed in.
import { describe, expect, it } from 'vitest';
import { statsFromAggregates } from '@/lib/stats/aggregate-figures';
import {
  applyContribution,
  canonicalMonths,
  contributionOf,
  foldContributions,
  type MonthAggregate,
} from '@/lib/stats/aggregates';
import { computeStats } from '@/lib/stats/compute';
import { NOW, REGISTER } from './register';

const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY);

describe('the dashboard aggregates', () => {
  it('give the full pass’s figures, running clocks counted overdue at read time', () => {
    const months = foldContributions(REGISTER.map(contributionOf));
    // Before, at and after the deadlines of the register's running clocks, and in another 12-month window.
    for (const now of [at(-20), NOW, at(1.5), at(3), at(30), at(200)]) {
      expect(statsFromAggregates(months.values(), now)).toEqual(computeStats(REGISTER, now));
    }
    expect(statsFromAggregates(months.values(), NOW, { months: 3 })).toEqual(
      computeStats(REGISTER, NOW, { months: 3 }),
    );
  });

  it('come back to the same months whatever order contributions are added and taken off', () => {
    const all = REGISTER.map(contributionOf);
    const months = new Map<string, MonthAggregate>();
    for (const c of [...all].reverse()) applyContribution(months, c, 1);
    for (const c of all.slice(0, 3)) applyContribution(months, c, -1);
    for (const c of all.slice(0, 3)) applyContribution(months, c, 1);
    expect(canonicalMonths(months.values())).toBe(canonicalMonths(foldContributions(all).values()));
    for (const c of all) applyContribution(months, c, -1);
    expect(canonicalMonths(months.values())).toBe('[]');
  });

  it('start empty: every figure at zero', () => {
    expect(statsFromAggregates([], NOW)).toEqual(computeStats([], NOW));
  });
});
