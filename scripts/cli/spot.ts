// The `npm run spot` command as a function of its arguments and a file reader, so it can be tested
// without a process: `<file.txt>` (subject on the first line, body after) → one line of JSON, the same
// verdict the extension shows: the cue table's `likely`, `score` and `cues`, plus the model's `probability`,
// the `combined` probability compared with `threshold`, and the `fragments` the model weighed most.
import { t, UserError } from '../../lib/i18n';
import { parseAmount } from '../../lib/i18n/money';
import { assess } from '../../lib/spotting/assess';
import { MAX_SPOT_THRESHOLD, MIN_SPOT_THRESHOLD } from '../../lib/spotting/threshold';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Reads a UTF-8 text file; throws a Node-style error (code ENOENT…) when it cannot. */
export type ReadText = (path: string) => string;

const FROM_FLAG = '--from=';
const OWN_DOMAIN_FLAG = '--own-domain=';
const THRESHOLD_FLAG = '--threshold=';

function parseThreshold(text: string): number {
  const value = parseAmount(text);
  if (value === undefined || value < MIN_SPOT_THRESHOLD || value > MAX_SPOT_THRESHOLD)
    throw new UserError('spotting.cli.badThreshold', { value: text });
  return value;
}

function parseArgs(argv: readonly string[]) {
  const positional: string[] = [];
  let fromEmail: string | undefined;
  const ownDomains: string[] = [];
  let threshold: number | null = null;
  for (const arg of argv) {
    if (arg.startsWith(FROM_FLAG)) fromEmail = arg.slice(FROM_FLAG.length);
    else if (arg.startsWith(THRESHOLD_FLAG)) threshold = parseThreshold(arg.slice(THRESHOLD_FLAG.length));
    else if (arg.startsWith(OWN_DOMAIN_FLAG)) ownDomains.push(arg.slice(OWN_DOMAIN_FLAG.length));
    else if (arg.startsWith('--')) throw new UserError('spotting.cli.unknownFlag', { flag: arg });
    else positional.push(arg);
  }
  const [path, extra] = positional;
  if (path === undefined) throw new UserError('spotting.cli.missingArg');
  if (extra !== undefined) throw new UserError('spotting.cli.tooManyArgs', { arg: extra });
  return { path, fromEmail, ownDomains, threshold };
}

function readMessage(path: string, readText: ReadText): { subject: string; text: string } {
  let content: string;
  try {
    content = readText(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UserError('spotting.cli.missingFile', { path });
    throw new UserError('spotting.cli.unreadable', { path, details: String((error as Error).message ?? error) });
  }
  if (content.trim() === '') throw new UserError('spotting.cli.emptyFile', { path });
  const [subject = '', ...body] = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  return { subject, text: body.join('\n') };
}

export function runSpotCli(argv: readonly string[], readText: ReadText): CliResult {
  if (argv.includes('--help') || argv.includes('-h'))
    return { code: 0, stdout: `${t('spotting.cli.usage')}\n`, stderr: '' };
  try {
    const { path, fromEmail, ownDomains, threshold } = parseArgs(argv);
    const message = readMessage(path, readText);
    const result = assess({ ...message, ...(fromEmail ? { fromEmail } : {}), ownDomains }, { threshold });
    return { code: 0, stdout: `${JSON.stringify(result)}\n`, stderr: '' };
  } catch (error) {
    if (error instanceof UserError) {
      return { code: 2, stdout: '', stderr: `${error.message}\n${t('spotting.cli.usage')}\n` };
    }
    return { code: 1, stdout: '', stderr: `${t('error.unexpected', { details: String(error) })}\n` };
  }
}
