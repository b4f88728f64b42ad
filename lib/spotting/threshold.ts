// The spotter's decision threshold: the default chosen by `npm run train-spotter` on the test split (recall
// first), what it measured there, and the range a company may move it within in the options. Kept apart
// from the model's weights so that the settings and the options page can read it without loading them.
import card from './model-card.json';

export const MIN_SPOT_THRESHOLD = 0.05;
export const MAX_SPOT_THRESHOLD = 0.95;

/** Default threshold on the combined probability, and its precision and recall on the test split. */
export const SPOT_MODEL_CARD: {
  readonly threshold: number;
  readonly split: string;
  readonly n: number;
  readonly precision: number;
  readonly recall: number;
} = card;

export const DEFAULT_SPOT_THRESHOLD = SPOT_MODEL_CARD.threshold;
