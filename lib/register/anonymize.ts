// Anonymisation of a complaint (GDPR art. 5-1-e storage limitation, art. 17 right to erasure). Pure: the
// record's personal fields are replaced, and the history changes that hold them are chosen for redaction
// (history.ts `redactEvent`: values and salt go, the digest stays, so the chain still verifies).
//
// What is personal, and why (the paths are PERSONAL_FIELDS below):
// - the customer's identity, contact details, customer and order numbers: they identify the customer
//   directly, or through the company's own files;
// - the webmail message's ids and url: they point back to the customer's e-mail;
// - the subject, the product and every free text: the customer's own words or the agent's account of them
//   may name or describe the customer ("Mme Martin, rappelée le…", an order number in a subject), and a free
//   text cannot be checked field by field, so all of them go;
// - the mediator's case number: it identifies the customer's case at the mediator;
// - the compensation amount: an exact amount can be found in the accounts; it becomes a bracket;
// - every date (coarsen.ts): reduced to its Paris month, in the record and in the history (event times and
//   changes that carry a date), after the exact durations the dashboard measures are kept as numbers.
//
// What is kept, for the register's statistics and the proof that the procedure was followed: reference,
// the month of every date, the clocks' met/late status and durations, channel, category, phase,
// isComplaint, justified, severity, scope and counts, decision outcome and the non-conformity flag,
// compensation kind and amount bracket, mediation outcome, follow-up effectiveness, letters sent (template,
// version, SHA-256 of the text; the text as sent is erased), the anonymisation's own date, and the agents'
// names (loggedBy, note authors, follow-up owners: employees acting for the company, not the customer).
import { t, UserError } from '../i18n';
import { amountRangeOf, coarsenDates, durationsOf, holdsDate } from './coarsen';
import {
  type Change,
  coarsenEventTime,
  coarsenLegacyEvent,
  type HistoryEvent,
  redactEvent,
  type UnsealedEvent,
} from './history';
import { type Complaint, ComplaintSchema } from './schema';

export const ANONYMISATION_REASONS = ['retention', 'request'] as const;
export type AnonymisationReason = (typeof ANONYMISATION_REASONS)[number];

/** How a personal field is replaced: by a placeholder (customer, subject, text), emptied, or removed. */
type Replacement = 'customer' | 'subject' | 'text' | 'empty' | 'remove';

/** The personal fields, as paths in the record (`[]`: every element of an array). */
export const PERSONAL_FIELDS: readonly { path: string; replace: Replacement }[] = [
  { path: 'customer.name', replace: 'customer' },
  { path: 'customer.civility', replace: 'remove' },
  { path: 'customer.company', replace: 'remove' },
  { path: 'customer.email', replace: 'remove' },
  { path: 'customer.phone', replace: 'remove' },
  { path: 'customer.customerNumber', replace: 'remove' },
  { path: 'customer.orderNumber', replace: 'remove' },
  { path: 'source.messageId', replace: 'remove' },
  { path: 'source.threadId', replace: 'remove' },
  { path: 'source.url', replace: 'remove' },
  { path: 'subject', replace: 'subject' },
  { path: 'product', replace: 'empty' },
  { path: 'excerpt', replace: 'text' },
  { path: 'summary', replace: 'text' },
  { path: 'remedyRequested', replace: 'text' },
  { path: 'qualificationNote', replace: 'text' },
  { path: 'investigation.rootCause', replace: 'text' },
  { path: 'investigation.immediateAction.description', replace: 'text' },
  { path: 'decision.reasons', replace: 'text' },
  { path: 'decision.causes', replace: 'text' },
  { path: 'decision.correctiveActions', replace: 'text' },
  { path: 'compensation.description', replace: 'text' },
  // Replaced by its bracket (`compensation.amountRange`) in anonymizeRecord.
  { path: 'compensation.amountEuros', replace: 'remove' },
  { path: 'followUp[].description', replace: 'text' },
  { path: 'followUp[].effectiveness.note', replace: 'text' },
  { path: 'mediation.caseNumber', replace: 'empty' },
  { path: 'mediation.notes', replace: 'text' },
  { path: 'notes[].text', replace: 'text' },
  { path: 'closure.summary', replace: 'text' },
  { path: 'clocks.ack.extensions[].reason', replace: 'text' },
  { path: 'clocks.answer.extensions[].reason', replace: 'text' },
  // The letter as sent (text, HTML, typed values) names the customer and quotes the case: it goes whole.
  { path: 'letters[].sent', replace: 'remove' },
];

export interface Placeholders {
  customer: string;
  subject: string;
  text: string;
}

export const defaultPlaceholders = (): Placeholders => ({
  customer: t('privacy.placeholder.customer'),
  subject: t('privacy.placeholder.subject'),
  text: t('privacy.placeholder.text'),
});

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const filled = (v: unknown) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0);

const elements = (v: unknown): unknown[] => (Array.isArray(v) ? v : v == null ? [] : [v]);

function split(segment: string): { key: string; many: boolean } {
  return segment.endsWith('[]') ? { key: segment.slice(0, -2), many: true } : { key: segment, many: false };
}

/** The values found at `segments` under `value`. At a `[]` step a lone object counts as one element: a
 *  noteAdded event records the added note itself, not the array. */
function valuesAt(value: unknown, segments: readonly string[]): unknown[] {
  if (segments.length === 0) return [value];
  if (!isRecord(value)) return [];
  const [head = '', ...rest] = segments;
  const { key, many } = split(head);
  const inner = value[key];
  return many ? elements(inner).flatMap((item) => valuesAt(item, rest)) : valuesAt(inner, rest);
}

/** `value` with the leaves at `segments` passed through `leaf` (undefined removes the key). */
function rewriteAt(value: unknown, segments: readonly string[], leaf: (v: unknown) => unknown): unknown {
  if (segments.length === 0) return leaf(value);
  if (!isRecord(value)) return value;
  const [head = '', ...rest] = segments;
  const { key, many } = split(head);
  if (!(key in value)) return value;
  const inner = value[key];
  const next = many
    ? Array.isArray(inner)
      ? inner.map((item) => rewriteAt(item, rest, leaf))
      : inner
    : rewriteAt(inner, rest, leaf);
  const out: Record<string, unknown> = { ...value, [key]: next };
  if (next === undefined) delete out[key];
  return out;
}

function replacement(kind: Replacement, placeholders: Placeholders): (v: unknown) => unknown {
  switch (kind) {
    case 'customer':
      return () => placeholders.customer;
    case 'subject':
      return () => placeholders.subject;
    case 'text':
      return (v) => (filled(v) ? placeholders.text : v);
    case 'empty':
      return () => '';
    case 'remove':
      return () => undefined;
  }
}

export interface AnonymisationContext {
  now: Date;
  actor: string;
  newId: () => string;
}

export interface Anonymised {
  complaint: Complaint;
  /** The `anonymized` event: the erased paths and the reason, never the erased values. */
  event: UnsealedEvent;
  erased: string[];
}

/** The anonymised version of `c` and the event that records it; refuses a record already anonymised. */
export function anonymizeRecord(
  c: Complaint,
  reason: AnonymisationReason,
  ctx: AnonymisationContext,
  placeholders: Placeholders = defaultPlaceholders(),
): Anonymised {
  if (c.anonymizedAt) throw new UserError('privacy.alreadyAnonymized', { reference: c.reference });
  const at = ctx.now.toISOString();
  let next: unknown = c;
  const erased: string[] = [];
  for (const field of PERSONAL_FIELDS) {
    const segments = field.path.split('.');
    if (valuesAt(c, segments).some(filled)) erased.push(field.path);
    next = rewriteAt(next, segments, replacement(field.replace, placeholders));
  }
  const coarse = coarsenDates(next as Complaint);
  const amount = c.compensation.amountEuros;
  const complaint = ComplaintSchema.parse({
    ...coarse,
    compensation: { ...coarse.compensation, ...(amount === null ? {} : { amountRange: amountRangeOf(amount) }) },
    // Measured on the exact dates, before they were coarsened.
    durations: c.durations ?? durationsOf(c),
    anonymizedAt: at,
    rev: c.rev + 1,
    updatedAt: at,
  });
  const changes: Change[] = [
    { path: 'anonymizedAt', from: null, to: at },
    { path: 'anonymization.reason', from: null, to: reason },
    { path: 'anonymization.erased', from: null, to: erased },
    { path: 'anonymization.dates', from: null, to: 'month' },
  ];
  const event: UnsealedEvent = {
    id: ctx.newId(),
    complaintId: c.id,
    at,
    actor: ctx.actor,
    type: 'anonymized',
    changes,
  };
  return { complaint, event, erased };
}

/**
 * Whether a recorded change holds personal data. History paths are the record's paths, but `diff` stops at
 * arrays and at values that appear whole (a creation records `customer` as one object). So a change is
 * personal when its path is a personal field (or below one), or when it is an ancestor or the array of one
 * and its values hold a non-empty personal value there.
 */
export function isPersonalChange(change: Pick<Change, 'path' | 'from' | 'to'>): boolean {
  // '' is the whole record (a creation records its snapshot as one change).
  const path = change.path === '' ? [] : change.path.split('.');
  return PERSONAL_FIELDS.some(({ path: field }) => {
    const names = field.split('.');
    const steps = names.map(split);
    const within = (n: number) => steps.slice(0, n).every((s, i) => s.key === path[i]);
    if (path.length >= steps.length) return within(steps.length);
    if (!within(path.length)) return false;
    const at = steps[path.length - 1];
    const rest = names.slice(path.length);
    return [change.from, change.to].some((v) =>
      (at?.many ? elements(v) : [v]).flatMap((item) => valuesAt(item, rest)).some(filled),
    );
  });
}

/** A change anonymisation erases: personal, or carrying an exact date (only its month may stay). */
const erasable = (c: Change) => isPersonalChange(c) || holdsDate(c.from) || holdsDate(c.to);

/** The events with every personal or dated change redacted; only the events that changed are returned. */
export function redactionsFor(events: readonly HistoryEvent[]): HistoryEvent[] {
  const out: HistoryEvent[] = [];
  for (const event of events) {
    const personal = new Set(
      event.changes.filter((c) => typeof c?.path === 'string' && !c.redacted && erasable(c)).map((c) => c.path),
    );
    if (personal.size > 0) out.push(redactEvent(event, (path) => personal.has(path)));
  }
  return out;
}

/** Whether anonymisation can reduce the event's time in place: format 2, not yet reduced, an instant. */
const coarsenable = (e: HistoryEvent) => e.atDigest !== undefined && !e.atCoarsened && !Number.isNaN(Date.parse(e.at));

/**
 * One past event as anonymisation leaves it in place: personal and dated changes redacted, and a format-2
 * event's time reduced to its Paris month. The event itself (the same object) when there is nothing to do.
 */
export function erasedEvent(event: HistoryEvent): HistoryEvent {
  const redacted = redactionsFor([event])[0] ?? event;
  return coarsenable(redacted) ? coarsenEventTime(redacted) : redacted;
}

/**
 * The past of a complaint erased in a team register, as the server and every agent keep it (server/store/
 * push.ts, store/anonymize.ts, store/pull-apply.ts): `erasedEvent` of each, only the events that changed.
 * The server seals every event in format 2, so every time goes to its month; a format-1 event (written
 * before the register joined) would need its new seal in the `anonymized` event that the server replays
 * identically, so it keeps its time and only loses its personal and dated changes.
 */
export function erasedPast(events: readonly HistoryEvent[]): HistoryEvent[] {
  return events.flatMap((e) => {
    const next = erasedEvent(e);
    return next === e ? [] : [next];
  });
}

export interface ErasedHistory {
  /** Every event rewritten: changes redacted, time reduced to its month. */
  events: HistoryEvent[];
  /** For the format-1 events moved to format 2 (history.ts): the hashes the `anonymized` event records. */
  seals: { seq: number; hash: string }[];
}

/**
 * The complaint's history as a local anonymisation leaves it: `erasedEvent` of each, and a format-1 event
 * moved to format 2 to be coarsened too (its seal recorded). A stored event that no longer parses (`at`
 * not an instant) keeps its time: only its changes are redacted.
 */
export async function erasedHistory(events: readonly HistoryEvent[]): Promise<ErasedHistory> {
  const out: HistoryEvent[] = [];
  const seals: ErasedHistory['seals'] = [];
  for (const original of events) {
    const event = erasedEvent(original);
    if (event.atDigest !== undefined || event.atCoarsened || Number.isNaN(Date.parse(event.at))) {
      out.push(event);
    } else {
      const legacy = await coarsenLegacyEvent(event);
      if (legacy) seals.push({ seq: event.seq, hash: legacy.seal });
      out.push(legacy?.event ?? event);
    }
  }
  return { events: out, seals };
}
