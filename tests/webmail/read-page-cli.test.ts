import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PageReadingSchema } from '../../lib/webmail/types';
import { parseReadPageArgs, runReadPageCli } from '../../scripts/cli/read-page';
import { fixturePath, sharedFixturesPresent } from './fixtures';

const scratch = mkdtempSync(join(tmpdir(), 'read-page-'));
const plainPage = join(scratch, 'not-webmail.html');
writeFileSync(plainPage, '<!doctype html><html><body><h1>Bienvenue</h1><script>process.exit(3)</script></body></html>');

describe('read-page CLI', () => {
  it.skipIf(!sharedFixturesPresent)('prints the JSON shape for a real saved thread page', async () => {
    const outcome = await runReadPageCli([fixturePath('SubstrateLabs_brocc__gmail-inbox-thread.html')]);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.stderr).toBe('');
    const json = JSON.parse(outcome.stdout);
    expect(Object.keys(json)).toEqual(['adapter', 'messages', 'threads']);
    expect(PageReadingSchema.parse(json)).toEqual(json);
    expect(json.adapter).toBe('gmail');
    expect(Object.keys(json.messages[0])).toEqual(['messageId', 'threadId', 'from', 'to', 'subject', 'date', 'text']);
    expect(Object.keys(json.threads[0])).toEqual(['threadId', 'subject', 'from', 'date']);
    expect(json.messages.map((m: { date: string }) => m.date)).toEqual([
      '2025-04-09T01:02:00.000Z',
      '2025-04-09T06:01:00.000Z',
    ]);
  });

  it.skipIf(!sharedFixturesPresent)('uses --tz, then TZ, then Europe/Paris', async () => {
    const page = fixturePath('InboxSDK_InboxSDK_injected-thread-identifier.html');
    const first = async (argv: string[], env = {}) =>
      JSON.parse((await runReadPageCli(argv, env)).stdout).threads[0].date;
    expect(await first([page])).toBe('2014-12-18T11:35:00.000Z');
    expect(await first([page], { TZ: 'America/New_York' })).toBe('2014-12-18T17:35:00.000Z');
    expect(await first([page, '--tz', 'UTC'], { TZ: 'America/New_York' })).toBe('2014-12-18T12:35:00.000Z');
    expect(await first([`--tz=Asia/Tokyo`, page])).toBe('2014-12-18T03:35:00.000Z');
    expect(parseReadPageArgs([page], { TZ: ':/etc/localtime' }).timeZone).toBe('Europe/Paris');
  });

  it('gives adapter null for an HTML file that is not a webmail page, without running its scripts', async () => {
    const outcome = await runReadPageCli([plainPage]);
    expect(outcome.exitCode).toBe(0);
    expect(JSON.parse(outcome.stdout)).toEqual({ adapter: null, messages: [], threads: [] });
  });

  it('explains in French and exits non-zero on a missing file, a bad zone or no argument', async () => {
    expect(await runReadPageCli([join(scratch, 'absent.html')])).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: `Fichier introuvable : ${join(scratch, 'absent.html')}\n`,
    });
    expect((await runReadPageCli([plainPage, '--tz', 'Mars/Olympus'])).stderr).toBe(
      'Fuseau horaire inconnu : Mars/Olympus (exemple : Europe/Paris)\n',
    );
    expect((await runReadPageCli([])).stderr).toMatch(/^Indiquez le fichier HTML/);
    expect((await runReadPageCli([scratch])).stderr).toMatch(/^Ce chemin n’est pas un fichier/);
    expect((await runReadPageCli([plainPage, '--verbose'])).exitCode).toBe(1);
    expect(await runReadPageCli(['--help'])).toMatchObject({ exitCode: 0, stdout: expect.stringMatching(/^Usage : /) });
  });

  it('runs as the npm script (thin wrapper)', async () => {
    const run = (file: string) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/read-page.ts', file]);
    const [ok, missing] = await Promise.allSettled([run(plainPage), run(join(scratch, 'absent.html'))]);
    expect(ok.status === 'fulfilled' && JSON.parse(ok.value.stdout)).toEqual({
      adapter: null,
      messages: [],
      threads: [],
    });
    expect(missing).toMatchObject({
      status: 'rejected',
      reason: { code: 1, stderr: expect.stringContaining('Fichier introuvable') },
    });
  }, 20_000);
});
