import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runDueCli } from '../../scripts/cli/due';

describe('runDueCli', () => {
  it('prints one line of JSON with the due day and instant', () => {
    // Fri 27 Mar 2026 + 10 jours = Mon 6 Apr (lundi de Pâques) → Tue 7 Apr, end of day CEST.
    const result = runDueCli(['2026-03-27T09:00:00Z', '10 jours']);
    expect(result).toEqual({
      code: 0,
      stdout:
        '{"dueDay":"2026-04-07","dueAt":"2026-04-07T21:59:59.999Z","rolledFrom":"2026-04-06","amount":10,"unit":"jours","holidaysSkipped":["2026-04-06"]}\n',
      stderr: '',
    });
  });

  it('applies the Alsace-Moselle calendar with --alsace-moselle', () => {
    // Tue 24 Mar 2026 + 10 jours = Fri 3 Apr, Vendredi saint in Alsace-Moselle → Tue 7 Apr.
    const plain = JSON.parse(runDueCli(['2026-03-24T09:00:00Z', '10 jours']).stdout);
    const alsace = JSON.parse(runDueCli(['--alsace-moselle', '2026-03-24T09:00:00Z', '10 jours']).stdout);
    expect(plain.dueDay).toBe('2026-04-03');
    expect(alsace).toMatchObject({ dueDay: '2026-04-07', rolledFrom: '2026-04-03' });
  });

  it('takes closure days with --closure=', () => {
    const out = JSON.parse(runDueCli(['2026-01-09T15:00:00Z', '2 jours ouvrés', '--closure=2026-01-12']).stdout);
    expect(out).toMatchObject({ dueDay: '2026-01-14', unit: 'joursOuvres', holidaysSkipped: ['2026-01-12'] });
  });

  it.each([
    [['2026-03-27', '10 jours'], 'Date de réception invalide : « 2026-03-27 »'],
    [['2026-03-27T09:00:00Z', '10 semaines'], 'Durée invalide : « 10 semaines »'],
    [['2026-03-27T09:00:00Z', '10 jours', '--alsace'], 'Option inconnue : « --alsace »'],
    [['2026-03-27T09:00:00Z'], 'Arguments manquants'],
    [[], 'Arguments manquants'],
    [['2026-03-27T09:00:00Z', '10 jours', 'encore'], 'Argument en trop : « encore »'],
    [['2026-03-27T09:00:00Z', '10 jours', '--closure=2026-02-30'], 'Jour invalide : « 2026-02-30 »'],
  ])('refuses %j with a French message and a non-zero code', (argv, message) => {
    const result = runDueCli(argv);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Usage : npm run -s due --');
  });

  it('prints the usage with --help', () => {
    expect(runDueCli(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage :') });
  });
});

describe('scripts/due.ts, run as a process', () => {
  const run = promisify(execFile);

  it('prints the JSON line and exits 0, or exits non-zero with a French error', async () => {
    // Wed 14 Jan 2026 + 10 jours = Sat 24 Jan → Mon 26 Jan, end of day CET.
    const ok = await run('npx', ['tsx', 'scripts/due.ts', '2026-01-14T09:00:00Z', '10 jours']);
    expect(JSON.parse(ok.stdout)).toEqual({
      dueDay: '2026-01-26',
      dueAt: '2026-01-26T22:59:59.999Z',
      rolledFrom: '2026-01-24',
      amount: 10,
      unit: 'jours',
      holidaysSkipped: [],
    });
    expect(ok.stdout.trim().split('\n')).toHaveLength(1);

    const bad = await run('npx', ['tsx', 'scripts/due.ts', '2026-01-14T09:00:00Z', 'dix jours']).catch((e) => e);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Durée invalide : « dix jours »');
  }, 30_000);
});

describe('runDueCli with --preset', () => {
  it('counts the ACPR answer clock without rolling its 2-month maximum', () => {
    // Wed 14 Jan 2026 + 2 mois = Sat 14 Mar: kept under ACPR, rolled to Mon 16 for a plain "2 mois".
    const acpr = JSON.parse(runDueCli(['2026-01-14T09:00:00Z', 'answer', '--preset=acpr']).stdout);
    expect(acpr).toEqual({
      dueDay: '2026-03-14',
      dueAt: '2026-03-14T22:59:59.999Z',
      amount: 2,
      unit: 'mois',
      holidaysSkipped: [],
    });
    expect(JSON.parse(runDueCli(['2026-01-14T09:00:00Z', '2 mois']).stdout).dueDay).toBe('2026-03-16');
  });

  it('gives the payment services answer and its 35-day limit', () => {
    const out = JSON.parse(
      runDueCli(['2026-04-29T08:00:00Z', 'answer', '--preset=servicesPaiement', '--closure=2026-05-04']).stdout,
    );
    expect(out).toMatchObject({ dueDay: '2026-05-20', unit: 'joursOuvrables', extendedMaxDay: '2026-06-13' });
  });

  it.each([
    [['2026-01-14T09:00:00Z', 'answer', '--preset=banque'], 'Règle inconnue : « banque »'],
    [['2026-01-14T09:00:00Z', '2 mois', '--preset=acpr'], 'Avec --preset, indiquez le délai « ack »'],
  ])('refuses %j in French', (argv, message) => {
    const result = runDueCli(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
