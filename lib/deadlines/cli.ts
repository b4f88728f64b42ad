// The `npm run due` command as a pure function of its arguments, so it can be tested without a process.
import { t, UserError } from '../i18n';
import { isoDaySchema } from './civil-day';
import { explainDue } from './compute';
import { parseDuration } from './policy';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const CLOSURE_FLAG = '--closure=';

function parseArgs(argv: readonly string[]) {
  const positional: string[] = [];
  let alsaceMoselle = false;
  const closureDays: string[] = [];
  for (const arg of argv) {
    if (arg === '--alsace-moselle') alsaceMoselle = true;
    else if (arg.startsWith(CLOSURE_FLAG)) {
      const day = arg.slice(CLOSURE_FLAG.length);
      if (!isoDaySchema.safeParse(day).success) throw new UserError('deadlines.badDay', { text: day });
      closureDays.push(day);
    } else if (arg.startsWith('--')) throw new UserError('deadlines.cli.unknownFlag', { flag: arg });
    else positional.push(arg);
  }
  const [receivedAt, durationText, extra] = positional;
  if (receivedAt === undefined || durationText === undefined) throw new UserError('deadlines.cli.missingArgs');
  if (extra !== undefined) throw new UserError('deadlines.cli.tooManyArgs', { arg: extra });
  return { receivedAt, duration: parseDuration(durationText), alsaceMoselle, closureDays };
}

/** `<received ISO instant> "<n> <unit>" [--alsace-moselle] [--closure=YYYY-MM-DD]…` → one line of JSON. */
export function runDueCli(argv: readonly string[]): CliResult {
  if (argv.includes('--help') || argv.includes('-h'))
    return { code: 0, stdout: `${t('deadlines.cli.usage')}\n`, stderr: '' };
  try {
    const { receivedAt, duration, alsaceMoselle, closureDays } = parseArgs(argv);
    const due = explainDue(receivedAt, duration, { alsaceMoselle, closureDays });
    const line = {
      dueDay: due.dueDay,
      dueAt: due.dueAt,
      ...(due.rolledFrom ? { rolledFrom: due.rolledFrom } : {}),
      amount: duration.amount,
      unit: duration.unit,
      holidaysSkipped: due.holidaysSkipped,
    };
    return { code: 0, stdout: `${JSON.stringify(line)}\n`, stderr: '' };
  } catch (error) {
    if (error instanceof UserError) {
      return { code: 2, stdout: '', stderr: `${error.message}\n${t('deadlines.cli.usage')}\n` };
    }
    return { code: 1, stdout: '', stderr: `${t('error.unexpected', { details: String(error) })}\n` };
  }
}
