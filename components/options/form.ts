// The settings form's state and its translation to and from SettingsSchema. Numbers are kept as the text the
// agent typed (nothing typed is lost on a failed save); the schema is the only judge of what may be saved.
import type { z } from 'zod';
import { type DeadlinePreset, type DurationUnit, POLICY_PRESETS, withPresetRules } from '@/lib/deadlines/policy';
import { type MessageKey, t } from '@/lib/i18n';
import { parseAmount } from '@/lib/i18n/money';
import { issueMessage, issuesByField } from '@/lib/i18n/zod-issues';
import { type Category, type Settings, SettingsSchema } from '@/lib/settings/schema';

export type FieldErrors = Record<string, string>;

export interface DurationForm {
  amount: string;
  unit: DurationUnit;
}

export interface SettingsForm {
  lang: Settings['lang'];
  agentName: string;
  company: Settings['company'];
  signature: Settings['signature'];
  mediator: Settings['mediator'];
  policy: {
    preset: DeadlinePreset;
    ack: DurationForm;
    answer: DurationForm;
    alsaceMoselle: boolean;
    closureDays: string[];
    dueSoonHours: string;
  };
  /** `isNew`: added since the last save, so in use nowhere and still removable. */
  categories: (Category & { isNew?: boolean })[];
  retentionYears: string;
  retentionNotComplaintYears: string;
  retentionReason: string;
  /** One domain per line. */
  ownDomains: string;
  /** The spotter's threshold as typed; empty keeps the trained default. */
  spotThreshold: string;
  /** The spotter's threshold for French and for English messages as typed; empty: the one above. */
  spotThresholdFr: string;
  spotThresholdEn: string;
}

export function toForm(s: Settings): SettingsForm {
  const duration = (d: { amount: number; unit: DurationUnit }) => ({ amount: String(d.amount), unit: d.unit });
  return {
    lang: s.lang,
    agentName: s.agentName,
    company: { ...s.company },
    signature: { ...s.signature },
    mediator: { ...s.mediator },
    policy: {
      preset: s.policy.preset,
      ack: duration(s.policy.ack),
      answer: duration(s.policy.answer),
      alsaceMoselle: s.policy.alsaceMoselle,
      closureDays: [...s.policy.closureDays],
      dueSoonHours: String(s.policy.dueSoonHours),
    },
    categories: s.categories.map((c) => ({ ...c })),
    retentionYears: String(s.retentionYears),
    retentionNotComplaintYears: String(s.retentionNotComplaintYears),
    retentionReason: s.retentionReason,
    ownDomains: s.ownDomains.join('\n'),
    spotThreshold: s.spotThreshold == null ? '' : String(s.spotThreshold),
    spotThresholdFr: s.spotThresholds?.fr == null ? '' : String(s.spotThresholds.fr),
    spotThresholdEn: s.spotThresholds?.en == null ? '' : String(s.spotThresholds.en),
  };
}

/** Read like an amount ("12,5", "1 000"); "" or not a number stays NaN (the schema refuses it) rather than 0. */
export const typedNumber = (text: string): number => parseAmount(text) ?? Number.NaN;

/** "@Maison-Dupont.fr " → "maison-dupont.fr"; blank lines dropped. */
export function parseDomains(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((d) => d.trim().replace(/^@/, '').toLowerCase())
    .filter((d) => d.length > 0);
}

export function fromForm(f: SettingsForm): unknown {
  return {
    version: 1,
    lang: f.lang,
    agentName: f.agentName,
    company: f.company,
    signature: f.signature,
    mediator: f.mediator,
    policy: {
      preset: f.policy.preset,
      ack: { amount: typedNumber(f.policy.ack.amount), unit: f.policy.ack.unit },
      answer: { amount: typedNumber(f.policy.answer.amount), unit: f.policy.answer.unit },
      alsaceMoselle: f.policy.alsaceMoselle,
      closureDays: f.policy.closureDays,
      dueSoonHours: typedNumber(f.policy.dueSoonHours),
    },
    categories: f.categories.map(({ isNew: _new, ...c }) => c),
    retentionYears: typedNumber(f.retentionYears),
    retentionNotComplaintYears: typedNumber(f.retentionNotComplaintYears),
    retentionReason: f.retentionReason,
    ownDomains: parseDomains(f.ownDomains),
    spotThreshold: typedThreshold(f.spotThreshold),
    // Left out while both are empty, so that settings without them keep their shape.
    ...(f.spotThresholdFr.trim() === '' && f.spotThresholdEn.trim() === ''
      ? {}
      : { spotThresholds: { fr: typedThreshold(f.spotThresholdFr), en: typedThreshold(f.spotThresholdEn) } }),
  };
}

const typedThreshold = (text: string): number | null => (text.trim() === '' ? null : typedNumber(text));

/** A list's items share one error next to the list: `ownDomains.3` → `ownDomains`. */
export function fieldKey(path: readonly PropertyKey[]): string {
  const key = path.map(String).join('.');
  return key.replace(/^(ownDomains|policy\.closureDays)\.\d+$/, '$1');
}

/** Plainer French than zod's generic messages for the fields agents get wrong. */
const FRIENDLY: [RegExp, MessageKey][] = [
  [/^policy\.(ack|answer)\.amount$/, 'options.error.amount'],
  [/^policy\.dueSoonHours$/, 'options.error.dueSoonHours'],
  [/^retention(NotComplaint)?Years$/, 'options.error.retentionYears'],
  [/^categories\.\d+\.label$/, 'options.error.categoryLabel'],
  [/^spotThresholds?(\.(fr|en))?$/, 'options.error.spotThreshold'],
];

function message(issue: z.core.$ZodIssue, key: string): string {
  const friendly = FRIENDLY.find(([pattern]) => pattern.test(key))?.[1];
  if (friendly) return t(friendly);
  if (issue.code === 'too_small' && issue.origin === 'string') return t('options.error.required');
  return issueMessage(issue);
}

export function validateSettings(f: SettingsForm): { settings?: Settings; errors: FieldErrors } {
  const result = SettingsSchema.safeParse(fromForm(f));
  // The form edits durations only; a preset's calendar rules (ACPR, payment services) come with the preset.
  if (result.success) return { settings: { ...result.data, policy: withPresetRules(result.data.policy) }, errors: {} };
  return { errors: issuesByField(result.error, fieldKey, message) };
}

/** A category id from its label: "Livraison (retard)" → "livraison-retard"; "-2", "-3"… when taken. */
export function categoryId(label: string, taken: readonly string[]): string {
  const base =
    label
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 34)
      .replace(/-+$/, '') || 'motif';
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}

/** A preset brings its durations; "custom" keeps the current ones so the agent can adjust them. */
export function withPreset(policy: SettingsForm['policy'], preset: DeadlinePreset): SettingsForm['policy'] {
  if (preset === 'custom') return { ...policy, preset };
  const timing = POLICY_PRESETS[preset];
  return {
    ...policy,
    preset,
    ack: { amount: String(timing.ack.amount), unit: timing.ack.unit },
    answer: { amount: String(timing.answer.amount), unit: timing.answer.unit },
  };
}

/** The form's sections by the fields each holds: what may change under an open form (issue 13). */
export const FORM_SECTIONS = {
  identity: ['company', 'signature', 'agentName'],
  mediator: ['mediator'],
  policy: ['policy'],
  categories: ['categories'],
  general: ['lang', 'ownDomains', 'spotThreshold', 'spotThresholdFr', 'spotThresholdEn'],
  retention: ['retentionYears', 'retentionNotComplaintYears', 'retentionReason'],
} as const satisfies Record<string, readonly (keyof SettingsForm)[]>;
export type FormSection = keyof typeof FORM_SECTIONS;
export const SECTION_IDS = Object.keys(FORM_SECTIONS) as FormSection[];

const sectionOf = (f: SettingsForm, s: FormSection) =>
  JSON.stringify(FORM_SECTIONS[s].map((k: keyof SettingsForm) => f[k]));
/** Whether two forms differ in section `s`. */
export const sectionDiffers = (a: SettingsForm, b: SettingsForm, s: FormSection): boolean =>
  sectionOf(a, s) !== sectionOf(b, s);

/** Section `s` of `from` put into `into`. */
export function withSection(into: SettingsForm, from: SettingsForm, s: FormSection): SettingsForm {
  return { ...into, ...Object.fromEntries(FORM_SECTIONS[s].map((k: keyof SettingsForm) => [k, from[k]])) };
}

/**
 * The saved settings changed under an open form (`base`: the form as they were loaded, `next`: as they are
 * now). A section the user left alone takes the new values; one they edited keeps their edits, and is named
 * in `stale` when the new values differ there too: nothing typed is lost without the user's say.
 */
export function followSaved(
  form: SettingsForm,
  base: SettingsForm,
  next: SettingsForm,
): { form: SettingsForm; stale: FormSection[] } {
  let followed = form;
  const stale: FormSection[] = [];
  for (const s of SECTION_IDS) {
    if (!sectionDiffers(form, base, s)) followed = withSection(followed, next, s);
    else if (sectionDiffers(next, base, s) && sectionDiffers(form, next, s)) stale.push(s);
  }
  return { form: followed, stale };
}
