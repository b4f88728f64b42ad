// The register's read model for bulk reads: one small, flat row per complaint holding what the CSV export
// shows, written in the same transaction as the complaint itself (see `putComplaint` in db.ts), never on its
// own. Reading 100,000 complaints whole costs seconds in structured-clone decoding and validation alone;
// their rows are a third of the size and flat, so the export reads and checks them several times faster.
// Derived data only: `rowOf` is the single way to make one, and the rows can be rebuilt from the complaints
// at any time (the v3 migration does exactly that).
import { z } from 'zod';
import {
  ChannelSchema,
  COMPENSATION_KINDS,
  type Complaint,
  ComplaintSchema,
  JUSTIFIED,
  LEGAL_BASES,
  LEGAL_REMEDIES,
  MEDIATION_OUTCOMES,
  OUTCOMES,
  PAYMENT_METHODS,
  PhaseSchema,
} from './schema';

// Leaf checks are lighter than the complaint's (no e-mail or date grammar): a row is only ever made by
// `rowOf` from a complaint that passed ComplaintSchema, and every cell is shown as text. What the row
// schema guards against is a record of another shape (an older layout, a bug), and that it still catches.
const instant = z.string().max(40);
const maybeInstant = instant.nullable();
const text = (max: number) => z.string().max(max);

export const RegisterRowSchema = z.object({
  id: z.string().max(40),
  rev: ComplaintSchema.shape.rev,
  reference: ComplaintSchema.shape.reference,
  receivedAt: instant,
  channel: ChannelSchema,
  customerName: text(200),
  // Fields added after the read model was first built default to empty, so a row written before them
  // still parses (it cannot hold them: the complaint had none) instead of being made again on every read.
  customerCompany: text(200).default(''),
  customerEmail: text(320),
  customerPhone: text(40),
  customerNumber: text(80),
  orderNumber: text(80),
  subject: text(500),
  category: text(100),
  product: text(500),
  phase: PhaseSchema,
  severity: z.number().int().min(1).max(4).nullable(),
  justified: z.enum(JUSTIFIED),
  ackDueAt: instant,
  ackMetAt: maybeInstant,
  answerDueAt: instant,
  answerMetAt: maybeInstant,
  outcome: z.enum(OUTCOMES).nullable(),
  reasons: text(10_000),
  nonConformity: z.boolean(),
  compensationKind: z.enum(COMPENSATION_KINDS),
  compensationAmount: z.number().nullable(),
  compensationDescription: text(2000),
  compensationMethod: z.enum(PAYMENT_METHODS).nullable().default(null),
  compensationDueDay: z.string().max(10).nullable().default(null),
  legalRemedy: z.enum(LEGAL_REMEDIES).nullable().default(null),
  legalBasis: z.enum(LEGAL_BASES).nullable().default(null),
  actions: z.number().int().min(0),
  actionsOpen: z.number().int().min(0),
  mediationReferredAt: maybeInstant,
  mediationOutcome: z.enum(MEDIATION_OUTCOMES),
  closedAt: maybeInstant,
});
export type RegisterRow = z.infer<typeof RegisterRowSchema>;

/** The row of a complaint: the one place that says what the read model holds. */
export function rowOf(c: Complaint): RegisterRow {
  return {
    id: c.id,
    rev: c.rev,
    reference: c.reference,
    receivedAt: c.receivedAt,
    channel: c.channel,
    customerName: c.customer.name,
    customerCompany: c.customer.company ?? '',
    customerEmail: c.customer.email ?? '',
    customerPhone: c.customer.phone ?? '',
    customerNumber: c.customer.customerNumber ?? '',
    orderNumber: c.customer.orderNumber ?? '',
    subject: c.subject,
    category: c.category,
    product: c.product,
    phase: c.phase,
    severity: c.severity,
    justified: c.justified,
    ackDueAt: c.clocks.ack.dueAt,
    ackMetAt: c.clocks.ack.metAt,
    answerDueAt: c.clocks.answer.dueAt,
    answerMetAt: c.clocks.answer.metAt,
    outcome: c.decision.outcome,
    reasons: c.decision.reasons,
    nonConformity: c.decision.nonConformity,
    compensationKind: c.compensation.kind,
    compensationAmount: c.compensation.amountEuros,
    compensationDescription: c.compensation.description,
    compensationMethod: c.compensation.method,
    compensationDueDay: c.compensation.dueDay,
    legalRemedy: c.compensation.legalRemedy,
    legalBasis: c.compensation.legalBasis,
    actions: c.followUp.length,
    actionsOpen: c.followUp.filter((a) => a.doneAt === null).length,
    mediationReferredAt: c.mediation.referredAt,
    mediationOutcome: c.mediation.outcome,
    closedAt: c.closure.closedAt,
  };
}
