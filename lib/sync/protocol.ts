// The team register's protocol (issue 12): every body the server accepts or returns, as zod schemas shared
// by the server and, later, the extension. Pure: no browser, no database. The OpenAPI document is
// generated from these (server/openapi.ts), so this file is the one definition of the wire format.
import { z } from 'zod';
import { DeadlinePolicySchema } from '../deadlines/policy';
import { LangSchema, TemplateIdSchema, TemplateOverrideSchema } from '../letters/meta';
import { ANONYMISATION_REASONS } from '../register/anonymize';
import { EVENT_TYPES, GENESIS_HASH, HistoryEventSchema } from '../register/history';
import {
  AssigneeSchema,
  ComplaintPatchSchema,
  ComplaintSchema,
  isoInstant,
  LetterRecordSchema,
  NewComplaintSchema,
  PhaseSchema,
} from '../register/schema';
import { SettingsSchema } from '../settings/schema';

export const MAX_PUSH_OPS = 200;
/** The protocol's version: an extension stops syncing, with a French message, when the server's is newer. */
export const PROTOCOL_VERSION = 1;
export const MAX_PULL_WAIT_S = 25;
export const ROLES = ['agent', 'manager', 'auditor'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

const hex = (n: number) => z.string().regex(new RegExp(`^[0-9a-f]{${n}}$`));

/** A history event as the server stores and sends it: the register's own, `referenceAssigned` included
 *  (the server's official reference replacing a provisional one). */
export const SYNC_EVENT_TYPES = EVENT_TYPES;
export const SyncEventSchema = HistoryEventSchema.extend({ type: z.enum(SYNC_EVENT_TYPES) });
export type SyncEvent = z.infer<typeof SyncEventSchema>;

/** What every operation carries: the event it made, the version it was made on, and what it drew at random. */
const OpBase = z.object({
  eventId: z.uuid(),
  complaintId: z.uuid(),
  /** The revision and chain head the agent's copy had; 0 and the genesis hash for a creation. */
  base: z.object({ rev: z.number().int().min(0), head: hex(64) }),
  /** When the agent did it (the event's `at`). */
  at: isoInstant,
  /** Every id the record function drew (ctx.newId), in order; the event id among them. */
  ids: z.array(z.uuid()).min(1).max(10),
  /** One salt per change of the event, in order: the server then seals the very same event. */
  salts: z.array(hex(32)).max(2000),
  /** The hash the agent's chain holds for this event, to say whether the server's is the same. */
  hash: hex(64).optional(),
});

export const OperationSchema = z.discriminatedUnion('kind', [
  OpBase.extend({
    kind: z.literal('create'),
    input: NewComplaintSchema,
    reference: z.string().regex(/^REC-\d{4}-\d{4,}$/),
    policy: DeadlinePolicySchema,
    /** A complaint logged before its agent joined the team (lib/sync/onboarding.ts): its reference is kept
     *  when the team never handed that number out, else the server gives it an official one. */
    onboarding: z.literal(true).optional(),
  }),
  OpBase.extend({ kind: z.literal('update'), patch: ComplaintPatchSchema }),
  OpBase.extend({ kind: z.literal('transition'), to: PhaseSchema, stepAt: isoInstant.optional() }),
  OpBase.extend({
    kind: z.literal('extend'),
    clock: z.enum(['ack', 'answer']),
    extension: z.object({
      newDueAt: isoInstant,
      reason: z.string().trim().min(1).max(2000),
      customerToldAt: isoInstant,
    }),
  }),
  OpBase.extend({ kind: z.literal('note'), text: z.string().trim().min(1).max(10000) }),
  OpBase.extend({ kind: z.literal('letter'), letter: LetterRecordSchema }),
  OpBase.extend({ kind: z.literal('anonymize'), reason: z.enum(ANONYMISATION_REASONS) }),
  /** Hands the complaint to another agent of the team: a manager or the agent holding it (assignment.ts). */
  OpBase.extend({ kind: z.literal('assign'), assignee: AssigneeSchema }),
]);
export type Operation = z.infer<typeof OperationSchema>;

export const PushRequestSchema = z.object({ ops: z.array(OperationSchema).min(1).max(MAX_PUSH_OPS) }).strict();
export type PushRequest = z.infer<typeof PushRequestSchema>;

/**
 * What became of one operation:
 * - applied: sealed as the agent sealed it when `sameHash`, else with the server's hash (agent name from the
 *   token) and then sent back;
 * - merged: the base was stale, the operation was re-applied on the newest version (new seq and hash);
 * - conflict: a field it changes was changed meanwhile: the newest snapshot and the paths in conflict;
 * - refused: the register's rules refuse it now (French reason).
 * `extra`: events the server added after it (referenceAssigned).
 */
export const OutcomeSchema = z.discriminatedUnion('status', [
  z.object({
    eventId: z.uuid(),
    status: z.literal('applied'),
    seq: z.number().int().min(1),
    hash: hex(64),
    sameHash: z.boolean(),
    /** Only when the hash differs (the agent's copy must take this one): otherwise the agent has it already. */
    event: SyncEventSchema.optional(),
    extra: z.array(SyncEventSchema).default([]),
    reference: z.string().optional(),
  }),
  z.object({
    eventId: z.uuid(),
    status: z.literal('merged'),
    event: SyncEventSchema,
    extra: z.array(SyncEventSchema).default([]),
    complaint: ComplaintSchema,
  }),
  z.object({
    eventId: z.uuid(),
    status: z.literal('conflict'),
    paths: z.array(z.string()),
    complaint: ComplaintSchema,
  }),
  z.object({ eventId: z.uuid(), status: z.literal('refused'), reason: z.string(), key: z.string().optional() }),
]);
export type Outcome = z.infer<typeof OutcomeSchema>;
export const PushResponseSchema = z.object({ outcomes: z.array(OutcomeSchema), cursor: z.string() });

export const PullQuerySchema = z.object({
  /** Opaque cursor from the previous pull; "0" from scratch. */
  cursor: z
    .string()
    .regex(/^\d{1,18}$/)
    .default('0'),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
  /** Seconds to wait when nothing is new (long-poll). */
  wait: z.coerce.number().int().min(0).max(MAX_PULL_WAIT_S).default(0),
});
export const PullResponseSchema = z.object({
  events: z.array(SyncEventSchema),
  complaints: z.array(ComplaintSchema),
  cursor: z.string(),
  more: z.boolean(),
});

export const ReferenceBlockRequestSchema = z.object({
  size: z.number().int().min(1).max(500).default(50),
  /** The Paris year the block is for (the current one by default). */
  year: z.number().int().min(2000).max(2999).optional(),
});
export const ReferenceBlockSchema = z.object({
  year: z.number().int(),
  first: z.number().int(),
  last: z.number().int(),
});

export const SettingsBodySchema = SettingsSchema;
export const TemplateBodySchema = TemplateOverrideSchema.extend({ templateId: TemplateIdSchema, lang: LangSchema });
/** `DELETE /templates/:templateId/:lang` (managers): the organisation's copy goes, the shipped letter is back. */
export const TemplateKeySchema = TemplateBodySchema.pick({ templateId: true, lang: true });
export const TemplateDeletedSchema = z.object({ deleted: z.boolean() });

export const AgentSchema = z.object({ id: z.uuid(), name: z.string(), role: RoleSchema, org: z.string() });
/** `GET /me`: who the token is, and the protocol version the server speaks. */
export const MeSchema = z.object({ agent: AgentSchema, protocol: z.number().int().min(1) });
/** `POST /agents` (managers): an agent added through the running server, whose embedded folder is locked
 *  while it runs (the command line cannot open it). The token comes back once. */
export const NewAgentRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    email: z.union([z.email().max(320), z.literal('')]).default(''),
    role: RoleSchema.default('agent'),
  })
  .strict();
export const AgentEntrySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: RoleSchema,
  revokedAt: z.string().nullable(),
});
export const NewAgentResponseSchema = z.object({ agent: AgentEntrySchema, token: z.string() });
export const AgentListSchema = z.object({ agents: z.array(AgentEntrySchema) });
/** `GET /team` (every role): the team's active agents, names only, for the assignee picker. */
export const TeamAgentSchema = z.object({ id: z.uuid(), name: z.string(), role: RoleSchema });
export type TeamAgent = z.infer<typeof TeamAgentSchema>;
export const TeamListSchema = z.object({ agents: z.array(TeamAgentSchema) });
export const ErrorSchema = z.object({ error: z.string(), issues: z.array(z.string()).optional() });
export const HealthSchema = z.object({ ok: z.boolean(), engine: z.enum(['pg', 'embedded']), version: z.number() });

export { GENESIS_HASH };
