// npm run train-spotter: trains the spotter's model on the labelled inbox and writes its weights
// (lib/spotting/model-weights.json) and its model card (lib/spotting/model-card.json: default threshold
// of each language and what it measured on the test split). Deterministic: the same inbox gives the same files.
import { writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { INBOX_PATH, loadInbox } from './inbox';
import { train } from './train-model';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const WEIGHTS_PATH = join(root, 'lib/spotting/model-weights.json');
export const CARD_PATH = join(root, 'lib/spotting/model-card.json');

const started = performance.now();
const inbox = loadInbox();
const { weights, card } = train(inbox.entries, relative(root, INBOX_PATH));
const json = `${JSON.stringify(weights)}\n`;
writeFileSync(WEIGHTS_PATH, json);
writeFileSync(CARD_PATH, `${JSON.stringify(card, null, 2)}\n`);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(
  [
    `trained on ${weights.trainedOn.entries} dev messages in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    `weights: ${relative(root, WEIGHTS_PATH)} (${kb(json.length)}, ${kb(gzipSync(json).length)} gzip)`,
    ...(['fr', 'en'] as const).flatMap((lang) => {
      const c = weights.combiners[lang];
      const m = card[lang];
      const hints = Object.entries(c.hints).map(([name, weight]) => ` ${name} ${weight}`);
      return [
        `${lang} combiner: model ×${c.model}, cues ×${c.cues}, bias ${c.bias}${hints.length ? `, hints${hints}` : ''}`,
        `${lang} threshold ${m.threshold} (test: precision ${m.precision}, recall ${m.recall}, n ${m.n})`,
      ];
    }),
  ].join('\n'),
);
