// How the spotter's default thresholds are chosen on the test split, recall first, and how a threshold is
// measured. Pure; used by the training (train-model.ts) and the evaluation (evaluate.ts).

/** A missed complaint costs more than a highlight too many: the threshold keeps this recall on `test`… */
export const TARGET_RECALL = 0.95;
/** …unless precision there falls below PRECISION_FLOOR; then it keeps RECALL_FLOOR (the target). */
export const RECALL_FLOOR = 0.9;
export const PRECISION_FLOOR = 0.85;

export interface Scored {
  readonly score: number;
  readonly label: 0 | 1;
}

export function precisionRecall(rows: readonly Scored[], threshold: number) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const r of rows) {
    const yes = r.score >= threshold;
    if (yes && r.label) tp++;
    else if (yes) fp++;
    else if (r.label) fn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { n: rows.length, tp, fp, fn, precision, recall, f1 };
}

/** The highest threshold (on a 0.005 grid) whose recall reaches `target`: recall first, then precision. */
export function chooseThreshold(rows: readonly Scored[], target = TARGET_RECALL): number {
  for (let t = 0.95; t >= 0.05 - 1e-9; t -= 0.005) {
    const rounded = Math.round(t * 1000) / 1000;
    if (precisionRecall(rows, rounded).recall >= target) return rounded;
  }
  return 0.05;
}

/** TARGET_RECALL when precision there stays at PRECISION_FLOOR or more, else RECALL_FLOOR. */
export function chooseLangThreshold(rows: readonly Scored[]): number {
  const safe = chooseThreshold(rows, TARGET_RECALL);
  if (precisionRecall(rows, safe).precision >= PRECISION_FLOOR) return safe;
  return chooseThreshold(rows, RECALL_FLOOR);
}

/** A point of the precision–recall curve: the best precision at recall ≥ `recall`, and the best recall at
 *  precision ≥ `precision`, over every threshold (each distinct score). 0 when none reaches it. */
export function curvePoints(rows: readonly Scored[], recall = RECALL_FLOOR, precision = PRECISION_FLOOR) {
  const sorted = [...rows].sort((a, b) => b.score - a.score);
  const positives = rows.filter((r) => r.label === 1).length;
  let tp = 0;
  let fp = 0;
  let precisionAtRecall = 0;
  let recallAtPrecision = 0;
  sorted.forEach((r, i) => {
    if (r.label === 1) tp++;
    else fp++;
    // A threshold flags every message of its score or more: only the last of a run of equal scores counts.
    if (sorted[i + 1]?.score === r.score) return;
    const p = tp / (tp + fp);
    const rec = positives ? tp / positives : 1;
    if (rec >= recall && p > precisionAtRecall) precisionAtRecall = p;
    if (p >= precision && rec > recallAtPrecision) recallAtPrecision = rec;
  });
  return { precisionAtRecall, recallAtPrecision };
}
