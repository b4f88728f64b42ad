// Deadline policies: how long each clock (acknowledgement, answer) runs, as settings with presets.
// The shapes are defined here once, as zod schemas; the types are inferred from them.
import { z } from 'zod';
import { type Lang, type MessageKey, t, UserError } from '../i18n';
import { isoDaySchema } from './civil-day';

export const DurationUnitSchema = z.enum(['heures', 'jours', 'joursOuvres', 'joursOuvrables', 'mois']);
export type DurationUnit = z.infer<typeof DurationUnitSchema>;

export const DurationSchema = z.object({
  amount: z.number().int().positive().max(366),
  unit: DurationUnitSchema,
});
export type Duration = z.infer<typeof DurationSchema>;

/**
 * One clock of a policy: its duration and how the calendar applies to it. Policies stored before the flags
 * existed have none, and an absent flag means the behaviour those policies were computed with (true).
 */
export const ClockRuleSchema = DurationSchema.extend({
  /** CPC art. 642 al. 2: a count in jours or mois ending on a non-working day runs to the next jour ouvré. */
  rollForward: z.boolean().optional(),
  /** Whether the company's own closure days lengthen the count (and a roll goes past them), like public holidays. */
  companyClosures: z.boolean().optional(),
  /**
   * The furthest an extension may move this clock, counted from receipt; an extension then needs a holding
   * reply sent to the customer before the clock's first due date (CMF art. L133-45).
   */
  extendedMax: DurationSchema.optional(),
});
export type ClockRule = z.infer<typeof ClockRuleSchema>;

export const CalendarOptionsSchema = z.object({
  alsaceMoselle: z.boolean().default(false),
  closureDays: z.array(isoDaySchema).default([]),
});
/** Parsed options (defaults filled in). */
export type CalendarOptions = z.infer<typeof CalendarOptionsSchema>;
/** What callers may pass: both fields optional, so a whole DeadlinePolicy fits too. */
export type CalendarOptionsInput = z.input<typeof CalendarOptionsSchema>;

export const DeadlinePresetSchema = z.enum(['procedure', 'joursOuvres', 'acpr', 'servicesPaiement', 'custom']);
export type DeadlinePreset = z.infer<typeof DeadlinePresetSchema>;

export const DeadlinePolicySchema = z.object({
  preset: DeadlinePresetSchema,
  ack: ClockRuleSchema,
  answer: ClockRuleSchema,
  alsaceMoselle: z.boolean(),
  closureDays: z.array(isoDaySchema),
  dueSoonHours: z
    .number()
    .positive()
    .max(24 * 30),
});
export type DeadlinePolicy = z.infer<typeof DeadlinePolicySchema>;

const presetBase = { alsaceMoselle: false, closureDays: [], dueSoonHours: 24 };

export const POLICY_PRESETS: Readonly<Record<Exclude<DeadlinePreset, 'custom'>, DeadlinePolicy>> = {
  // Internal complaint procedure: acknowledge within 48 hours, answer within 10 calendar days.
  procedure: {
    preset: 'procedure',
    ack: { amount: 48, unit: 'heures' },
    answer: { amount: 10, unit: 'jours' },
    ...presetBase,
  },
  joursOuvres: {
    preset: 'joursOuvres',
    ack: { amount: 2, unit: 'joursOuvres' },
    answer: { amount: 10, unit: 'joursOuvres' },
    ...presetBase,
  },
  // ACPR recommendation 2022-R-01 on complaint handling: acknowledge within 10 jours ouvrables, answer within
  // 2 months. Jours ouvrables are every day but Sundays and public holidays, so the company's closure days do
  // not lengthen them; the 2 months are a maximum, not a procedural time limit, so CPC art. 642 does not roll
  // them past a weekend or a holiday.
  acpr: {
    preset: 'acpr',
    ack: { amount: 10, unit: 'joursOuvrables', companyClosures: false },
    answer: { amount: 2, unit: 'mois', rollForward: false, companyClosures: false },
    ...presetBase,
  },
  // Payment services, Code monétaire et financier art. L133-45: a final answer within 15 jours ouvrables; in
  // exceptional situations, after a holding reply giving the reasons, within 35 jours ouvrables at the latest.
  // The article sets no acknowledgement time: the procedure's 48 hours still apply, well inside ACPR's 10 days.
  servicesPaiement: {
    preset: 'servicesPaiement',
    ack: { amount: 48, unit: 'heures' },
    answer: {
      amount: 15,
      unit: 'joursOuvrables',
      companyClosures: false,
      extendedMax: { amount: 35, unit: 'joursOuvrables' },
    },
    ...presetBase,
  },
};

export const DEFAULT_POLICY: DeadlinePolicy = POLICY_PRESETS.procedure;

/** A copy sharing nothing with `rule`, so a caller may change it without touching a preset. */
function copyRule(rule: ClockRule): ClockRule {
  return rule.extendedMax ? { ...rule, extendedMax: { ...rule.extendedMax } } : { ...rule };
}

/**
 * The policy for `preset`, keeping the calendar (Alsace-Moselle, closure days) and the "due soon"
 * threshold of `base`. `custom` keeps the durations of `base` but not a preset's calendar rules: a custom
 * policy counts like the internal procedure (closure days lengthen, CPC art. 642 rolls).
 */
export function policyFromPreset(preset: DeadlinePreset, base: DeadlinePolicy = DEFAULT_POLICY): DeadlinePolicy {
  const plain = ({ amount, unit }: ClockRule): ClockRule => ({ amount, unit });
  const timing = preset === 'custom' ? { ack: plain(base.ack), answer: plain(base.answer) } : POLICY_PRESETS[preset];
  return {
    preset,
    ack: copyRule(timing.ack),
    answer: copyRule(timing.answer),
    alsaceMoselle: base.alsaceMoselle,
    closureDays: [...base.closureDays],
    dueSoonHours: base.dueSoonHours,
  };
}

/**
 * `policy` with its preset's calendar rules filled in where the policy has none: settings saved before those
 * rules existed then give new complaints the preset's current rules. Complaints already logged keep the policy
 * stored with them, so their dates never change.
 */
export function withPresetRules(policy: DeadlinePolicy): DeadlinePolicy {
  if (policy.preset === 'custom') return policy;
  const preset = POLICY_PRESETS[policy.preset];
  const rules = (rule: ClockRule) => {
    const { amount: _a, unit: _u, ...flags } = copyRule(rule);
    return flags;
  };
  return {
    ...policy,
    ack: { ...rules(preset.ack), ...policy.ack },
    answer: { ...rules(preset.answer), ...policy.answer },
  };
}

// Accents and the plural are optional: "10 jours ouvres", "1 jour", "48h".
const UNIT_WORDS: ReadonlyArray<[RegExp, DurationUnit]> = [
  [/^(?:h|heures?)$/, 'heures'],
  [/^jours?(?: calendaires?)?$/, 'jours'],
  [/^jours? ouvres?$/, 'joursOuvres'],
  [/^jours? ouvrables?$/, 'joursOuvrables'],
  [/^mois$/, 'mois'],
];

/** Reads a French duration such as "48 heures", "10 jours ouvrés" or "2 mois"; throws a UserError otherwise. */
export function parseDuration(text: string): Duration {
  const normalized = text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim()
    .replace(/\s+/g, ' ');
  const match = /^(\d+) ?(.+)$/.exec(normalized);
  const unit = match ? UNIT_WORDS.find(([pattern]) => pattern.test(match[2] ?? ''))?.[1] : undefined;
  const parsed = DurationSchema.safeParse({ amount: Number(match?.[1]), unit });
  if (!match || !parsed.success) throw new UserError('deadlines.badDuration', { text });
  return parsed.data;
}

/** "48 heures", "1 jour ouvré", "2 mois" (singular when the amount is 1). */
export function formatDuration(duration: Duration, lang?: Lang): string {
  const key: MessageKey = `deadlines.unit${duration.amount === 1 ? 'One' : ''}.${duration.unit}`;
  return `${duration.amount} ${t(key, {}, lang)}`;
}
