// The spotter's decision thresholds: one default per language, chosen by `npm run train-spotter` on the test
// split (recall first), what each measured there, and the range a company may move them within in the
// options. Kept apart from the model's weights so that the settings and the options page can read them
// without loading the weights.
import type { SpotLang } from './hints';
import card from './model-card.json';

export const MIN_SPOT_THRESHOLD = 0.05;
export const MAX_SPOT_THRESHOLD = 0.95;

/** A language's default threshold on the combined probability, and its precision and recall on test. */
export interface SpotMeasure {
  readonly threshold: number;
  readonly n: number;
  readonly precision: number;
  readonly recall: number;
}

/** The test split as a whole (each message at its language's threshold), then each language. */
export const SPOT_MODEL_CARD: {
  readonly split: string;
  readonly n: number;
  readonly precision: number;
  readonly recall: number;
  readonly fr: SpotMeasure;
  readonly en: SpotMeasure;
} = card;

export const DEFAULT_SPOT_THRESHOLDS: Readonly<Record<SpotLang, number>> = {
  fr: SPOT_MODEL_CARD.fr.threshold,
  en: SPOT_MODEL_CARD.en.threshold,
};

/** Per-language thresholds a company chose (each optional), as the settings store them. */
export type SpotThresholds = { readonly fr?: number | null; readonly en?: number | null };

/** The threshold for a message in `lang`: the company's for that language, else its single one, else the default. */
export function spotThresholdFor(
  lang: SpotLang,
  chosen: { readonly threshold?: number | null; readonly thresholds?: SpotThresholds | null } = {},
): number {
  return chosen.thresholds?.[lang] ?? chosen.threshold ?? DEFAULT_SPOT_THRESHOLDS[lang];
}
