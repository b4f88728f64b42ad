// The one message protocol between content scripts, extension pages and the background, as data: every
// request is a member of one zod discriminated union; the background parses it before acting, and every
// response is `{ ok: true, data }` or `{ ok: false, error }` with a message already in French. Pure, so a
// server can load it; the transport (send, listen) is lib/extension/protocol.ts.
import { z } from 'zod';
import { LangSchema, TemplateIdSchema } from '../letters/meta';
import { ANONYMISATION_REASONS } from '../register/anonymize';
import { DraftSchema } from '../register/draft';
import {
  ComplaintPatchSchema,
  isoInstant,
  LetterRecordSchema,
  NewComplaintSchema,
  PhaseSchema,
} from '../register/schema';
import { MAX_LINK_GROUP } from '../stats/recurring';
import { RestoreBatchSchema, RestoreMetaSchema } from '../transfer/backup-schema';
import { ScannedMessageSchema } from './webmail';

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
  z.object({ type: z.literal('backup/restore-batch'), entries: RestoreBatchSchema }),
  z.object({ type: z.literal('backup/restore-finish'), meta: RestoreMetaSchema }),
  z.object({ type: z.literal('badge/refresh') }),
  z.object({ type: z.literal('register/quarantine'), ids: z.array(z.string().max(200)).min(1).max(1000) }),
  z.object({
    type: z.literal('sidepanel/open'),
    view: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('complaint'), id }),
      z.object({ kind: z.literal('new'), draft: z.unknown() }),
      z.object({ kind: z.literal('register') }),
    ]),
  }),
  z.object({ type: z.literal('sidepanel/pending') }),
]);
export type Request = z.infer<typeof RequestSchema>;
/** What a caller writes (defaults not yet applied). */
export type RequestInput = z.input<typeof RequestSchema>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

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
