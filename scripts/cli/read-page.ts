// `npm run -s read-page -- <saved-page.html> [--tz Europe/Paris]`: prints what the adapters read, as JSON.
import { readFile, stat } from 'node:fs/promises';
import { t, UserError } from '../../lib/i18n';
import { isValidTimeZone } from '../../lib/webmail/dates';
import { readPage } from '../../lib/webmail/index';
import type { PageReading } from '../../lib/webmail/types';
import { parseSavedPage } from './saved-page';

export const DEFAULT_TIME_ZONE = 'Europe/Paris';

export interface ReadPageArgs {
  file: string;
  timeZone: string;
}

/** Parses the command line; the zone is --tz, else a valid TZ environment variable, else Europe/Paris. */
export function parseReadPageArgs(argv: readonly string[], env: Record<string, string | undefined> = {}): ReadPageArgs {
  let file: string | undefined;
  let tz: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--tz' || arg.startsWith('--tz=')) {
      tz = arg === '--tz' ? argv[++i] : arg.slice('--tz='.length);
      if (!tz) throw new UserError('webmail.cli.missingTimeZone');
    } else if (arg.startsWith('-')) {
      throw new UserError('webmail.cli.unknownOption', { option: arg });
    } else if (file === undefined) {
      file = arg;
    } else {
      throw new UserError('webmail.cli.tooManyFiles');
    }
  }
  if (!file) throw new UserError('webmail.cli.missingFile');
  if (tz !== undefined && !isValidTimeZone(tz)) throw new UserError('webmail.cli.invalidTimeZone', { tz });
  const envTz = env.TZ && isValidTimeZone(env.TZ) ? env.TZ : undefined;
  return { file, timeZone: tz ?? envTz ?? DEFAULT_TIME_ZONE };
}

async function readHtml(file: string): Promise<string> {
  const info = await stat(file).catch(() => null);
  if (!info) throw new UserError('webmail.cli.fileNotFound', { path: file });
  if (!info.isFile()) throw new UserError('webmail.cli.notAFile', { path: file });
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError('webmail.cli.unreadable', { path: file, details: String(error) });
  }
}

/** Reads a saved page from disk: a page that no adapter recognises gives `adapter: null`, not an error. */
export async function readSavedPageFile(args: ReadPageArgs): Promise<PageReading> {
  const page = parseSavedPage(await readHtml(args.file));
  try {
    return readPage(page.document, { timeZone: args.timeZone });
  } finally {
    await page.close();
  }
}

export interface CliOutcome {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** The whole CLI as a function: French message and exit code 1 on a user error, JSON on stdout otherwise. */
export async function runReadPageCli(
  argv: readonly string[],
  env: Record<string, string | undefined> = {},
): Promise<CliOutcome> {
  if (argv.includes('--help') || argv.includes('-h'))
    return { exitCode: 0, stdout: `${t('webmail.cli.usage')}\n`, stderr: '' };
  try {
    const reading = await readSavedPageFile(parseReadPageArgs(argv, env));
    return { exitCode: 0, stdout: `${JSON.stringify(reading, null, 2)}\n`, stderr: '' };
  } catch (error) {
    if (error instanceof UserError) return { exitCode: 1, stdout: '', stderr: `${error.message}\n` };
    throw error;
  }
}
