// Issue 15: `npm run -s spot` keeps its JSON shape (likely, score, cues) and adds the model's probability.
import { assessmentSchema } from '../../lib/spotting/assess';
import { runSpotCli } from '../../scripts/cli/spot';

const files: Record<string, string> = {
  'plainte.txt': 'Commande 4512\nbonjour sa fait 3 semaine que jattend mon rembourcement, tjrs rien',
};
const readText = (path: string) => {
  const content = files[path];
  if (content === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  return content;
};

describe('runSpotCli with the model', () => {
  it('prints likely, score and cues as before, plus the probability, the threshold and the weighing words', () => {
    const { code, stdout } = runSpotCli(['plainte.txt'], readText);

    expect(code).toBe(0);
    const result = assessmentSchema.parse(JSON.parse(stdout));
    expect(Object.keys(result).slice(0, 3)).toEqual(['likely', 'score', 'cues']);
    expect(result.probability).toBeGreaterThan(0);
    expect(result.probability).toBeLessThan(1);
    expect(result.likely).toBe(result.combined >= result.threshold);
  });

  it('takes a threshold and refuses one out of range, in French', () => {
    const high = JSON.parse(runSpotCli(['plainte.txt', '--threshold=0.95'], readText).stdout);
    expect(high.threshold).toBe(0.95);

    const bad = runSpotCli(['plainte.txt', '--threshold=2'], readText);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('Seuil invalide : 2');
  });
});
