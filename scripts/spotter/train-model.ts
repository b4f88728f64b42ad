// Training of the spotter's model, as pure functions of the labelled inbox (scripts/spotter/train.ts writes
// the result). Nothing here draws a random number: folds come from a hash of each id and the optimiser is
// full-batch Adam in a fixed order, so the same inbox always gives the same weights, byte for byte.
//
// What is learned on what:
// - the n-gram model and the combiner on `dev` only (the combiner on out-of-fold probabilities, so that it
//   does not trust an over-fitted model);
// - the threshold on `test`, recall first: the highest threshold whose test recall reaches TARGET_RECALL;
// - `holdout` is never read here.
import { CUE_CLAMP, CUE_SCALE, featurise, fnv1a, logit, type ModelWeights, sigmoid } from '../../lib/spotting/model';
import { prepare, spot } from '../../lib/spotting/score';
import type { InboxEntry } from './inbox';

export const BITS = 15;
export const CHAR_GRAMS: [number, number] = [3, 5];
/** Weights are stored as integers of this unit: 1e-4 keeps every probability within 1e-3 of the float model. */
export const SCALE = 1e-4;
export const L2 = 1e-4;
export const EPOCHS = 300;
export const LEARNING_RATE = 0.05;
export const FOLDS = 5;
/** A missed complaint costs more than a highlight too many: the threshold keeps this recall on `test`. */
export const TARGET_RECALL = 0.95;

interface Example {
  readonly buckets: Int32Array;
  readonly value: number;
  readonly label: 0 | 1;
  readonly cueScore: number;
}

export function toExample(entry: InboxEntry): Example {
  const message = {
    subject: entry.subject,
    text: entry.text,
    fromEmail: entry.fromEmail,
    ownDomains: entry.ownDomains,
  };
  const { buckets } = featurise(prepare(message).norm, BITS, CHAR_GRAMS);
  const keys = Int32Array.from([...buckets.keys()].sort((a, b) => a - b));
  return {
    buckets: keys,
    value: 1 / Math.sqrt(keys.length || 1),
    label: entry.label === 'complaint' ? 1 : 0,
    cueScore: spot(message).score,
  };
}

export interface Logistic {
  readonly w: Float64Array;
  readonly bias: number;
}

/**
 * L2-regularised logistic regression, classes weighted to count equally (the inbox holds more French
 * complaints than anything else), fitted by full-batch Adam.
 */
export function fitLogistic(examples: readonly Example[], dims: number, l2 = L2): Logistic {
  const w = new Float64Array(dims);
  const m = new Float64Array(dims);
  const v = new Float64Array(dims);
  const g = new Float64Array(dims);
  let bias = 0;
  let mb = 0;
  let vb = 0;
  const positives = examples.filter((e) => e.label === 1).length;
  const negatives = examples.length - positives;
  const weightOf = (label: 0 | 1) => examples.length / (2 * Math.max(1, label ? positives : negatives));
  const beta1 = 0.9;
  const beta2 = 0.999;
  for (let epoch = 1; epoch <= EPOCHS; epoch++) {
    g.fill(0);
    let gb = 0;
    for (const ex of examples) {
      let z = bias;
      for (const b of ex.buckets) z += (w[b] as number) * ex.value;
      const err = (sigmoid(z) - ex.label) * weightOf(ex.label);
      gb += err;
      for (const b of ex.buckets) g[b] = (g[b] as number) + err * ex.value;
    }
    const n = examples.length;
    const c1 = 1 - beta1 ** epoch;
    const c2 = 1 - beta2 ** epoch;
    for (let i = 0; i < dims; i++) {
      const grad = (g[i] as number) / n + l2 * (w[i] as number);
      if (grad === 0 && m[i] === 0) continue;
      m[i] = beta1 * (m[i] as number) + (1 - beta1) * grad;
      v[i] = beta2 * (v[i] as number) + (1 - beta2) * grad * grad;
      w[i] = (w[i] as number) - (LEARNING_RATE * ((m[i] as number) / c1)) / (Math.sqrt((v[i] as number) / c2) + 1e-8);
    }
    const gradB = gb / n;
    mb = beta1 * mb + (1 - beta1) * gradB;
    vb = beta2 * vb + (1 - beta2) * gradB * gradB;
    bias -= (LEARNING_RATE * (mb / c1)) / (Math.sqrt(vb / c2) + 1e-8);
  }
  return { w, bias };
}

/** The stored weights as the extension reads them back: integers of SCALE. */
function quantise(model: Logistic): { weights: number[]; w: Float64Array } {
  const weights = Array.from(model.w, (x) => Math.round(x / SCALE));
  return { weights, w: Float64Array.from(weights, (q) => q * SCALE) };
}

function probability(w: Float64Array, bias: number, ex: Example): number {
  let z = bias;
  for (const b of ex.buckets) z += (w[b] as number) * ex.value;
  return sigmoid(z);
}

export interface Combiner {
  readonly model: number;
  readonly cues: number;
  readonly bias: number;
}

const cueInput = (score: number) => Math.max(-CUE_CLAMP, Math.min(CUE_CLAMP, score)) / CUE_SCALE;

/** Two inputs (the model's logit, the clamped cue score) and a bias, fitted by plain gradient descent. */
export function fitCombiner(rows: readonly { p: number; cueScore: number; label: 0 | 1 }[]): Combiner {
  let a = 1;
  let b = 0;
  let c = 0;
  const positives = rows.filter((r) => r.label === 1).length;
  const weightOf = (label: 0 | 1) => rows.length / (2 * Math.max(1, label ? positives : rows.length - positives));
  for (let step = 0; step < 3000; step++) {
    let ga = 0;
    let gb = 0;
    let gc = 0;
    for (const r of rows) {
      const x1 = logit(r.p);
      const x2 = cueInput(r.cueScore);
      const err = (sigmoid(a * x1 + b * x2 + c) - r.label) * weightOf(r.label);
      ga += err * x1;
      gb += err * x2;
      gc += err;
    }
    const n = rows.length || 1;
    a -= 0.1 * (ga / n + 1e-3 * a);
    b -= 0.1 * (gb / n + 1e-3 * b);
    c -= 0.1 * (gc / n);
  }
  const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
  return { model: r4(a), cues: r4(b), bias: r4(c) };
}

export function combine(combiner: Combiner, p: number, cueScore: number): number {
  return sigmoid(combiner.model * logit(p) + combiner.cues * cueInput(cueScore) + combiner.bias);
}

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

const foldOf = (id: string) => fnv1a(`fold:${id}`) % FOLDS;

export interface Trained {
  readonly weights: ModelWeights;
  readonly card: { threshold: number; split: string; n: number; precision: number; recall: number };
}

export function train(entries: readonly InboxEntry[], file: string): Trained {
  const dims = 2 ** BITS;
  const dev = entries.filter((e) => e.split === 'dev');
  const test = entries.filter((e) => e.split === 'test');
  const devExamples = dev.map(toExample);

  // Out-of-fold probabilities on dev, for the combiner.
  const oof: { p: number; cueScore: number; label: 0 | 1 }[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const inFold = (i: number) => foldOf((dev[i] as InboxEntry).id) === fold;
    const fitted = fitLogistic(
      devExamples.filter((_, i) => !inFold(i)),
      dims,
    );
    const { w } = quantise(fitted);
    devExamples.forEach((ex, i) => {
      if (inFold(i)) oof.push({ p: probability(w, fitted.bias, ex), cueScore: ex.cueScore, label: ex.label });
    });
  }
  const combiner = fitCombiner(oof);

  const fitted = fitLogistic(devExamples, dims);
  const { weights, w } = quantise(fitted);
  const bias = Math.round(fitted.bias * 1e4) / 1e4;
  const testRows = test.map(toExample).map((ex) => ({
    score: combine(combiner, probability(w, bias, ex), ex.cueScore),
    label: ex.label,
  }));
  const threshold = chooseThreshold(testRows);
  const measured = precisionRecall(testRows, threshold);
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  const card = {
    threshold,
    split: 'test',
    n: measured.n,
    precision: r3(measured.precision),
    recall: r3(measured.recall),
  };
  return {
    weights: {
      version: 1,
      bits: BITS,
      charGrams: CHAR_GRAMS,
      scale: SCALE,
      bias,
      weights,
      combiner,
      threshold,
      measured: { split: card.split, n: card.n, precision: card.precision, recall: card.recall },
      trainedOn: { entries: dev.length, file },
    },
    card,
  };
}
