// The one message protocol between content scripts, extension pages and the background, as data: every
// request is a member of one zod discriminated union; the background parses it before acting, and every
// response is `{ ok: true, data }` or `{ ok: false, error }` with a message already in French, its data typed
// by ResponseMap. Pure, so a server can load it; the transport is lib/extension/ (transport.ts, protocol.ts).
import { z } from 'zod';
import { LangSchema, TemplateIdSchema, type TemplateOverride } from '../letters/meta';
import { ANONYMISATION_REASONS } from '../register/anonymize';
import { DraftSchema } from '../register/draft';
import {
  AssigneeSchema,
  type Complaint,
  ComplaintPatchSchema,
  isoInstant,
  LetterRecordSchema,
  NewComplaintSchema,
  PhaseSchema,
} from '../register/schema';
import type { RetentionReport } from '../register/store/anonymize';
import type { CheckTally } from '../register/store/restore-check';
import type { Settings } from '../settings/schema';
import { MAX_LINK_GROUP } from '../stats/recurring';
import type { SyncStatus } from '../sync/connection';
import type { TeamAgent } from '../sync/protocol';
import {
  CheckRetentionSchema,
  RestoreBatchIndexSchema,
  RestoreBatchSchema,
  RestoreIdSchema,
  RestoreMetaSchema,
} from '../transfer/backup-schema';
import type { Tally } from '../transfer/classify';
import type { FinishOutcome } from '../transfer/restore';
import { type ScanAnswer, ScannedMessageSchema } from './webmail';

const id = z.uuid();
const rev = z.number().int().min(1).optional();

export const RequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('complaint/create'), input: NewComplaintSchema }),
  z.object({ type: z.literal('complaint/update'), id, rev, patch: ComplaintPatchSchema }),
  z.object({ type: z.literal('complaint/transition'), id, rev, to: PhaseSchema, at: isoInstant.optional() }),
  z.object({
    type: z.literal('complaint/extend'),
    id,
    rev,
    clock: z.enum(['ack', 'answer']),
    newDueAt: isoInstant,
    reason: z.string().trim().min(1).max(2000),
    customerToldAt: isoInstant,
  }),
  z.object({ type: z.literal('complaint/note'), id, text: z.string().trim().min(1).max(10000) }),
  z.object({ type: z.literal('complaint/letter'), id, letter: LetterRecordSchema }),
  z.object({ type: z.literal('complaint/anonymize'), id, reason: z.enum(ANONYMISATION_REASONS) }),
  z.object({ type: z.literal('complaint/assign'), id, rev, assignee: AssigneeSchema }),
  z.object({ type: z.literal('retention/apply'), ids: z.array(id).min(1).max(10_000) }),
  z.object({ type: z.literal('complaints/link-group'), ids: z.array(id).min(2).max(MAX_LINK_GROUP) }),
  z.object({
    type: z.literal('webmail/scan'),
    messages: z.array(ScannedMessageSchema).max(500),
    threadIds: z.array(z.string().max(200)).max(500),
  }),
  z.object({
    type: z.literal('webmail/opened'),
    messages: z.array(z.object({ messageId: z.string().max(200), threadId: z.string().max(200).nullable() })).max(500),
    draft: DraftSchema.nullable(),
  }),
  z.object({ type: z.literal('settings/save'), settings: z.unknown() }),
  z.object({
    type: z.literal('templates/save'),
    id: TemplateIdSchema,
    lang: LangSchema,
    source: z.string().max(50_000),
  }),
  z.object({ type: z.literal('templates/reset'), id: TemplateIdSchema, lang: LangSchema }),
  // A restore's dry run, checked by the background batch by batch (lib/register/store/restore-check.ts).
  z.object({ type: z.literal('backup/check-begin'), retention: CheckRetentionSchema.nullable() }),
  z.object({
    type: z.literal('backup/check-batch'),
    checkId: RestoreIdSchema,
    index: RestoreBatchIndexSchema,
    entries: RestoreBatchSchema,
  }),
  // A restore: begun (an unfinished one is rolled back first), its batches and its finish carry its id; a
  // cancel rolls it back (lib/register/store/restore-journal.ts). `checkId`/`index` name the dry run's batch.
  z.object({ type: z.literal('backup/restore-begin'), checkId: RestoreIdSchema.optional() }),
  z.object({
    type: z.literal('backup/restore-batch'),
    restoreId: RestoreIdSchema,
    index: RestoreBatchIndexSchema.optional(),
    entries: RestoreBatchSchema,
  }),
  z.object({ type: z.literal('backup/restore-finish'), restoreId: RestoreIdSchema, meta: RestoreMetaSchema }),
  z.object({ type: z.literal('backup/restore-cancel'), restoreId: RestoreIdSchema }),
  z.object({ type: z.literal('badge/refresh') }),
  // The team register (issue 13): join with a server address and a token (the page has already asked the
  // browser for that origin), leave (the local copy stays), sync now, settle a conflict.
  z.object({ type: z.literal('team/connect'), server: z.string().max(2000), token: z.string().max(300) }),
  z.object({ type: z.literal('team/disconnect') }),
  z.object({ type: z.literal('team/sync') }),
  z.object({ type: z.literal('team/onboard') }),
  z.object({ type: z.literal('team/resolve'), key: z.string().max(300), keep: z.enum(['mine', 'theirs']) }),
  z.object({ type: z.literal('team/agents') }),
  z.object({ type: z.literal('register/quarantine'), ids: z.array(z.string().max(200)).min(1).max(1000) }),
  // A click in the webmail: the background opens the panel inside the click's gesture, and the view travels
  // in the tab's report that the panel follows.
  z.object({
    type: z.literal('sidepanel/open'),
    view: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('complaint'), id }),
      z.object({ kind: z.literal('new'), draft: DraftSchema }),
    ]),
  }),
]);
export type Request = z.infer<typeof RequestSchema>;
/** What a caller writes (defaults not yet applied). */
export type RequestInput = z.input<typeof RequestSchema>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/** What the background answers to each request: `send` and the background's handler map are typed by it. */
export interface ResponseMap {
  'complaint/create': Complaint;
  'complaint/update': Complaint;
  'complaint/transition': Complaint;
  'complaint/extend': Complaint;
  'complaint/note': Complaint;
  'complaint/letter': Complaint;
  'complaint/anonymize': Complaint;
  'complaint/assign': Complaint;
  'retention/apply': RetentionReport;
  'complaints/link-group': { linked: number };
  'webmail/scan': ScanAnswer;
  /** False when the report came from no tab. */
  'webmail/opened': boolean;
  'settings/save': Settings;
  'templates/save': TemplateOverride;
  /** Whether there was an edited copy to remove. */
  'templates/reset': boolean;
  'backup/check-begin': { checkId: string };
  'backup/check-batch': CheckTally;
  'backup/restore-begin': { restoreId: string };
  'backup/restore-batch': Tally;
  'backup/restore-finish': FinishOutcome;
  /** Whether there was a restore under way to roll back. */
  'backup/restore-cancel': boolean;
  'badge/refresh': { overdue: number; dueSoon: number };
  'team/connect': SyncStatus;
  'team/disconnect': SyncStatus;
  'team/sync': SyncStatus;
  /** The complaints the register held when it joined, queued for the team (the agent confirmed). */
  'team/onboard': { queued: number; kept: number };
  /** The complaint as it stands after the choice. */
  'team/resolve': Complaint | null;
  /** The team's active agents (names and roles), for the assignee picker and the dashboard's filter. */
  'team/agents': TeamAgent[];
  /** How many records were moved aside. */
  'register/quarantine': number;
  /** False when the click came from no tab. */
  'sidepanel/open': boolean;
}
/** Fails to compile when a request type has no entry in ResponseMap. */
export type ResponseOf<T extends RequestType> = ResponseMap[T];
/** A `send` typed by the request: `send({ type: 'complaint/create', … })` resolves to a Complaint. */
export type Send = <R extends RequestInput>(request: R) => Promise<ResponseOf<R['type']>>;

export const ErrorSchema = z.object({
  key: z.string(),
  message: z.string(),
  missing: z.array(z.object({ key: z.string(), message: z.string() })).optional(),
  fields: z.record(z.string(), z.string()).optional(),
});
export type ErrorPayload = z.infer<typeof ErrorSchema>;

export type Response<T> = { ok: true; data: T } | { ok: false; error: ErrorPayload };

/** A failed request surfaced to the caller with its French message and the details the form shows. */
export class RequestError extends Error {
  constructor(readonly payload: ErrorPayload) {
    super(payload.message);
    this.name = 'RequestError';
  }
}

export const ChangeSchema = z.object({ at: isoInstant, ids: z.array(z.string()), seq: z.number() });
export type RegisterChange = z.infer<typeof ChangeSchema>;
