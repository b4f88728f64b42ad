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

/** Finalises a new version: bumps the revision, stamps the time, re-derives the urgency key, validates. */
function seal(next: Complaint, ctx: Context): Complaint {
  const candidate = { ...next, rev: next.rev + 1, updatedAt: instant(ctx.now), nextDueAt: nextDueAt(next) };
  if (candidate.nextDueAt === undefined) delete candidate.nextDueAt;
  return ComplaintSchema.parse(candidate);
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
  const parsed = NewComplaintSchema.parse(input);
  const receivedAt = instant(parsed.receivedAt);
  const now = instant(ctx.now);
  // The complaint keeps the rules in force when it was logged, including the preset's current calendar rules.
  const policy = withPresetRules(settingsPolicy);
  // Validated once, by `seal` (the whole first version, defaults included): nextDueAt reads only the phase
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
    phase: 'registered' satisfies Phase,
    policy,
    clocks: clocksFor(receivedAt, policy),
    historyHead: '0'.repeat(64),
  } as Complaint;
  const complaint = seal({ ...draft, rev: 0 }, ctx);
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
  const complaint = seal(next, ctx);
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
  const complaint = seal(applyTransition(current, to, when), ctx);
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
  const complaint = seal({ ...current, clocks: { ...current.clocks, [clock]: updated } }, ctx);
  return { complaint, event: event(complaint, ctx, 'deadlineExtended', diff(tracked(current), tracked(complaint))) };
}

export function noteRecord(current: Complaint, noteText: string, ctx: Context): Outcome {
  const note = { id: ctx.newId(), at: instant(ctx.now), author: ctx.actor, text: noteText };
  const complaint = seal({ ...current, notes: [...current.notes, note] }, ctx);
  return { complaint, event: event(complaint, ctx, 'noteAdded', [{ path: 'notes', from: null, to: note }]) };
}

/**
 * Records a letter sent. The text as sent goes into the history as its own change (`letters.sent`), apart
 * from the letter's identity (template, version, SHA-256, date, announced extension): erasure redacts the
 * text, a personal datum, while the history still says which letter went out and when.
 */
export function letterRecord(current: Complaint, letter: z.input<typeof LetterRecordSchema>, ctx: Context): Outcome {
  const complaint = seal({ ...current, letters: [...current.letters, { ...letter, at: instant(letter.at) }] }, ctx);
  const { sent, ...identity } = letter;
  const changes: Change[] = [{ path: 'letters', from: null, to: identity }];
  if (sent) changes.push({ path: 'letters.sent', from: null, to: sent });
  return { complaint, event: event(complaint, ctx, 'letterRecorded', changes) };
}
