// The view model a letter template sees. Every value is already written out for the letter's language
// (dates in words in Europe/Paris, euros the French way), so templates hold no logic beyond sections.
// The zod schema below is the one list of what a template may use (see variables.ts).
import { z } from 'zod';
import { type Lang, type MessageKey, t } from '../i18n';
import { formatEuros } from '../i18n/money';
import type { Complaint } from '../register/schema';
import type { Settings } from '../settings/schema';
import { dayInWords, instantInWords } from './format';

const str = z.string();

/** Yes/no facts about the decision, usable as `{{#flag}}…{{/flag}}` and as conditions of required variables. */
export const LETTER_FLAGS = [
  'isFavourable',
  'isPartial',
  'isUnfavourable',
  'hasNonConformity',
  'isFinancial',
  'isCommercial',
  'isLegal',
  'hasCompensation',
  'paysMoney',
  'hasDatedRemedy',
  'needsMediation',
  'writtenComplaint',
] as const;
export type LetterFlag = (typeof LETTER_FLAGS)[number];

/** A follow-up action as the customer reads it: what, and when it was done or is planned. The owner is internal
 *  and deliberately absent, so no template can print it. */
export const ActionViewSchema = z.object({ description: str, dueDate: str, doneDate: str });

export const LetterContextSchema = z.object({
  today: str,
  reference: str,
  subject: str,
  product: str,
  receivedDate: str,
  ackDueDate: str,
  answerDueDate: str,
  customer: z.object({
    name: str,
    /** "Madame" / "Monsieur" ("Ms" / "Mr" in English), blank when unknown. */
    civility: str,
    /** The customer's company: the letter is then addressed to it, "À l'attention de" the person. */
    company: str,
    /** The name with its civility: "Madame Claire Martin", "Ms Claire Martin"; blank without a name. */
    addressee: str,
    /** "Madame" / "Monsieur" / "Madame, Monsieur"; "Dear Ms Claire Martin" / "Dear Sir or Madam". */
    salutation: str,
    /** The closing formula matching the salutation ("Yours sincerely" / "Yours faithfully"). */
    valediction: str,
    email: str,
    customerNumber: str,
    orderNumber: str,
  }),
  /** What the customer asked for, restated before the decision. */
  remedyRequested: str,
  decision: z.object({ reasons: str, causes: str, correctiveActions: str }),
  compensation: z.object({
    amount: str,
    description: str,
    executedDate: str,
    /** How the money reaches the customer, as a participle agreeing with "la somme": "versée par virement". */
    method: str,
    /** The day by which the money is paid or the legal remedy carried out, in words. */
    dueDate: str,
    /** A remedy the law owes, named as such: "au remboursement de votre achat", "refund your purchase". */
    legalRemedy: str,
    /** The legal ground of that remedy, one sentence citing its article. */
    legalBasis: str,
    isRefund: z.boolean(),
    isReplacement: z.boolean(),
    isRepair: z.boolean(),
  }),
  /** The newest extension of the answer deadline (blank when none was recorded). */
  extension: z.object({ newDueDate: str, reason: str }),
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
  /** A remedy the law already owes (legal guarantee of conformity, transport risk): never a "geste commercial". */
  isLegal: z.boolean(),
  hasCompensation: z.boolean(),
  /** Money reaches the customer (financial compensation or legal refund): amount, method and date are needed. */
  paysMoney: z.boolean(),
  /** Financial compensation or legal remedy: the letter says by which day it is carried out. */
  hasDatedRemedy: z.boolean(),
  needsMediation: z.boolean(),
  /** The complaint came in writing (email, letter, web form): the mediator may be seized on it (L612-2). */
  writtenComplaint: z.boolean(),
  /** The fill-in inputs the agent typed at insertion, already formatted (see inputs.ts). */
  inputs: z.record(z.string(), str),
});
export type LetterContext = z.infer<typeof LetterContextSchema>;

const clean = (s: string | undefined | null) => (s ?? '').trim();

/** Complaints that came in writing; the others (phone, counter, unknown) must first be confirmed in writing
 *  before the consumer may refer them to the mediator (Code de la consommation L612-2). */
const WRITTEN_CHANNELS: readonly Complaint['channel'][] = ['email', 'letter', 'webform'];

/** "M. Kamel Boubendir" is French: an English letter writes "Mr", "Ms". */
function englishTitle(name: string): string {
  return name.replace(/^M\.\s+/, 'Mr ').replace(/^(Mme|Mlle)\.?\s+/, 'Ms ');
}

/** How the letter addresses the customer: address line, salutation and closing formula, in `lang`. */
function addressing(customer: Complaint['customer'], lang: Lang) {
  const name = clean(customer.name);
  const civility = customer.civility === 'none' ? '' : t(`letters.civility.${customer.civility}`, {}, lang);
  const named = civility !== '' && name !== '';
  return {
    name,
    civility,
    company: clean(customer.company),
    addressee: name && civility ? `${civility} ${name}` : name,
    salutation: named
      ? t('letters.salutation.named', { civility, name }, lang)
      : t('letters.salutation.unnamed', {}, lang),
    valediction: named
      ? t('letters.valediction.named', { civility }, lang)
      : t('letters.valediction.unnamed', {}, lang),
  };
}

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
  const isLegal = compensation.kind === 'legal';
  const remedy = isLegal ? compensation.legalRemedy : null;
  const words = (key: string | null, prefix: string) => (key ? t(`${prefix}.${key}` as MessageKey, {}, lang) : '');
  const action = (a: Complaint['followUp'][number]) => ({
    description: clean(a.description),
    dueDate: a.dueDay ? dayInWords(a.dueDay, lang) : '',
    doneDate: a.doneAt ? instantInWords(a.doneAt, lang) : '',
  });
  const done = complaint.followUp.filter((a) => a.doneAt !== null).map(action);
  const pending = complaint.followUp.filter((a) => a.doneAt === null).map(action);
  const extension = complaint.clocks.answer.extensions.at(-1);
  const mediatorName = clean(settings.mediator.name);
  return {
    today: instantInWords(now, lang),
    reference: complaint.reference,
    subject: clean(complaint.subject),
    product: clean(complaint.product),
    receivedDate: instantInWords(complaint.receivedAt, lang),
    ackDueDate: dayInWords(complaint.clocks.ack.dueDay, lang),
    // The due day moves with each recorded extension: the letter states the date the customer was last told.
    answerDueDate: dayInWords(complaint.clocks.answer.dueDay, lang),
    customer: {
      ...addressing(complaint.customer, lang),
      email: clean(complaint.customer.email),
      customerNumber: clean(complaint.customer.customerNumber),
      orderNumber: clean(complaint.customer.orderNumber),
    },
    remedyRequested: clean(complaint.remedyRequested),
    decision: {
      reasons: clean(decision.reasons),
      causes: clean(decision.causes),
      correctiveActions: clean(decision.correctiveActions),
    },
    compensation: {
      // No amount, or 0 €, is no money granted: the letter is then refused (required when paysMoney).
      amount: compensation.amountEuros ? formatEuros(compensation.amountEuros, lang) : '',
      description: clean(compensation.description),
      executedDate: compensation.executedAt ? instantInWords(compensation.executedAt, lang) : '',
      method: words(compensation.method, 'letters.method'),
      dueDate: compensation.dueDay ? dayInWords(compensation.dueDay, lang) : '',
      legalRemedy: words(remedy, 'letters.legalRemedy'),
      legalBasis: words(isLegal ? compensation.legalBasis : null, 'letters.legalBasis'),
      isRefund: remedy === 'refund',
      isReplacement: remedy === 'replacement',
      isRepair: remedy === 'repair',
    },
    extension: {
      newDueDate: extension ? instantInWords(extension.newDueAt, lang) : '',
      reason: clean(extension?.reason),
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
      name: lang === 'en' ? englishTitle(mediatorName) : mediatorName,
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
    isLegal,
    hasCompensation: isFinancial || isCommercial || isLegal,
    paysMoney: isFinancial || remedy === 'refund',
    hasDatedRemedy: isFinancial || isLegal,
    // Code de la consommation L616-1: every answer that does not fully satisfy the customer names the mediator.
    needsMediation: outcome !== 'favourable',
    writtenComplaint: WRITTEN_CHANNELS.includes(complaint.channel),
    inputs: Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, clean(v)])),
  };
}
