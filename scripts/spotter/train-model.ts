// Training of the spotter's model, as pure functions of the labelled inbox (scripts/spotter/train.ts writes
// the result). Nothing here draws a random number: folds come from a hash of each id and the optimiser is
// full-batch Adam in a fixed order, so the same inbox always gives the same weights, byte for byte.
//
// What is learned on what:
// - the n-gram model (one for both languages: apart, each had fewer examples and did no better on dev) and
//   one combiner per language on `dev` only (the combiners on out-of-fold probabilities, so that they do not
//   trust an over-fitted model);
// - one threshold per language on `test`, recall first (chooseLangThreshold);
// - `holdout` is never read here.
import { detectLang, HINT_NAMES, hintsOf, type SpotLang } from '../../lib/spotting/hints';
import {
  type Combiner,
  CUE_CLAMP,
  CUE_SCALE,
  combine,
  featurise,
  fnv1a,
  logit,
  type ModelWeights,
  sigmoid,
} from '../../lib/spotting/model';
import { prepare, spot } from '../../lib/spotting/score';
import type { InboxEntry } from './inbox';
import { chooseLangThreshold, precisionRecall } from './threshold-choice';

export {
  chooseLangThreshold,
  chooseThreshold,
  PRECISION_FLOOR,
  precisionRecall,
  RECALL_FLOOR,
  type Scored,
  TARGET_RECALL,
} from './threshold-choice';

export const BITS = 15;
export const CHAR_GRAMS: [number, number] = [3, 5];
/** Weights are stored as integers of this unit: 1e-4 keeps every probability within 1e-3 of the float model. */
export const SCALE = 1e-4;
export const L2 = 1e-4;
export const EPOCHS = 300;
export const LEARNING_RATE = 0.05;
export const FOLDS = 5;

interface Example {
  readonly buckets: Int32Array;
  readonly value: number;
  readonly label: 0 | 1;
  readonly cueScore: number;
  readonly lang: SpotLang;
  readonly hints: readonly string[];
}

export function toExample(entry: InboxEntry): Example {
  const message = {
    subject: entry.subject,
    text: entry.text,
    fromEmail: entry.fromEmail,
    ownDomains: entry.ownDomains,
  };
  const { norm } = prepare(message);
  const { buckets } = featurise(norm, BITS, CHAR_GRAMS);
  const lang = detectLang(norm);
  const keys = Int32Array.from([...buckets.keys()].sort((a, b) => a - b));
  return {
    buckets: keys,
    value: 1 / Math.sqrt(keys.length || 1),
    label: entry.label === 'complaint' ? 1 : 0,
    cueScore: spot(message).score,
    lang,
    hints: hintsOf(norm, lang),
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

const cueInput = (score: number) => Math.max(-CUE_CLAMP, Math.min(CUE_CLAMP, score)) / CUE_SCALE;

interface CombinerRow {
  readonly p: number;
  readonly cueScore: number;
  readonly hints: readonly string[];
  readonly label: 0 | 1;
}

/**
 * Inputs: the model's logit, the clamped cue score and one yes/no input per hint of the language; a bias.
 * Logistic regression, classes weighted to count equally, fitted by plain gradient descent in a fixed order.
 */
export function fitCombiner(rows: readonly CombinerRow[], hintNames: readonly string[] = []): Combiner {
  const dims = 2 + hintNames.length;
  const inputs = rows.map((r) => [
    logit(r.p),
    cueInput(r.cueScore),
    ...hintNames.map((h) => (r.hints.includes(h) ? 1 : 0)),
  ]);
  const w = new Array<number>(dims).fill(0);
  w[0] = 1;
  let c = 0;
  const positives = rows.filter((r) => r.label === 1).length;
  const weightOf = (label: 0 | 1) => rows.length / (2 * Math.max(1, label ? positives : rows.length - positives));
  const n = rows.length || 1;
  for (let step = 0; step < 3000; step++) {
    const g = new Array<number>(dims).fill(0);
    let gc = 0;
    rows.forEach((r, k) => {
      const x = inputs[k] as number[];
      let z = c;
      for (let i = 0; i < dims; i++) z += (w[i] as number) * (x[i] as number);
      const err = (sigmoid(z) - r.label) * weightOf(r.label);
      for (let i = 0; i < dims; i++) g[i] = (g[i] as number) + err * (x[i] as number);
      gc += err;
    });
    for (let i = 0; i < dims; i++) w[i] = (w[i] as number) - 0.1 * ((g[i] as number) / n + 1e-3 * (w[i] as number));
    c -= 0.1 * (gc / n);
  }
  const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
  return {
    model: r4(w[0] as number),
    cues: r4(w[1] as number),
    bias: r4(c),
    hints: Object.fromEntries(hintNames.map((h, i) => [h, r4(w[2 + i] as number)])),
  };
}

const foldOf = (id: string) => fnv1a(`fold:${id}`) % FOLDS;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

interface Measured {
  threshold: number;
  n: number;
  precision: number;
  recall: number;
}

export interface ModelCard {
  split: string;
  /** All test messages, each at its language's threshold. */
  n: number;
  precision: number;
  recall: number;
  fr: Measured;
  en: Measured;
}

export interface Trained {
  readonly weights: ModelWeights;
  readonly card: ModelCard;
}

export function train(entries: readonly InboxEntry[], file: string): Trained {
  const dims = 2 ** BITS;
  const dev = entries.filter((e) => e.split === 'dev');
  const test = entries.filter((e) => e.split === 'test');
  const devExamples = dev.map(toExample);

  // Out-of-fold probabilities on dev, for the combiners.
  const oof: (CombinerRow & { lang: SpotLang })[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const inFold = (i: number) => foldOf((dev[i] as InboxEntry).id) === fold;
    const fitted = fitLogistic(
      devExamples.filter((_, i) => !inFold(i)),
      dims,
    );
    const { w } = quantise(fitted);
    devExamples.forEach((ex, i) => {
      if (inFold(i)) oof.push({ ...ex, p: probability(w, fitted.bias, ex) });
    });
  }
  const combiners = {
    fr: fitCombiner(
      oof.filter((r) => r.lang === 'fr'),
      HINT_NAMES.fr,
    ),
    en: fitCombiner(
      oof.filter((r) => r.lang === 'en'),
      HINT_NAMES.en,
    ),
  };

  const fitted = fitLogistic(devExamples, dims);
  const { weights, w } = quantise(fitted);
  const bias = Math.round(fitted.bias * 1e4) / 1e4;
  const testRows = test.map(toExample).map((ex) => ({
    lang: ex.lang,
    score: combine(combiners[ex.lang], probability(w, bias, ex), ex.cueScore, ex.hints),
    label: ex.label,
  }));
  const measure = (lang: SpotLang): Measured => {
    const rows = testRows.filter((r) => r.lang === lang);
    const threshold = chooseLangThreshold(rows);
    const m = precisionRecall(rows, threshold);
    return { threshold, n: m.n, precision: r3(m.precision), recall: r3(m.recall) };
  };
  const fr = measure('fr');
  const en = measure('en');
  const overall = precisionRecall(
    testRows.map((r) => ({ score: r.score >= (r.lang === 'en' ? en : fr).threshold ? 1 : 0, label: r.label })),
    1,
  );
  const card: ModelCard = {
    split: 'test',
    n: overall.n,
    precision: r3(overall.precision),
    recall: r3(overall.recall),
    fr,
    en,
  };
  return {
    weights: {
      version: 2,
      bits: BITS,
      charGrams: CHAR_GRAMS,
      scale: SCALE,
      bias,
      weights,
      combiners,
      measured: { split: card.split, fr, en },
      trainedOn: { entries: dev.length, file },
    },
    card,
  };
}
