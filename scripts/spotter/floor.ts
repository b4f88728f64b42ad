// Where the spotter's floor is, measured without reading the holdout: everything here runs on the dev and
// test splits pooled and cut into folds by a hash of each id (scripts/spotter/spotter-floor.ts prints it).
// - Learning curve: one language's training messages cut to a fraction, the model and combiners trained as
//   `npm run train-spotter` trains them, each message scored by a model that never saw it (out of fold);
//   the figures are points of the combined verdict's precision–recall curve, so no threshold is involved.
// - Fresh folds: train on three folds, choose the thresholds on a fourth by the shipped rule, measure on
//   the fifth, for every ordered pair: how often a threshold chosen that way meets the targets on
//   messages nobody chose it on, which is what the holdout asks of it.
import type { SpotLang } from '../../lib/spotting/hints';
import { fnv1a, loadModel } from '../../lib/spotting/model';
import { prepare, spot } from '../../lib/spotting/score';
import type { InboxEntry } from './inbox';
import { chooseLangThreshold, curvePoints, PRECISION_FLOOR, precisionRecall, RECALL_FLOOR } from './threshold-choice';
import { train } from './train-model';

export const FLOOR_FOLDS = 5;
const LANGS: readonly SpotLang[] = ['fr', 'en'];

export const floorFold = (id: string, folds = FLOOR_FOLDS) => fnv1a(`floor:${id}`) % folds;
/** Whether a message stays in a training set cut to `fraction` (a fixed hash, so the cuts are nested). */
const kept = (id: string, fraction: number) => (fnv1a(`floor-cut:${id}`) % 1000) / 1000 < fraction;

interface ScoredRow {
  readonly lang: SpotLang;
  readonly score: number;
  readonly label: 0 | 1;
}

/**
 * The entries as `train()` is to see them: the `train` folds as dev, the `choose` fold as test, everything
 * else (the measured fold, the holdout) left out. Exported for the test that nothing leaks.
 */
export function foldPlan(
  entries: readonly InboxEntry[],
  choose: number,
  measured: number,
  keep: (e: InboxEntry) => boolean = () => true,
  folds = FLOOR_FOLDS,
): InboxEntry[] {
  return entries
    .filter((e) => e.split !== 'holdout')
    .flatMap((e): InboxEntry[] => {
      const fold = floorFold(e.id, folds);
      if (fold === measured) return [];
      if (fold === choose) return [{ ...e, split: 'test' }];
      return keep(e) ? [{ ...e, split: 'dev' }] : [];
    });
}

function scoreWith(entriesToTrain: readonly InboxEntry[], entriesToScore: readonly InboxEntry[]): ScoredRow[] {
  const model = loadModel(train(entriesToTrain, 'floor').weights);
  return entriesToScore.map((e) => {
    const message = { subject: e.subject, text: e.text, fromEmail: e.fromEmail, ownDomains: e.ownDomains };
    const verdict = model.score(prepare(message).norm, spot(message).score);
    return { lang: verdict.lang, score: verdict.combined, label: e.label === 'complaint' ? 1 : 0 };
  });
}

export interface CurvePoint {
  readonly lang: SpotLang;
  readonly fraction: number;
  /** That language's training messages per model (mean over the folds). */
  readonly trainedOn: number;
  readonly precisionAtRecall: number;
  readonly recallAtPrecision: number;
}

/** Out of fold on dev + test: the messages of every fold scored by a model trained on the others, those of
 *  `cut`'s language kept in training only at `fraction` (the other language whole). */
function outOfFold(
  pool: readonly InboxEntry[],
  cut: SpotLang,
  fraction: number,
  onStep: (done: string) => void,
): { rows: ScoredRow[]; trainedOn: Record<SpotLang, number> } {
  const rows: ScoredRow[] = [];
  const trainedOn: Record<SpotLang, number> = { fr: 0, en: 0 };
  for (let fold = 0; fold < FLOOR_FOLDS; fold++) {
    // The measured fold is also the one train() chooses its thresholds on: no threshold is read here.
    const plan = foldPlan(pool, fold, -1, (e) => e.lang !== cut || kept(e.id, fraction));
    for (const e of plan) if (e.split === 'dev') trainedOn[e.lang]++;
    rows.push(
      ...scoreWith(
        plan,
        pool.filter((e) => floorFold(e.id) === fold),
      ),
    );
    onStep(`${fraction < 1 ? `${cut} ×${fraction}` : 'all'} fold ${fold + 1}/${FLOOR_FOLDS}`);
  }
  return { rows, trainedOn };
}

/**
 * Each language's training messages cut to each fraction in turn, the other language whole. A fraction of 1
 * is the same training for both languages: it is run once.
 */
export function learningCurves(
  entries: readonly InboxEntry[],
  fractions: readonly number[],
  onStep: (done: string) => void = () => {},
): CurvePoint[] {
  const pool = entries.filter((e) => e.split !== 'holdout');
  const point = (lang: SpotLang, fraction: number, run: ReturnType<typeof outOfFold>): CurvePoint => ({
    lang,
    fraction,
    trainedOn: Math.round(run.trainedOn[lang] / FLOOR_FOLDS),
    ...curvePoints(run.rows.filter((r) => r.lang === lang)),
  });
  const whole = fractions.includes(1) ? outOfFold(pool, 'fr', 1, onStep) : null;
  return LANGS.flatMap((lang) =>
    fractions.map((fraction) =>
      point(lang, fraction, fraction === 1 && whole ? whole : outOfFold(pool, lang, fraction, onStep)),
    ),
  );
}

export interface FreshFolds {
  readonly lang: SpotLang;
  readonly runs: number;
  readonly meanPrecision: number;
  readonly meanRecall: number;
  readonly recallMet: number;
  readonly precisionMet: number;
  readonly bothMet: number;
}

/** Every ordered pair of folds: train on the other three, choose on the first, measure on the second. */
export function freshFolds(entries: readonly InboxEntry[], onStep: (done: string) => void = () => {}): FreshFolds[] {
  const pool = entries.filter((e) => e.split !== 'holdout');
  const tally = new Map<SpotLang, { p: number; r: number; rMet: number; pMet: number; both: number; runs: number }>();
  for (let choose = 0; choose < FLOOR_FOLDS; choose++)
    for (let measured = 0; measured < FLOOR_FOLDS; measured++) {
      if (choose === measured) continue;
      const plan = foldPlan(pool, choose, measured);
      const chosenOn = pool.filter((e) => floorFold(e.id) === choose);
      const measuredOn = pool.filter((e) => floorFold(e.id) === measured);
      const rows = scoreWith(plan, [...chosenOn, ...measuredOn]);
      const chosenRows = rows.slice(0, chosenOn.length);
      const measuredRows = rows.slice(chosenOn.length);
      for (const lang of LANGS) {
        const threshold = chooseLangThreshold(chosenRows.filter((r) => r.lang === lang));
        const m = precisionRecall(
          measuredRows.filter((r) => r.lang === lang),
          threshold,
        );
        const t = tally.get(lang) ?? { p: 0, r: 0, rMet: 0, pMet: 0, both: 0, runs: 0 };
        t.p += m.precision;
        t.r += m.recall;
        t.rMet += m.recall >= RECALL_FLOOR ? 1 : 0;
        t.pMet += m.precision >= PRECISION_FLOOR ? 1 : 0;
        t.both += m.recall >= RECALL_FLOOR && m.precision >= PRECISION_FLOOR ? 1 : 0;
        t.runs++;
        tally.set(lang, t);
      }
      onStep(`fresh folds: chosen on ${choose + 1}, measured on ${measured + 1}`);
    }
  return LANGS.map((lang) => {
    const t = tally.get(lang) ?? { p: 0, r: 0, rMet: 0, pMet: 0, both: 0, runs: 0 };
    const runs = t.runs || 1;
    return {
      lang,
      runs: t.runs,
      meanPrecision: t.p / runs,
      meanRecall: t.r / runs,
      recallMet: t.rMet,
      precisionMet: t.pMet,
      bothMet: t.both,
    };
  });
}
