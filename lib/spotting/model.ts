// The learned half of the spotter: a logistic regression over hashed word, word-pair and character
// n-gram features of the normalised text (character n-grams survive misspellings: "rembourcement" shares
// most of its trigrams with "remboursement"). Weights come from `npm run train-spotter` (scripts/spotter/)
// and ship as JSON; this module only reads them, so the same text always gets the same probability.
// It runs in the background with the cue table, never in the webmail content script.
import { z } from 'zod';
import { detectLang, hintsOf, type SpotLang } from './hints';

const combinerSchema = z.object({
  model: z.number(),
  cues: z.number(),
  bias: z.number(),
  /** Weight of each message-kind hint (hints.ts) found in the text. */
  hints: z.record(z.string(), z.number()),
});
export type Combiner = z.infer<typeof combinerSchema>;

const measuredSchema = z.object({
  /** Default decision threshold on the combined probability, chosen on the test split for recall first. */
  threshold: z.number().min(0).max(1),
  n: z.number().int(),
  precision: z.number(),
  recall: z.number(),
});

export const ModelWeightsSchema = z.object({
  version: z.literal(2),
  /** Features are hashed into 2^bits buckets. */
  bits: z.number().int().min(8).max(20),
  charGrams: z.tuple([z.number().int().min(2), z.number().int().max(8)]),
  /** Weights are stored as integers; the real weight is the integer times `scale`. */
  scale: z.number().positive(),
  bias: z.number(),
  weights: z.array(z.number().int()),
  /** Per language: combined logit = model × logit(probability) + cues × clamp(cue score) / CUE_SCALE
   *  + Σ hints found + bias. Fitted on the dev split's out-of-fold probabilities. */
  combiners: z.object({ fr: combinerSchema, en: combinerSchema }),
  /** Per language: the default threshold and what it measured on the test split. */
  measured: z.object({ split: z.string(), fr: measuredSchema, en: measuredSchema }),
  trainedOn: z.object({ entries: z.number().int(), file: z.string() }),
});
export type ModelWeights = z.infer<typeof ModelWeightsSchema>;

/** The cue score enters the combiner clamped to ±CUE_CLAMP and divided by CUE_SCALE. */
export const CUE_CLAMP = 10;
export const CUE_SCALE = 4;
/** Only the start of a long text is featurised: a complaint says what it is about early. */
const MAX_WORDS = 400;

const WORD = /[a-z0-9']+/g;
/** "@AskPlayStation", "@[client]": which brand a tweet is addressed to says nothing about complaining. */
const HANDLE = /@\[?[a-z0-9_]+\]?/g;

/** 32-bit FNV-1a: a fixed, fast hash, the same in training and in the extension. */
export function fnv1a(text: string): number {
  return fnv1aRange(0x811c9dc5, text, 0, text.length) >>> 0;
}

/** FNV-1a continued over text[from, to), without cutting a substring (the hot loop allocates nothing). */
function fnv1aRange(seed: number, text: string, from: number, to: number): number {
  let hash = seed;
  for (let i = from; i < to; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash;
}

const CHAR_SEED = fnv1aRange(0x811c9dc5, 'c:', 0, 2);

export interface Features {
  readonly words: readonly string[];
  /** Every feature occurrence, in order: its bucket, the word it belongs to (a pair: its first word), and
   *  whether it is a word pair. Kept for the explanation. */
  readonly hitBuckets: Int32Array;
  readonly hitWords: Int32Array;
  readonly hitPairs: Uint8Array;
  /** Distinct buckets and their value (binary, L2-normalised over the message). */
  readonly buckets: Map<number, number>;
}

function wordForm(word: string): string {
  return word.replace(/\d+/g, '0').replace(/^'+|'+$/g, '');
}

/** Features of a normalised text (`prepare()`'s `norm`): words, word pairs, character n-grams of each word. */
export function featurise(norm: string, bits: number, charGrams: readonly [number, number]): Features {
  const mask = (1 << bits) - 1;
  const words = (norm.replace(HANDLE, ' atbrand ').match(WORD) ?? []).slice(0, MAX_WORDS).map(wordForm).filter(Boolean);
  const [minGram, maxGram] = charGrams;
  let total = 0;
  for (const word of words) for (let n = minGram; n <= maxGram; n++) total += Math.max(0, word.length + 3 - n);
  total += 2 * words.length;
  const hitBuckets = new Int32Array(total);
  const hitWords = new Int32Array(total);
  const hitPairs = new Uint8Array(total);
  let k = 0;
  const push = (bucket: number, word: number, pair: boolean) => {
    hitBuckets[k] = bucket;
    hitWords[k] = word;
    hitPairs[k] = pair ? 1 : 0;
    k++;
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    push(fnv1a(`w:${word}`) & mask, i, false);
    const next = words[i + 1];
    if (next !== undefined) push(fnv1a(`b:${word} ${next}`) & mask, i, true);
    const padded = ` ${word} `;
    for (let n = minGram; n <= maxGram; n++)
      for (let at = 0; at + n <= padded.length; at++)
        push((fnv1aRange(CHAR_SEED, padded, at, at + n) >>> 0) & mask, i, false);
  }
  const buckets = new Map<number, number>();
  for (let j = 0; j < k; j++) buckets.set(hitBuckets[j] as number, 1);
  const norm2 = Math.sqrt(buckets.size) || 1;
  for (const key of buckets.keys()) buckets.set(key, 1 / norm2);
  return {
    words,
    hitBuckets: hitBuckets.subarray(0, k),
    hitWords: hitWords.subarray(0, k),
    hitPairs: hitPairs.subarray(0, k),
    buckets,
  };
}

export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
/** The log-odds of p, kept off the infinities at 0 and 1 (the trainer uses the same). */
export const logit = (p: number) => {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
};

/** A word or a word pair that pushed the probability up, with its weight in the message's logit. */
export interface Fragment {
  readonly text: string;
  readonly weight: number;
}

export interface ModelVerdict {
  /** The language the text was read as (it picks the combiner and the default threshold). */
  readonly lang: SpotLang;
  /** The message-kind hints found (hints.ts), which the combiner weighed. */
  readonly hints: readonly string[];
  /** The model's probability that the message is a complaint. */
  readonly probability: number;
  /** Model and cues together, on the same 0–1 scale as the threshold. */
  readonly combined: number;
  /** The words and pairs that weighed most towards "complaint", strongest first. */
  readonly fragments: readonly Fragment[];
}

const MAX_FRAGMENTS = 5;
/** Words too common to explain anything to an agent: they still count in the score, they are just not shown. */
const UNSHOWN = new Set(
  (
    "je j'ai j' me m' mon ma mes moi tu te ton ta tes il elle on nous vous votre vos le la les l' un une des de du d' " +
    "et ou a au aux en que qu' qui quoi ce cet cette ces c' c'est ne n' pas plus est sont ai as avons avez ont etre " +
    'suis fait pour par sur dans avec sans se sa son ses y bonjour merci cordialement madame monsieur ' +
    "i i'm i've me my mine you your we our us it its the a an and or of to in on at for with is are was were be " +
    'been have has had do does did this that these those there here not no so but if as by from hi hello thanks please atbrand'
  ).split(' '),
);
const shown = (text: string) =>
  text.length > 2 && !/\b0\b/.test(text) && !text.split(' ').every((word) => UNSHOWN.has(word));
const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** The combiner's verdict (0–1) from the model's probability, the cue score and the hints found. */
export function combine(combiner: Combiner, probability: number, cueScore: number, hints: readonly string[]): number {
  const cues = Math.max(-CUE_CLAMP, Math.min(CUE_CLAMP, cueScore)) / CUE_SCALE;
  let z = combiner.model * logit(probability) + combiner.cues * cues + combiner.bias;
  for (const hint of hints) z += combiner.hints[hint] ?? 0;
  return sigmoid(z);
}

export interface SpotModel {
  readonly weights: ModelWeights;
  /** Probability, combined verdict and explanation for a normalised text and its cue score. */
  score(norm: string, cueScore: number): ModelVerdict;
}

export function loadModel(raw: unknown): SpotModel {
  const weights = ModelWeightsSchema.parse(raw);
  if (weights.weights.length !== 2 ** weights.bits) throw new Error('spotter model: weight count ≠ 2^bits');
  const w = Float64Array.from(weights.weights, (v) => v * weights.scale);
  return {
    weights,
    score(norm, cueScore) {
      const features = featurise(norm, weights.bits, weights.charGrams);
      let z = weights.bias;
      for (const [bucket, value] of features.buckets) z += (w[bucket] ?? 0) * value;
      const probability = sigmoid(z);
      const lang = detectLang(norm);
      const hints = hintsOf(norm, lang);
      const combined = combine(weights.combiners[lang], probability, cueScore, hints);
      return { lang, hints, probability, combined, fragments: explain(features, w) };
    },
  };
}

/**
 * A word's weight is its own feature plus its character n-grams (each bucket counted once per message, as
 * in the score); a pair's weight is the pair feature alone. The strongest positive ones are shown.
 */
function explain(features: Features, w: Float64Array): Fragment[] {
  const value = features.buckets.values().next().value ?? 0;
  const counted = new Set<number>();
  const byWord = new Map<number, number>();
  const byPair = new Map<number, number>();
  for (let j = 0; j < features.hitBuckets.length; j++) {
    const bucket = features.hitBuckets[j] as number;
    if (counted.has(bucket)) continue;
    counted.add(bucket);
    const word = features.hitWords[j] as number;
    const into = features.hitPairs[j] ? byPair : byWord;
    into.set(word, (into.get(word) ?? 0) + (w[bucket] ?? 0) * value);
  }
  const fragments: Fragment[] = [];
  const seen = new Set<string>();
  for (const [index, weight] of byWord) fragments.push({ text: features.words[index] ?? '', weight });
  for (const [index, weight] of byPair)
    fragments.push({ text: `${features.words[index]} ${features.words[index + 1]}`, weight });
  return fragments
    .filter((f) => f.weight > 0 && shown(f.text))
    .sort((a, b) => b.weight - a.weight || (a.text < b.text ? -1 : 1))
    .filter((f) => !seen.has(f.text) && seen.add(f.text))
    .slice(0, MAX_FRAGMENTS)
    .map((f) => ({ text: f.text, weight: round3(f.weight) }));
}
