import { describe, expect, it } from 'vitest';
import {
  checkTargets,
  firstLine,
  formatMissing,
  formatTable,
  missingFigures,
  sizeLabel,
  TARGETS,
  toStored,
} from '@/scripts/bench/report';
import type { Figure } from '@/scripts/bench/suite';

const CLOSED = new Error(
  'page.evaluate: Target page, context or browser has been closed\nCall log:\n  - waiting for evaluate',
);

describe('a suite that crashes', () => {
  const expected = ['backup-10k', 'csv-export-100k', 'backup-100k'];
  const backup10k: Figure = { id: 'backup-10k', ms: 2_100, runs: 1, bytes: 9_000_000, peakHeapMb: 40 };

  it('keeps the figures it recorded and names the others missing, with the first line of the error', () => {
    expect(missingFigures('data', expected, [backup10k], CLOSED)).toEqual([
      {
        id: 'csv-export-100k',
        suite: 'data',
        reason: 'crashed: page.evaluate: Target page, context or browser has been closed',
      },
      {
        id: 'backup-100k',
        suite: 'data',
        reason: 'crashed: page.evaluate: Target page, context or browser has been closed',
      },
    ]);
  });

  it('says when a suite ended without a figure it should give, and misses nothing when all came', () => {
    expect(missingFigures('data', ['backup-10k', 'backup-100k'], [backup10k])).toEqual([
      { id: 'backup-100k', suite: 'data', reason: 'not measured (the suite did not give it)' },
    ]);
    expect(missingFigures('data', ['backup-10k'], [backup10k])).toEqual([]);
  });

  it('keeps the reason a suite gave for a figure it could not measure, unless it measured it after all', () => {
    const told = [{ id: 'restore-100k', suite: 'restore', reason: 'crashed: Target crashed' }];
    expect(missingFigures('restore', ['restore-10k', 'restore-100k'], [], undefined, told)).toEqual([
      ...told,
      { id: 'restore-10k', suite: 'restore', reason: 'not measured (the suite did not give it)' },
    ]);
    const measured: Figure = { id: 'restore-100k', ms: 50_000, runs: 1 };
    expect(missingFigures('restore', ['restore-100k'], [measured], undefined, told)).toEqual([]);
  });

  it('lists a baseline that could not run beside a figure that did', () => {
    const figure: Figure = { id: 'restore-100k', ms: 50_000, runs: 1, baselineMissing: 'crashed: Target crashed' };
    expect(missingFigures('restore', ['restore-100k'], [figure])).toEqual([
      { id: 'restore-100k', suite: 'restore', reason: 'crashed: Target crashed', baseline: true },
    ]);
    expect(formatTable([figure]).split('\n')[2]).toMatch(/^restore-100k\s+1\s+50000\.0\s+missing\s+-$/);
    expect(toStored(figure)).toMatchObject({ id: 'restore-100k', baselineMissing: 'crashed: Target crashed' });
  });

  it('prints the missing figures as a table: figure, suite, why', () => {
    const lines = formatMissing(missingFigures('data', expected, [backup10k], CLOSED)).split('\n');
    expect(lines[0]).toMatch(/^missing figure\s+suite\s+why$/);
    expect(lines[2]).toBe(
      'csv-export-100k  data   crashed: page.evaluate: Target page, context or browser has been closed',
    );
    expect(lines).toHaveLength(4);
  });

  it('takes the first non-empty line of an error, without terminal colours', () => {
    expect(firstLine(new Error(`\n\u001b[31mTimeout 30000ms exceeded\u001b[39m\nat x`))).toBe(
      'Timeout 30000ms exceeded',
    );
    expect(firstLine('plain text')).toBe('plain text');
  });
});

describe('issue 11 targets', () => {
  const mb = 2 ** 20;

  it('checks time, peak heap and file size, and never passes a missing figure', () => {
    const figures: Figure[] = [
      { id: 'restore-100k', ms: 48_000, runs: 1, peakHeapMb: 180 },
      { id: 'backup-100k', ms: 31_000, runs: 1, bytes: 200 * mb },
    ];
    const missing = missingFigures('restore', ['restore-10k'], [], CLOSED);
    const verdicts = checkTargets(figures, missing);
    expect(verdicts.map((v) => [v.id, v.met])).toEqual([
      ['restore-100k', true],
      ['restore-100k', true],
      ['backup-100k', false],
      ['backup-100k', true],
      ['restore-10k', false],
    ]);
    expect(verdicts[4]?.label).toBe(
      'missing (crashed: page.evaluate: Target page, context or browser has been closed)',
    );
  });

  it('fails a heap target when the heap was not measured or reached the ceiling', () => {
    const verdicts = checkTargets([
      { id: 'restore-100k', ms: 10_000, runs: 1 },
      { id: 'dashboard-complete-100k', ms: 1_000, runs: 3 },
    ]);
    expect(verdicts.find((v) => v.label.startsWith('peak heap'))).toMatchObject({ met: false });
    expect(checkTargets([{ id: 'restore-100k', ms: 1, runs: 1, peakHeapMb: 500 }])[1]?.met).toBe(false);
    expect(verdicts.at(-1)).toMatchObject({ id: 'dashboard-complete-100k', met: true });
  });

  it('holds the figures the issue names, and applies them to full-size runs only', () => {
    expect(Object.keys(TARGETS).sort()).toEqual([
      'backup-100k',
      'dashboard-complete-100k',
      'restore-100k',
      'restore-10k',
    ]);
    expect(checkTargets([{ id: 'restore-1k', ms: 99_000, runs: 1 }])).toEqual([]);
    expect([100_000, 10_000, 1_000, 500].map(sizeLabel)).toEqual(['100k', '10k', '1k', '500']);
  });
});
