// Pure record operations: each takes the current complaint (and the time as a parameter) and returns the
// next version with the history event that explains it. The store only persists what these return.

import type { z } from 'zod';
import { computeDue } from '../deadlines/compute';
import { checkExtension } from '../deadlines/extension';
import { parisDay } from '../deadlines/paris-time';
import { type DeadlinePolicy, withPresetRules } from '../deadlines/policy';
import { type MessageKey, UserError } from '../i18n';
import { type Change, diff, type UnsealedEvent } from './history';
import { applyTransition, checkTransition, nextDueAt } from './phases';
import {
  type Assignee,
  AssigneeSchema,
  type Clock,
  type Complaint,
  type ComplaintPatch,
  ComplaintSchema,
  type LetterRecordSchema,
  type NewComplaint,
  NewComplaintSchema,
  type Phase,
} from './schema';

export interface Context {
  now: Date;
  actor: string;
  newId: () => string;
  /** Team register: the acting agent's id on the server. A complaint it logs is assigned to it. */
  agentId?: string;
  /**
   * The caller parsed `current` with ComplaintSchema and the step's arguments with their schemas (the team
   * server: register rows and protocol bodies), and changed neither: a step then validates only the fields
   * it changes (see `revalidate`), not the whole record again.
   */
  validated?: boolean;
}

export interface Outcome {
  complaint: Complaint;
  event: UnsealedEvent;
}

/** Instants are stored in one format (UTC, milliseconds, `Z`) so that index ranges compare them as strings. */
export const instant = (value: string | Date): string => new Date(value).toISOString();

function clocksFor(receivedAt: string, policy: DeadlinePolicy): { ack: Clock; answer: Clock } {
  const calendar = { alsaceMoselle: policy.alsaceMoselle, closureDays: policy.closureDays };
  const clock = (due: { dueAt: string; dueDay: string }): Clock => ({ ...due, metAt: null, extensions: [] });
  return {
    ack: clock(computeDue(receivedAt, policy.ack, calendar)),
    answer: clock(computeDue(receivedAt, policy.answer, calendar)),
  };
}

function event(c: Complaint, ctx: Context, type: UnsealedEvent['type'], changes: Change[]): UnsealedEvent {
  return { id: ctx.newId(), complaintId: c.id, at: instant(ctx.now), actor: ctx.actor, type, changes };
}

/** NewComplaintSchema's fields that ComplaintSchema validates with the very same schema. */
const SHARED_FIELDS: ReadonlySet<string> = new Set(
  Object.entries(NewComplaintSchema.shape)
    .filter(([key, schema]) => (ComplaintSchema.shape as Record<string, unknown>)[key] === schema)
    .map(([key]) => key),
);

/**
 * `ComplaintSchema.parse(candidate)`, field by field, knowing that `base`'s values were produced by the same
 * field schemas (only `fields` of them, when given): a field holding the very value of `base` is kept (a
 * parsed value parses to itself), the others are parsed. Any failure runs the whole parse, which throws the
 * error it always threw. The team server replays whole registers: this spares it validating every field of
 * every version again (tests/register/revalidate.test.ts holds it equal to the whole parse).
 */
function revalidate(candidate: Complaint, base: object, fields?: ReadonlySet<string>): Complaint {
  const shape = ComplaintSchema.shape as Record<string, z.ZodType>;
  const from = candidate as Record<string, unknown>;
  const kept = base as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(shape)) {
    const value = from[key];
    if (value !== undefined && value === kept[key] && (!fields || fields.has(key))) {
      out[key] = value;
      continue;
    }
    const result = (shape[key] as z.ZodType).safeParse(value);
    if (!result.success) return ComplaintSchema.parse(candidate);
    if (result.data !== undefined || key in from) out[key] = result.data;
  }
  return out as Complaint;
}

/** A new version before validation: the revision bumped, the time stamped, the urgency key re-derived. */
function stamped(next: Complaint, ctx: Context): Complaint {
  const candidate = { ...next, rev: next.rev + 1, updatedAt: instant(ctx.now), nextDueAt: nextDueAt(next) };
  if (candidate.nextDueAt === undefined) delete candidate.nextDueAt;
  return candidate;
}

/** Finalises a new version: stamped, then validated (only the fields changed since `base` when the caller
 *  vouches for `base`: Context.validated). */
function seal(next: Complaint, ctx: Context, base?: Complaint): Complaint {
  const candidate = stamped(next, ctx);
  return ctx.validated && base ? revalidate(candidate, base) : ComplaintSchema.parse(candidate);
}

const tracked = (c: Complaint) => {
  const { rev: _rev, updatedAt: _u, historyHead: _h, nextDueAt: _n, ...rest } = c;
  return rest;
};

export function createRecord(
  input: NewComplaint,
  ids: { id: string; reference: string },
  settingsPolicy: DeadlinePolicy,
  ctx: Context,
): Outcome {
  const parsed = ctx.validated ? (input as z.output<typeof NewComplaintSchema>) : NewComplaintSchema.parse(input);
  const receivedAt = instant(parsed.receivedAt);
  const now = instant(ctx.now);
  // The complaint keeps the rules in force when it was logged, including the preset's current calendar rules.
  const policy = withPresetRules(settingsPolicy);
  // Validated once, below (the whole first version, defaults included): nextDueAt reads only the phase
  // and the clocks made here, and parsing twice cost a fifth of a creation on the team server.
  const draft: Complaint = {
    ...parsed,
    receivedAt,
    ...ids,
    rev: 1,
    createdAt: now,
    updatedAt: now,
    loggedAt: now,
    loggedBy: ctx.actor,
    ...(ctx.agentId ? { assignee: { id: ctx.agentId, name: ctx.actor } } : {}),
    phase: 'registered' satisfies Phase,
    policy,
    clocks: clocksFor(receivedAt, policy),
    historyHead: '0'.repeat(64),
  } as Complaint;
  // The fields just parsed by NewComplaintSchema are not parsed again.
  const complaint = revalidate(stamped({ ...draft, rev: 0 }, ctx), parsed, SHARED_FIELDS);
  // One change holding the whole first version: one salted digest instead of one per field keeps the
  // history (and backups) small; erasure redacts this snapshot whole when it holds personal data.
  return { complaint, event: event(complaint, ctx, 'created', [{ path: '', from: null, to: tracked(complaint) }]) };
}

export function patchRecord(current: Complaint, patch: ComplaintPatch, ctx: Context): Outcome {
  let next: Complaint = { ...current, ...patch };
  if (patch.receivedAt && instant(patch.receivedAt) !== current.receivedAt) {
    // A corrected receipt date moves the clocks under the policy stored with the complaint, unless an
    // explicit extension already fixed the due date.
    next.receivedAt = instant(patch.receivedAt);
    const fresh = clocksFor(next.receivedAt, current.policy);
    const keep = (old: Clock, computed: Clock): Clock =>
      old.extensions.length ? old : { ...computed, metAt: old.metAt, extensions: [] };
    next = {
      ...next,
      clocks: { ack: keep(current.clocks.ack, fresh.ack), answer: keep(current.clocks.answer, fresh.answer) },
    };
  }
  const complaint = seal(next, ctx, current);
  const changes = diff(tracked(current), tracked(complaint));
  return { complaint, event: event(complaint, ctx, 'updated', changes) };
}

export function transitionRecord(current: Complaint, to: Phase, ctx: Context, at?: string): Outcome {
  const check = checkTransition(current, to);
  if (!check.ok) {
    if (check.reason === 'notAllowed')
      throw new UserError('register.transition.notAllowed', { from: current.phase, to });
    throw new TransitionRefused(check.missing);
  }
  const when = instant(at ?? ctx.now);
  const complaint = seal(applyTransition(current, to, when), ctx, current);
  return { complaint, event: event(complaint, ctx, 'transition', diff(tracked(current), tracked(complaint))) };
}

/** Raised when a step's required fields are missing; `missing` names each one (translated by the caller). */
export class TransitionRefused extends UserError {
  constructor(readonly missing: MessageKey[]) {
    super('register.transition.missing', { count: missing.length });
  }
}

export function extendRecord(
  current: Complaint,
  clock: 'ack' | 'answer',
  ext: { newDueAt: string; reason: string; customerToldAt: string },
  ctx: Context,
): Outcome {
  const old = current.clocks[clock];
  if (old.metAt) throw new UserError('register.extension.clockMet');
  const newDueAt = instant(ext.newDueAt);
  if (newDueAt <= old.dueAt) throw new UserError('register.extension.mustBeLater');
  const { policy } = current;
  checkExtension(current.receivedAt, policy[clock], policy, { newDueAt, customerToldAt: ext.customerToldAt });
  const extension = { newDueAt, reason: ext.reason, customerToldAt: instant(ext.customerToldAt), at: instant(ctx.now) };
  const updated: Clock = {
    ...old,
    dueAt: newDueAt,
    dueDay: parisDay(newDueAt),
    extensions: [...old.extensions, extension],
  };
  const complaint = seal({ ...current, clocks: { ...current.clocks, [clock]: updated } }, ctx, current);
  return { complaint, event: event(complaint, ctx, 'deadlineExtended', diff(tracked(current), tracked(complaint))) };
}

export function noteRecord(current: Complaint, noteText: string, ctx: Context): Outcome {
  const note = { id: ctx.newId(), at: instant(ctx.now), author: ctx.actor, text: noteText };
  const complaint = seal({ ...current, notes: [...current.notes, note] }, ctx, current);
  return { complaint, event: event(complaint, ctx, 'noteAdded', [{ path: 'notes', from: null, to: note }]) };
}

/**
 * Records a letter sent. The text as sent goes into the history as its own change (`letters.sent`), apart
 * from the letter's identity (template, version, SHA-256, date, announced extension): erasure redacts the
 * text, a personal datum, while the history still says which letter went out and when.
 */
export function letterRecord(current: Complaint, letter: z.input<typeof LetterRecordSchema>, ctx: Context): Outcome {
  const complaint = seal(
    { ...current, letters: [...current.letters, { ...letter, at: instant(letter.at) }] },
    ctx,
    current,
  );
  const { sent, ...identity } = letter;
  const changes: Change[] = [{ path: 'letters', from: null, to: identity }];
  if (sent) changes.push({ path: 'letters.sent', from: null, to: sent });
  return { complaint, event: event(complaint, ctx, 'letterRecorded', changes) };
}

/** Hands a team complaint to `assignee` ("Attribuée à …"); who may do it is assignment.ts `canAssign`. */
export function assignRecord(current: Complaint, assignee: Assignee, ctx: Context): Outcome {
  const next = AssigneeSchema.parse(assignee);
  if (current.assignee?.id === next.id && current.assignee.name === next.name) {
    throw new UserError('register.assign.unchanged', { name: next.name });
  }
  const complaint = seal({ ...current, assignee: next }, ctx);
  const changes: Change[] = [{ path: 'assignee', from: current.assignee ?? null, to: next }];
  return { complaint, event: event(complaint, ctx, 'assigned', changes) };
}
