// Issue 15: the floor measurements (npm run spotter-floor) read no holdout message and never score a
// message with a model trained on it; the curve points they print are those of the precision–recall curve.
import { FLOOR_FOLDS, floorFold, foldPlan } from '../../scripts/spotter/floor';
import { loadInbox } from '../../scripts/spotter/inbox';
import { curvePoints } from '../../scripts/spotter/threshold-choice';

describe('curvePoints', () => {
  const rows = [
    { score: 0.9, label: 1 as const },
    { score: 0.8, label: 1 as const },
    { score: 0.7, label: 0 as const },
    { score: 0.6, label: 1 as const },
    { score: 0.5, label: 1 as const },
    { score: 0.4, label: 0 as const },
    { score: 0.3, label: 0 as const },
  ];

  it('gives the best precision at a recall and the best recall at a precision, over every threshold', () => {
    // Recall ≥ 0.75 first at 0.6 (3 of 4, precision 3/4), then 1 at 0.5 (4 of 4, precision 4/5).
    expect(curvePoints(rows, 0.75, 0.85)).toEqual({ precisionAtRecall: 0.8, recallAtPrecision: 0.5 });
    expect(curvePoints(rows, 1, 0.8).recallAtPrecision).toBe(1);
  });

  it('counts tied scores together, as a threshold flags them together', () => {
    const tied = [
      { score: 0.9, label: 1 as const },
      { score: 0.5, label: 1 as const },
      { score: 0.5, label: 0 as const },
      { score: 0.5, label: 0 as const },
    ];

    expect(curvePoints(tied, 1, 0.5)).toEqual({ precisionAtRecall: 0.5, recallAtPrecision: 1 });
    expect(curvePoints(tied, 1, 0.6).recallAtPrecision).toBe(0.5);
  });
});

describe('foldPlan', () => {
  const entries = loadInbox().entries;

  it('trains on three folds of dev + test, chooses on a fourth, and leaves out the measured fold and the holdout', () => {
    const plan = foldPlan(entries, 1, 3);
    const ids = new Set(plan.map((e) => e.id));

    expect(plan.some((e) => entries.find((x) => x.id === e.id)?.split === 'holdout')).toBe(false);
    expect(entries.filter((e) => floorFold(e.id) === 3).some((e) => ids.has(e.id))).toBe(false);
    expect(plan.filter((e) => e.split === 'test').every((e) => floorFold(e.id) === 1)).toBe(true);
    expect(plan.filter((e) => e.split === 'dev').every((e) => ![1, 3].includes(floorFold(e.id)))).toBe(true);
    const poolSize = entries.filter((e) => e.split !== 'holdout' && floorFold(e.id) !== 3).length;
    expect(plan).toHaveLength(poolSize);
  });

  it('cuts only the training folds when a language is cut', () => {
    const whole = foldPlan(entries, 0, -1);
    const cut = foldPlan(entries, 0, -1, (e) => e.lang === 'fr');

    expect(cut.filter((e) => e.split === 'test')).toEqual(whole.filter((e) => e.split === 'test'));
    expect(cut.filter((e) => e.split === 'dev').every((e) => e.lang === 'fr')).toBe(true);
    expect(new Set(entries.map((e) => floorFold(e.id))).size).toBe(FLOOR_FOLDS);
  });
});
