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

export const CalendarOptionsSchema = z.object({
  alsaceMoselle: z.boolean().default(false),
  closureDays: z.array(isoDaySchema).default([]),
});
/** Parsed options (defaults filled in). */
export type CalendarOptions = z.infer<typeof CalendarOptionsSchema>;
/** What callers may pass: both fields optional, so a whole DeadlinePolicy fits too. */
export type CalendarOptionsInput = z.input<typeof CalendarOptionsSchema>;

export const DeadlinePresetSchema = z.enum(['procedure', 'joursOuvres', 'acpr', 'custom']);
export type DeadlinePreset = z.infer<typeof DeadlinePresetSchema>;

export const DeadlinePolicySchema = z.object({
  preset: DeadlinePresetSchema,
  ack: DurationSchema,
  answer: DurationSchema,
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
  // ACPR recommendation 2022-R-01 on complaint handling: acknowledge within 10 working days, answer within 2 months.
  acpr: {
    preset: 'acpr',
    ack: { amount: 10, unit: 'joursOuvrables' },
    answer: { amount: 2, unit: 'mois' },
    ...presetBase,
  },
};

export const DEFAULT_POLICY: DeadlinePolicy = POLICY_PRESETS.procedure;

/**
 * The policy for `preset`, keeping the calendar (Alsace-Moselle, closure days) and the "due soon"
 * threshold of `base`. `custom` keeps the durations of `base` and only changes the label.
 */
export function policyFromPreset(preset: DeadlinePreset, base: DeadlinePolicy = DEFAULT_POLICY): DeadlinePolicy {
  const timing = preset === 'custom' ? base : POLICY_PRESETS[preset];
  return {
    preset,
    ack: { ...timing.ack },
    answer: { ...timing.answer },
    alsaceMoselle: base.alsaceMoselle,
    closureDays: [...base.closureDays],
    dueSoonHours: base.dueSoonHours,
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
