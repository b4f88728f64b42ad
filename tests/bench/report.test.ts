import { describe, expect, it } from 'vitest';
import { checkTargets, formatTable, median, mergeResults, ratioOf } from '@/scripts/bench/report';
import type { Figure } from '@/scripts/bench/suite';

const figure = (id: string, ms: number, baselineMs?: number): Figure => ({
  id,
  ms,
  runs: 7,
  ...(baselineMs === undefined ? {} : { baselineMs, baselineRuns: 3 }),
});

describe('bench figures', () => {
  it('takes the middle run as the median, averaging the two middle ones for an even count', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('says how many times faster than the baseline a figure is', () => {
    expect(ratioOf(figure('badge-100k', 4, 4000))).toBe(1000);
    expect(ratioOf(figure('size', 4))).toBeNull();
    expect(ratioOf(figure('too-fast-to-time', 0, 40))).toBeNull();
  });

  it('reports each declared target as met or not', () => {
    const fast = { ...figure('badge-100k', 4, 4000), target: { maxMs: 20, minRatio: 20 } };
    const slow = { ...figure('badge-100k', 30, 300), target: { maxMs: 20, minRatio: 20 } };
    expect(checkTargets([fast]).map((v) => v.met)).toEqual([true, true]);
    expect(checkTargets([slow]).map((v) => v.met)).toEqual([false, false]);
    expect(checkTargets([figure('urgent50-100k', 8, 3800)])).toEqual([]);
  });

  it('prints one row per figure with ms, baseline ms and the ratio side by side', () => {
    const lines = formatTable([figure('badge-100k', 3.8, 3766.2), figure('csv-export', 120)]).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/^badge-100k\s+7\/3\s+3\.80\s+3766\.2\s+991×$/);
    expect(lines[3]).toMatch(/^csv-export\s+7\s+120\.0\s+-\s+-$/);
  });
});

describe('merging into .bench/results.json', () => {
  const previous = {
    figures: [
      { id: 'content-script-size', bytes: 20_700 },
      { id: 'badge-100k', ms: 19.4, baselineMs: 8136.5, ratio: 419.41 },
    ],
  };

  it('replaces figures with the same id in place and keeps the other suites’ figures', () => {
    const merged = mergeResults(previous, [figure('badge-100k', 3.8, 3766.2)]);
    expect(merged.figures).toEqual([
      { id: 'content-script-size', bytes: 20_700 },
      { id: 'badge-100k', ms: 3.8, baselineMs: 3766.2, ratio: 991.11 },
    ]);
  });

  it('appends new ids after the stored ones', () => {
    const merged = mergeResults(previous, [figure('urgent50-100k', 8, 3819)]);
    expect(merged.figures.map((f) => f.id)).toEqual(['content-script-size', 'badge-100k', 'urgent50-100k']);
    expect(merged.figures[2]).toEqual({ id: 'urgent50-100k', ms: 8, baselineMs: 3819, ratio: 477.38 });
  });

  it('starts afresh from a missing or unreadable file', () => {
    expect(mergeResults(undefined, [figure('badge-10k', 0.9, 476.4)]).figures).toHaveLength(1);
    expect(mergeResults({ figures: 'nonsense' }, [figure('badge-10k', 0.9)]).figures).toEqual([
      { id: 'badge-10k', ms: 0.9 },
    ]);
  });
});
