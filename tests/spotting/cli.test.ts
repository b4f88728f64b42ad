import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spotResultSchema } from '../../lib/spotting/score';
import { runSpotCli } from '../../scripts/cli/spot';

const files: Record<string, string> = {
  'plainte.txt': 'Commande 4512 toujours pas reçue\nBonjour, c’est inadmissible !',
  'vide.txt': '  \n',
};
const readText = (path: string) => {
  const content = files[path];
  if (content === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  return content;
};

describe('runSpotCli', () => {
  it('prints the verdict as one line of JSON, subject from the first line', () => {
    const { code, stdout, stderr } = runSpotCli(['plainte.txt'], readText);

    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const result = spotResultSchema.parse(JSON.parse(stdout));
    expect(result.likely).toBe(true);
    expect(result.cues.map((cue) => cue.excerpt)).toContain('toujours pas reçue');
  });

  it('takes the sender and the company’s domains as options', () => {
    const { stdout } = runSpotCli(['plainte.txt', '--from=sav@boutique.fr', '--own-domain=boutique.fr'], readText);

    expect(JSON.parse(stdout).likely).toBe(false);
  });

  it('says in French that the file is missing, with a non-zero exit', () => {
    const { code, stdout, stderr } = runSpotCli(['absent.txt'], readText);

    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('Fichier introuvable : absent.txt');
  });

  it('says in French that the file is empty', () => {
    const { code, stderr } = runSpotCli(['vide.txt'], readText);

    expect(code).not.toBe(0);
    expect(stderr).toContain('Fichier vide : vide.txt');
  });

  it('asks for a file when none is given and rejects unknown options', () => {
    expect(runSpotCli([], readText).stderr).toContain('Indiquez le fichier à analyser.');
    expect(runSpotCli(['plainte.txt', '--verbose'], readText).stderr).toContain('Option inconnue : --verbose');
  });
});

describe('scripts/spot.ts', () => {
  const repo = join(__dirname, '..', '..');
  const dir = mkdtempSync(join(tmpdir(), 'spot-'));

  it('runs end to end: file in, JSON verdict out, French error for a missing file', () => {
    const file = join(dir, 'message.txt');
    writeFileSync(file, 'Réclamation\nMon colis est arrivé cassé, je demande le remboursement.\n');

    const stdout = execFileSync('npx', ['tsx', 'scripts/spot.ts', file], { cwd: repo, encoding: 'utf8' });
    expect(spotResultSchema.parse(JSON.parse(stdout)).likely).toBe(true);

    const missing = spawnSync('npx', ['tsx', 'scripts/spot.ts', join(dir, 'absent.txt')], {
      cwd: repo,
      encoding: 'utf8',
    });
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('Fichier introuvable');
  }, 30_000);
});
