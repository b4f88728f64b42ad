// The register's settings, validated like every record; the defaults follow the customer's process.
import { z } from 'zod';
import { DEFAULT_POLICY, DeadlinePolicySchema } from '../deadlines/policy';
import { t } from '../i18n';
import { MAX_SPOT_THRESHOLD, MIN_SPOT_THRESHOLD } from '../spotting/threshold';

const text = (max: number) => z.string().trim().max(max);

/** The consumer mediator named by the process (Code de la consommation L612-1, L616-1). */
export const DEFAULT_MEDIATOR = {
  name: 'M. Kamel Boubendir',
  organisation: 'AME CONSO',
  website: 'www.mediationconso-ame.com',
  address: '197 Boulevard Saint-Germain, 75007 Paris',
  phone: '06 15 68 40 48',
};

export const MediatorSchema = z.object({
  name: text(200).min(1),
  organisation: text(200).min(1),
  website: text(300).min(1),
  address: text(500).min(1),
  phone: text(40).default(''),
});

export const CategorySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  label: text(100).min(1),
  archived: z.boolean().default(false),
});
export type Category = z.infer<typeof CategorySchema>;

/** Reason categories a French retailer or service company starts with; editable in the options. */
export const DEFAULT_CATEGORIES: Category[] = [
  { id: 'livraison', label: 'Livraison (retard, perte, colis endommagé)', archived: false },
  { id: 'produit', label: 'Produit défectueux ou non conforme', archived: false },
  { id: 'facturation', label: 'Facturation, paiement, remboursement', archived: false },
  { id: 'service', label: 'Qualité de service, accueil', archived: false },
  { id: 'contrat', label: 'Contrat, résiliation, conditions', archived: false },
  { id: 'sav', label: 'Service après-vente, garantie', archived: false },
  { id: 'donnees', label: 'Données personnelles', archived: false },
  { id: 'autre', label: 'Autre', archived: false },
];

/** Above this many years, a retention period needs a written reason (CNIL: the period must be justified
 *  by a purpose; 5 years covers the civil limitation period, art. 2224 C. civ.). */
export const RETENTION_WITHOUT_REASON = 10;

const SettingsShape = z.object({
  version: z.literal(1).default(1),
  lang: z.enum(['fr', 'en']).default('fr'),
  agentName: text(200).default(''),
  company: z
    .object({
      name: text(200).default(''),
      address: text(500).default(''),
      email: text(320).default(''),
      phone: text(40).default(''),
      website: text(300).default(''),
    })
    .default({ name: '', address: '', email: '', phone: '', website: '' }),
  signature: z.object({ name: text(200).default(''), title: text(200).default('') }).default({ name: '', title: '' }),
  mediator: MediatorSchema.default(DEFAULT_MEDIATOR),
  policy: DeadlinePolicySchema.default(DEFAULT_POLICY),
  categories: z.array(CategorySchema).min(1).max(100).default(DEFAULT_CATEGORIES),
  /** Years a complaint's personal data is kept after its closure, or after its last event when it never
   *  reaches "closed" (GDPR art. 5-1-e storage limitation). */
  retentionYears: z.number().int().min(1).max(30).default(5),
  /** The same for a message filed as "not a complaint": nothing to prove later, so a shorter default. */
  retentionNotComplaintYears: z.number().int().min(1).max(30).default(1),
  /** Why a period above RETENTION_WITHOUT_REASON years is needed (a storage period must be justified). */
  retentionReason: text(2000).default(''),
  ownDomains: z.array(text(253)).max(50).default([]),
  /**
   * The spotter's threshold on its combined probability; null or absent keeps the trained default (issue 15).
   * Absent rather than defaulted, so that settings saved before it existed come back byte for byte.
   */
  spotThreshold: z.number().min(MIN_SPOT_THRESHOLD).max(MAX_SPOT_THRESHOLD).nullable().optional(),
  /** A threshold per language, each winning over spotThreshold for its messages; absent for the same reason. */
  spotThresholds: z
    .object({
      fr: z.number().min(MIN_SPOT_THRESHOLD).max(MAX_SPOT_THRESHOLD).nullable().optional(),
      en: z.number().min(MIN_SPOT_THRESHOLD).max(MAX_SPOT_THRESHOLD).nullable().optional(),
    })
    .optional(),
});

export const SettingsSchema = SettingsShape.superRefine((s, ctx) => {
  const longest = Math.max(s.retentionYears, s.retentionNotComplaintYears);
  if (longest > RETENTION_WITHOUT_REASON && s.retentionReason === '') {
    ctx.addIssue({
      code: 'custom',
      path: ['retentionReason'],
      message: t('options.error.retentionReason', { years: RETENTION_WITHOUT_REASON }),
    });
  }
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});
