// npm run spotter-floor: where the spotter's floor is, without reading the holdout (scripts/spotter/floor.ts):
// the learning curve of each language out of fold on dev + test, and how often a threshold chosen by the
// shipped rule on one fold meets the targets on another. 55 trainings: about 7 minutes on 2 cores.
import { FLOOR_FOLDS, freshFolds, learningCurves } from './floor';
import { loadInbox } from './inbox';
import { PRECISION_FLOOR, RECALL_FLOOR } from './threshold-choice';

const FRACTIONS = [0.25, 0.5, 0.75, 1];
const entries = loadInbox().entries;
const started = performance.now();
const progress = (step: string) =>
  process.stderr.write(`  ${((performance.now() - started) / 1000).toFixed(0)} s  ${step}\n`);
const f3 = (x: number) => x.toFixed(3);

const lines = [
  `learning curve, out of fold (${FLOOR_FOLDS} folds of dev + test), combined verdict, no threshold involved:`,
  `lang  fraction  trained on  precision at recall ≥ ${RECALL_FLOOR}  recall at precision ≥ ${PRECISION_FLOOR}`,
];
for (const p of learningCurves(entries, FRACTIONS, progress))
  lines.push(
    `${p.lang.padEnd(5)} ${String(p.fraction).padEnd(9)} ${String(p.trainedOn).padStart(10)}  ${f3(p.precisionAtRecall).padStart(27)}  ${f3(p.recallAtPrecision).padStart(28)}`,
  );
lines.push(
  '',
  'fresh folds: trained on 3 folds, threshold chosen on a 4th by the shipped rule, measured on the 5th (every ordered pair):',
  'lang  runs  mean precision  mean recall  recall met  precision met  both met',
);
for (const f of freshFolds(entries, progress))
  lines.push(
    `${f.lang.padEnd(5)} ${String(f.runs).padStart(4)}  ${f3(f.meanPrecision).padStart(14)}  ${f3(f.meanRecall).padStart(11)}  ${`${f.recallMet}/${f.runs}`.padStart(10)}  ${`${f.precisionMet}/${f.runs}`.padStart(13)}  ${`${f.bothMet}/${f.runs}`.padStart(8)}`,
  );
lines.push(`(${((performance.now() - started) / 1000).toFixed(0)} s)`);
console.log(lines.join('\n'));
