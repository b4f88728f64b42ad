// The complaint register entry: one zod schema is the single definition of its shape; types are inferred.
// Fields stay empty until their phase: the phase guards (phases.ts) say which ones a step needs.
import { z } from 'zod';
import { DeadlinePolicySchema } from '../deadlines/policy';

export const isoInstant = z.iso.datetime({ offset: true });
export const isoDay = z.iso.date();
const text = (max: number) => z.string().trim().max(max);

export const CHANNELS = ['email', 'phone', 'letter', 'counter', 'webform', 'other'] as const;
export const ChannelSchema = z.enum(CHANNELS);

export const PHASES = [
  'registered',
  'acknowledged',
  'investigating',
  'answered',
  'followingUp',
  'mediation',
  'closed',
  'notComplaint',
  'unfounded',
] as const;
export const PhaseSchema = z.enum(PHASES);
export type Phase = z.infer<typeof PhaseSchema>;

export const JUSTIFIED = ['unknown', 'yes', 'partly', 'no'] as const;
export const SEVERITIES = [1, 2, 3, 4] as const;
export const SCOPES = ['unknown', 'isolated', 'recurring', 'systemic'] as const;
export const OUTCOMES = ['favourable', 'partial', 'unfavourable'] as const;
/**
 * none · financial (money granted: amount, method, payment date) · commercial (a "geste commercial": voucher,
 * discount, free product) · legal (a remedy the law already owes, named as such in letters: refund,
 * replacement or repair under the legal guarantee of conformity, L217-3 s., or a delivery damaged in
 * transport, the seller's risk until the customer takes possession, L216-2).
 */
export const COMPENSATION_KINDS = ['none', 'financial', 'commercial', 'legal'] as const;
/** How money reaches the customer. */
export const PAYMENT_METHODS = ['originalPayment', 'transfer', 'cheque', 'creditNote'] as const;
export const LEGAL_REMEDIES = ['refund', 'replacement', 'repair'] as const;
export const LEGAL_BASES = ['conformity', 'transport'] as const;
/** Civility used to address the customer in letters ("Madame," / "Monsieur," / "Madame, Monsieur,"). */
export const CIVILITIES = ['none', 'madame', 'monsieur'] as const;
export const MEDIATION_OUTCOMES = ['pending', 'agreement', 'customerUpheld', 'companyUpheld', 'withdrawn'] as const;

export const SourceSchema = z.object({
  /**
   * The system the complaint came from: a webmail or a helpdesk (issue 14 added zendesk and freescout). The
   * field keeps its first name so that every stored record, backup and history hash stays valid as it is.
   */
  webmail: z.enum(['gmail', 'outlook', 'zendesk', 'freescout', 'manual']),
  messageId: text(200).optional(),
  threadId: text(200).optional(),
  url: z
    .url({ protocol: /^https$/ })
    .max(2000)
    .optional(),
});

export const CustomerSchema = z.object({
  civility: z.enum(CIVILITIES).default('none'),
  name: text(200),
  /** The customer's company, when the complainant is a person inside a company ("À l'attention de"). */
  company: text(200).optional(),
  email: z.email().max(320).toLowerCase().optional().or(z.literal('')),
  phone: text(40).optional(),
  customerNumber: text(80).optional(),
  orderNumber: text(80).optional(),
});

export const InvestigationSchema = z.object({
  rootCause: text(5000).default(''),
  immediateAction: z.object({ taken: z.boolean().default(false), description: text(5000).default('') }).default({
    taken: false,
    description: '',
  }),
  scope: z.enum(SCOPES).default('unknown'),
  linkedComplaintIds: z.array(z.uuid()).max(500).default([]),
  customersAffected: z.number().int().min(0).nullable().default(null),
});

export const DecisionSchema = z.object({
  outcome: z.enum(OUTCOMES).nullable().default(null),
  reasons: text(10000).default(''),
  nonConformity: z.boolean().default(false),
  causes: text(5000).default(''),
  correctiveActions: text(5000).default(''),
});

export const CompensationSchema = z.object({
  kind: z.enum(COMPENSATION_KINDS).default('none'),
  amountEuros: z.number().min(0).max(10_000_000).nullable().default(null),
  description: text(2000).default(''),
  executedAt: isoInstant.nullable().default(null),
  /** Money (financial, or a legal refund): how it is paid and by which day. */
  method: z.enum(PAYMENT_METHODS).nullable().default(null),
  dueDay: isoDay.nullable().default(null),
  /** kind 'legal': which remedy, on which legal ground. */
  legalRemedy: z.enum(LEGAL_REMEDIES).nullable().default(null),
  legalBasis: z.enum(LEGAL_BASES).nullable().default(null),
  /** Set by anonymisation, which clears `amountEuros`: the bracket the amount fell in, in euros (max null:
   *  no upper bound). An exact amount can be matched against the accounts; a bracket cannot. */
  amountRange: z.object({ min: z.number().min(0), max: z.number().min(0).nullable() }).optional(),
});

export const FollowUpActionSchema = z.object({
  id: z.uuid(),
  description: text(2000).min(1),
  owner: text(200).default(''),
  dueDay: isoDay.nullable().default(null),
  doneAt: isoInstant.nullable().default(null),
  effectiveness: z
    .object({
      checkedAt: isoInstant.nullable().default(null),
      effective: z.boolean().nullable().default(null),
      note: text(2000).default(''),
    })
    .default({ checkedAt: null, effective: null, note: '' }),
});

export const MediationSchema = z.object({
  referredAt: isoInstant.nullable().default(null),
  caseNumber: text(100).default(''),
  outcome: z.enum(MEDIATION_OUTCOMES).default('pending'),
  notes: text(5000).default(''),
});

export const LetterRecordSchema = z.object({
  templateId: text(100).min(1),
  templateVersion: z.number().int().min(1),
  lang: z.enum(['fr', 'en']),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  at: isoInstant,
  channel: z.enum(['reply', 'clipboard', 'print']),
  /**
   * The letter exactly as it went out, and the values the agent typed in its fill-in form. Absent on records
   * written before the register kept them: such a letter is shown as "text not kept", never re-rendered.
   * Personal data: anonymisation and erasure redact them.
   */
  sent: z
    .object({
      text: z.string().max(100_000),
      html: z.string().max(300_000),
      inputs: z.record(z.string().max(100), z.string().max(20_000)),
    })
    .optional(),
  /** For a letter announcing a deadline extension: the `at` of the extension it announces. */
  extensionAt: isoInstant.optional(),
});

export const NoteSchema = z.object({ id: z.uuid(), at: isoInstant, author: text(200), text: text(10000).min(1) });

export const ExtensionSchema = z.object({
  newDueAt: isoInstant,
  reason: text(2000).min(1),
  customerToldAt: isoInstant,
  at: isoInstant,
});

export const ClockSchema = z.object({
  dueAt: isoInstant,
  dueDay: isoDay,
  metAt: isoInstant.nullable().default(null),
  extensions: z.array(ExtensionSchema).default([]),
});
export type Clock = z.infer<typeof ClockSchema>;

/** Fields an agent fills when logging a complaint; everything else comes later in the process. */
export const NewComplaintSchema = z.object({
  receivedAt: isoInstant,
  channel: ChannelSchema,
  source: SourceSchema.default({ webmail: 'manual' }),
  customer: CustomerSchema.refine((c) => c.name.length > 0 || (c.email ?? '').length > 0, {
    message: 'register.field.customerRequired',
    path: ['name'],
  }),
  subject: text(500).min(1, 'register.field.subjectRequired'),
  category: text(100).min(1, 'register.field.categoryRequired'),
  product: text(500).default(''),
  excerpt: text(20000).default(''),
  summary: text(10000).default(''),
  remedyRequested: text(5000).default(''),
  isComplaint: z.boolean().default(true),
  justified: z.enum(JUSTIFIED).default('unknown'),
  severity: z
    .union(SEVERITIES.map((s) => z.literal(s)))
    .nullable()
    .default(null),
});
export type NewComplaint = z.input<typeof NewComplaintSchema>;

/** The team agent holding a complaint (issue 13): the server's agent id and the name shown. */
export const AssigneeSchema = z.object({ id: z.uuid(), name: text(200).min(1) });
export type Assignee = z.infer<typeof AssigneeSchema>;

export const ComplaintSchema = NewComplaintSchema.safeExtend({
  id: z.uuid(),
  reference: z.string().regex(/^REC-\d{4}-\d{4,}$/),
  rev: z.number().int().min(1),
  createdAt: isoInstant,
  updatedAt: isoInstant,
  loggedAt: isoInstant,
  loggedBy: text(200),
  /** Team register only: who holds the complaint (its author when logged). Optional, so that every local
   *  record, backup and history hash stays as it was: a local register never sets it. */
  assignee: AssigneeSchema.optional(),
  phase: PhaseSchema,
  qualificationNote: text(5000).default(''),
  investigation: InvestigationSchema.default(InvestigationSchema.parse({})),
  decision: DecisionSchema.default(DecisionSchema.parse({})),
  compensation: CompensationSchema.default(CompensationSchema.parse({})),
  followUp: z.array(FollowUpActionSchema).max(200).default([]),
  mediation: MediationSchema.default(MediationSchema.parse({})),
  letters: z.array(LetterRecordSchema).max(500).default([]),
  notes: z.array(NoteSchema).max(2000).default([]),
  closure: z.object({ closedAt: isoInstant.nullable(), summary: text(5000) }).default({ closedAt: null, summary: '' }),
  policy: DeadlinePolicySchema,
  clocks: z.object({ ack: ClockSchema, answer: ClockSchema }),
  /** Earliest due-at among clocks still running; absent when none runs. Indexed: badge and urgency list. */
  nextDueAt: isoInstant.optional(),
  /** SHA-256 of the newest history event: a deleted trailing event is detectable. */
  historyHead: z.string().regex(/^[0-9a-f]{64}$/),
  anonymizedAt: isoInstant.nullable().default(null),
  /** Set by anonymisation before the dates are reduced to the month: what the statistics measure exactly
   *  (lib/stats/compute.ts). Per clock: ms from receipt to the clock's stop and whether it stopped late;
   *  null when the clock had not stopped then. */
  durations: z
    .object({
      ack: z.object({ ms: z.number(), late: z.boolean() }).nullable(),
      answer: z.object({ ms: z.number(), late: z.boolean() }).nullable(),
    })
    .optional(),
});
export type Complaint = z.infer<typeof ComplaintSchema>;

/** Fields an agent may edit directly (phase, clocks, history and identity are changed only by their own actions). */
export const ComplaintPatchSchema = z
  .object({
    receivedAt: isoInstant,
    channel: ChannelSchema,
    customer: CustomerSchema,
    subject: text(500).min(1, 'register.field.subjectRequired'),
    category: text(100).min(1, 'register.field.categoryRequired'),
    product: text(500),
    excerpt: text(20000),
    summary: text(10000),
    remedyRequested: text(5000),
    isComplaint: z.boolean(),
    justified: z.enum(JUSTIFIED),
    severity: z.union(SEVERITIES.map((s) => z.literal(s))).nullable(),
    qualificationNote: text(5000),
    investigation: InvestigationSchema,
    decision: DecisionSchema,
    compensation: CompensationSchema,
    followUp: z.array(FollowUpActionSchema).max(200),
    mediation: MediationSchema,
    closure: z.object({ closedAt: isoInstant.nullable(), summary: text(5000) }),
  })
  .partial()
  .strict();
export type ComplaintPatch = z.infer<typeof ComplaintPatchSchema>;
