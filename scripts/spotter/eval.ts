// npm run eval-spotter: prints precision, recall and F1 on the test and holdout splits for the cue table
// alone, the model alone and the combined verdict, French and English apart, and the time per verdict;
// stores the holdout figures in .bench/results.json (ids spot-recall-holdout, spot-precision-holdout,
// spot-ms) beside the bench's own.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mergeIntoFile } from '../bench/report';
import { evaluate, type Row } from './evaluate';
import { loadInbox } from './inbox';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const RESULTS = join(root, '.bench/results.json');

const { rows, thresholds, msMedian, msP99 } = evaluate(loadInbox().entries);
const f2 = (x: number) => x.toFixed(2);
const lines = ['split    lang  method     n    precision  recall  F1'];
for (const r of rows)
  lines.push(
    `${r.split.padEnd(8)} ${r.lang.padEnd(5)} ${r.method.padEnd(9)} ${String(r.n).padStart(4)}  ${f2(r.precision).padStart(9)}  ${f2(r.recall).padStart(6)}  ${f2(r.f1)}`,
  );
lines.push(
  `thresholds (fr / en): cues score ≥ ${thresholds.cues.fr}, model ≥ ${thresholds.model.fr} / ${thresholds.model.en}, combined ≥ ${thresholds.combined.fr} / ${thresholds.combined.en}`,
  `time per message (cues + model): median ${msMedian.toFixed(3)} ms, p99 ${msP99.toFixed(3)} ms`,
  'targets on holdout: recall ≥ 0.90 with precision ≥ 0.85, French and English apart; ≤ 2 ms per message',
);
console.log(lines.join('\n'));

const holdout = (lang: Row['lang']) =>
  rows.find((r) => r.split === 'holdout' && r.lang === lang && r.method === 'combined');
const [all, fr, en] = [holdout('all'), holdout('fr'), holdout('en')];
if (all && fr && en) {
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  // These two are ratios, not times: `ms` stays 0 and the figure is in `value` (per language beside it).
  mergeIntoFile(RESULTS, [
    {
      id: 'spot-recall-holdout',
      ms: 0,
      runs: all.n,
      extra: { value: r3(all.recall), fr: r3(fr.recall), en: r3(en.recall) },
    },
    {
      id: 'spot-precision-holdout',
      ms: 0,
      runs: all.n,
      extra: { value: r3(all.precision), fr: r3(fr.precision), en: r3(en.precision) },
    },
    { id: 'spot-ms', ms: msMedian, runs: rows.length, extra: { p99: r3(msP99), median: r3(msMedian) } },
  ]);
  console.log(`figures merged into ${RESULTS}`);
}
