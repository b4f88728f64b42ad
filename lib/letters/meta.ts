// The metadata of a letter template: what it is for, which variables it needs and what the agent fills in
// at insertion. One zod schema, parsed when the catalogue loads, so a typo in a template's metadata fails fast.
import { z } from 'zod';
import { OUTCOMES, type Phase } from '../register/schema';
import { LETTER_FLAGS } from './context';
import { knownVariable } from './variables';

export const TEMPLATE_IDS = [
  'accuse-reception',
  'demande-informations',
  'prolongation-delai',
  'reponse-favorable',
  'reponse-defavorable',
  'reponse-non-conformite',
  'information-mediation',
  'cloture-suivi',
] as const;
export const TemplateIdSchema = z.enum(TEMPLATE_IDS);
export type TemplateId = z.infer<typeof TemplateIdSchema>;

export const LANGS = ['fr', 'en'] as const;
export const LangSchema = z.enum(LANGS);

/** The steps of the customer's process a letter belongs to (2 acknowledge, 4 answer, 5 follow up, 6 mediation);
 *  `extension`: telling the customer that the answer deadline was extended, while the answer is still due. */
export const LETTER_STEPS = ['acknowledgement', 'information', 'extension', 'answer', 'mediation', 'followUp'] as const;
export type LetterStep = (typeof LETTER_STEPS)[number];

/** Which letters fit a complaint in each phase of the register. */
export const STEPS_BY_PHASE: Record<Phase, readonly LetterStep[]> = {
  registered: ['acknowledgement', 'information'],
  acknowledged: ['information', 'extension'],
  investigating: ['information', 'extension', 'answer'],
  answered: ['followUp', 'mediation'],
  followingUp: ['followUp', 'mediation'],
  mediation: ['mediation'],
  closed: ['followUp', 'mediation'],
  notComplaint: [],
  unfounded: ['answer', 'mediation'],
};

const LocalisedSchema = z.object({ fr: z.string().trim().min(1), en: z.string().trim().min(1) });

export const TemplateVariableSchema = z.object({
  name: z.string().refine((n) => knownVariable(n) !== undefined, { message: 'unknown variable' }),
  required: z.boolean().default(false),
  /** Required only when this flag is true (the amount only for a financial compensation). */
  when: z.enum(LETTER_FLAGS).optional(),
});

export const INPUT_KINDS = ['text', 'textarea', 'date', 'amount'] as const;
export const TemplateInputSchema = z.object({
  id: z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/),
  label: LocalisedSchema,
  kind: z.enum(INPUT_KINDS),
  required: z.boolean().default(false),
});
export type TemplateInput = z.infer<typeof TemplateInputSchema>;

/** `always`: the mediator block is unconditional; `whenNotFavourable`: required unless the outcome is favourable. */
export const MEDIATOR_RULES = ['always', 'whenNotFavourable', 'never'] as const;
export type MediatorRule = (typeof MEDIATOR_RULES)[number];

export const TemplateMetaSchema = z
  .object({
    id: TemplateIdSchema,
    version: z.number().int().min(1),
    phase: z.enum(LETTER_STEPS),
    title: LocalisedSchema,
    /** Decisions the letter is written for; absent when it does not depend on the decision. */
    outcomes: z.array(z.enum(OUTCOMES)).min(1).optional(),
    mediator: z.enum(MEDIATOR_RULES).default('never'),
    variables: z.array(TemplateVariableSchema),
    inputs: z.array(TemplateInputSchema).default([]),
  })
  .superRefine((meta, ctx) => {
    const names = meta.variables.map((v) => v.name);
    if (new Set(names).size !== names.length) ctx.addIssue({ code: 'custom', message: 'duplicate variable' });
    const ids = meta.inputs.map((i) => i.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', message: 'duplicate input' });
  });
export type TemplateMeta = z.infer<typeof TemplateMetaSchema>;
export type TemplateMetaInput = z.input<typeof TemplateMetaSchema>;

/** An agent-edited copy of a shipped template (stored elsewhere); `lang` says which language it replaces. */
export const TemplateOverrideSchema = z.object({
  source: z.string().max(50_000),
  version: z.number().int().min(1),
  lang: LangSchema.default('fr'),
});
export type TemplateOverride = z.infer<typeof TemplateOverrideSchema>;
/** A stored copy from before copies were kept per language (one per template, with its `lang`). */
const isSingleCopy = (v: unknown): v is { lang?: string } =>
  typeof v === 'object' && v !== null && typeof (v as { source?: unknown }).source === 'string';

/** The edited copies: per template, one per language. */
export const TemplateOverridesSchema = z.partialRecord(
  TemplateIdSchema,
  z.preprocess(
    (v) => (isSingleCopy(v) ? { [v.lang ?? 'fr']: v } : v),
    z.partialRecord(LangSchema, TemplateOverrideSchema),
  ),
);
export type TemplateOverrides = z.infer<typeof TemplateOverridesSchema>;
