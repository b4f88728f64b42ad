// The view model a letter template sees. Every value is already written out for the letter's language
// (dates in words in Europe/Paris, euros the French way), so templates hold no logic beyond sections.
// The zod schema below is the one list of what a template may use (see variables.ts).
import { z } from 'zod';
import type { Lang } from '../i18n';
import type { Complaint } from '../register/schema';
import type { Settings } from '../settings/schema';
import { dayInWords, formatEuros, instantInWords } from './format';

const str = z.string();

/** Yes/no facts about the decision, usable as `{{#flag}}…{{/flag}}` and as conditions of required variables. */
export const LETTER_FLAGS = [
  'isFavourable',
  'isPartial',
  'isUnfavourable',
  'hasNonConformity',
  'isFinancial',
  'isCommercial',
  'hasCompensation',
  'needsMediation',
] as const;
export type LetterFlag = (typeof LETTER_FLAGS)[number];

export const ActionViewSchema = z.object({ description: str, owner: str, dueDate: str, doneDate: str });

export const LetterContextSchema = z.object({
  today: str,
  reference: str,
  subject: str,
  product: str,
  receivedDate: str,
  ackDueDate: str,
  answerDueDate: str,
  customer: z.object({ name: str, email: str, customerNumber: str, orderNumber: str }),
  decision: z.object({ reasons: str, causes: str, correctiveActions: str }),
  compensation: z.object({ amount: str, description: str, executedDate: str }),
  followUp: z.object({
    hasDone: z.boolean(),
    done: z.array(ActionViewSchema),
    hasPending: z.boolean(),
    pending: z.array(ActionViewSchema),
  }),
  closure: z.object({ summary: str }),
  company: z.object({ name: str, address: str, email: str, phone: str, website: str }),
  signature: z.object({ name: str, title: str }),
  mediator: z.object({ name: str, organisation: str, website: str, address: str, phone: str }),
  isFavourable: z.boolean(),
  isPartial: z.boolean(),
  isUnfavourable: z.boolean(),
  hasNonConformity: z.boolean(),
  isFinancial: z.boolean(),
  isCommercial: z.boolean(),
  hasCompensation: z.boolean(),
  needsMediation: z.boolean(),
  /** The fill-in inputs the agent typed at insertion, already formatted (see inputs.ts). */
  inputs: z.record(z.string(), str),
});
export type LetterContext = z.infer<typeof LetterContextSchema>;

const clean = (s: string | undefined | null) => (s ?? '').trim();

/** Builds the view model of a letter about `complaint`, written on `now` (an instant) in `lang`. */
export function letterContext(
  complaint: Complaint,
  settings: Settings,
  inputs: Readonly<Record<string, string>>,
  now: Date,
  lang: Lang,
): LetterContext {
  const { decision, compensation } = complaint;
  const outcome = decision.outcome;
  const isFinancial = compensation.kind === 'financial';
  const isCommercial = compensation.kind === 'commercial';
  const action = (a: Complaint['followUp'][number]) => ({
    description: clean(a.description),
    owner: clean(a.owner),
    dueDate: a.dueDay ? dayInWords(a.dueDay, lang) : '',
    doneDate: a.doneAt ? instantInWords(a.doneAt, lang) : '',
  });
  const done = complaint.followUp.filter((a) => a.doneAt !== null).map(action);
  const pending = complaint.followUp.filter((a) => a.doneAt === null).map(action);
  return {
    today: instantInWords(now, lang),
    reference: complaint.reference,
    subject: clean(complaint.subject),
    product: clean(complaint.product),
    receivedDate: instantInWords(complaint.receivedAt, lang),
    ackDueDate: dayInWords(complaint.clocks.ack.dueDay, lang),
    answerDueDate: dayInWords(complaint.clocks.answer.dueDay, lang),
    customer: {
      name: clean(complaint.customer.name),
      email: clean(complaint.customer.email),
      customerNumber: clean(complaint.customer.customerNumber),
      orderNumber: clean(complaint.customer.orderNumber),
    },
    decision: {
      reasons: clean(decision.reasons),
      causes: clean(decision.causes),
      correctiveActions: clean(decision.correctiveActions),
    },
    compensation: {
      // No amount, or 0 €, is no financial compensation: the letter then refuses (required when isFinancial).
      amount: compensation.amountEuros ? formatEuros(compensation.amountEuros, lang) : '',
      description: clean(compensation.description),
      executedDate: compensation.executedAt ? instantInWords(compensation.executedAt, lang) : '',
    },
    followUp: { hasDone: done.length > 0, done, hasPending: pending.length > 0, pending },
    closure: { summary: clean(complaint.closure.summary) },
    company: {
      name: clean(settings.company.name),
      address: clean(settings.company.address),
      email: clean(settings.company.email),
      phone: clean(settings.company.phone),
      website: clean(settings.company.website),
    },
    signature: { name: clean(settings.signature.name), title: clean(settings.signature.title) },
    mediator: {
      name: clean(settings.mediator.name),
      organisation: clean(settings.mediator.organisation),
      website: clean(settings.mediator.website),
      address: clean(settings.mediator.address),
      phone: clean(settings.mediator.phone),
    },
    isFavourable: outcome === 'favourable',
    isPartial: outcome === 'partial',
    isUnfavourable: outcome === 'unfavourable',
    hasNonConformity: decision.nonConformity,
    isFinancial,
    isCommercial,
    hasCompensation: isFinancial || isCommercial,
    // Code de la consommation L616-1: every answer that does not fully satisfy the customer names the mediator.
    needsMediation: outcome !== 'favourable',
    inputs: Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, clean(v)])),
  };
}
