// The `npm run due` command as a pure function of its arguments, so it can be tested without a process.

import { isoDaySchema } from '../../lib/deadlines/civil-day';
import { explainDue } from '../../lib/deadlines/compute';
import { extensionLimit } from '../../lib/deadlines/extension';
import { type ClockRule, DeadlinePresetSchema, POLICY_PRESETS, parseDuration } from '../../lib/deadlines/policy';
import { t, UserError } from '../../lib/i18n';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const CLOSURE_FLAG = '--closure=';
const PRESET_FLAG = '--preset=';

/** With `--preset=`, "ack" or "answer" names that preset's clock, with its calendar rules; else a duration. */
function clockRule(text: string, presetName: string | undefined): ClockRule {
  if (presetName === undefined) return parseDuration(text);
  const preset = DeadlinePresetSchema.exclude(['custom']).safeParse(presetName);
  if (!preset.success) throw new UserError('deadlines.cli.unknownPreset', { preset: presetName });
  if (text !== 'ack' && text !== 'answer') throw new UserError('deadlines.cli.presetClock', { arg: text });
  return POLICY_PRESETS[preset.data][text];
}

function parseArgs(argv: readonly string[]) {
  const positional: string[] = [];
  let alsaceMoselle = false;
  const closureDays: string[] = [];
  let preset: string | undefined;
  for (const arg of argv) {
    if (arg === '--alsace-moselle') alsaceMoselle = true;
    else if (arg.startsWith(PRESET_FLAG)) preset = arg.slice(PRESET_FLAG.length);
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
  return { receivedAt, duration: clockRule(durationText, preset), alsaceMoselle, closureDays };
}

/**
 * `<received ISO instant> "<n> <unit>" [--alsace-moselle] [--closure=YYYY-MM-DD]…` → one line of JSON;
 * `<instant> ack|answer --preset=<preset>` counts that preset's clock with its rules.
 */
export function runDueCli(argv: readonly string[]): CliResult {
  if (argv.includes('--help') || argv.includes('-h'))
    return { code: 0, stdout: `${t('deadlines.cli.usage')}\n`, stderr: '' };
  try {
    const { receivedAt, duration, alsaceMoselle, closureDays } = parseArgs(argv);
    const due = explainDue(receivedAt, duration, { alsaceMoselle, closureDays });
    const limit = extensionLimit(receivedAt, duration, { alsaceMoselle, closureDays });
    const line = {
      dueDay: due.dueDay,
      dueAt: due.dueAt,
      ...(due.rolledFrom ? { rolledFrom: due.rolledFrom } : {}),
      amount: duration.amount,
      unit: duration.unit,
      holidaysSkipped: due.holidaysSkipped,
      ...(limit ? { extendedMaxDay: limit.dueDay } : {}),
    };
    return { code: 0, stdout: `${JSON.stringify(line)}\n`, stderr: '' };
  } catch (error) {
    if (error instanceof UserError) {
      return { code: 2, stdout: '', stderr: `${error.message}\n${t('deadlines.cli.usage')}\n` };
    }
    return { code: 1, stdout: '', stderr: `${t('error.unexpected', { details: String(error) })}\n` };
  }
}
