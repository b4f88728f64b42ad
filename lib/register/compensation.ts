// What a compensation needs before the answer goes out, and what it costs. A remedy the law already owes
// (refund, replacement or repair under the legal guarantee of conformity, C. consom. L217-3 s., or for a
// delivery damaged in transport, the seller's risk until the customer takes possession, L216-2) is its own
// kind: it is never recorded, counted or written as a "geste commercial".
import type { MessageKey } from '../i18n';
import type { Complaint } from './schema';

type Compensation = Complaint['compensation'];

const blank = (s: string) => s.trim().length === 0;
const positive = (n: number | null) => n !== null && n > 0;

/** Money reaches the customer: a financial compensation, or a refund owed by law. */
export function paysMoney(k: Pick<Compensation, 'kind' | 'legalRemedy'>): boolean {
  return k.kind === 'financial' || (k.kind === 'legal' && k.legalRemedy === 'refund');
}

/** What is still missing from the compensation before the answer can be given (empty when complete). */
export function compensationMissing(k: Compensation): MessageKey[] {
  const missing: MessageKey[] = [];
  const need = (condition: boolean, key: MessageKey) => {
    if (condition) missing.push(key);
  };
  if (k.kind === 'commercial') need(blank(k.description), 'register.guard.compensationDescription');
  if (k.kind === 'financial') {
    need(!positive(k.amountEuros), 'register.guard.compensationAmount');
    need(k.method === null, 'register.guard.compensationMethod');
    need(k.dueDay === null, 'register.guard.compensationDueDay');
  }
  if (k.kind === 'legal') {
    need(k.legalRemedy === null, 'register.guard.legalRemedy');
    need(k.legalBasis === null, 'register.guard.legalBasis');
    if (k.legalRemedy === 'refund') {
      need(!positive(k.amountEuros), 'register.guard.refundAmount');
      need(k.method === null, 'register.guard.refundMethod');
      need(k.dueDay === null, 'register.guard.refundDueDay');
    }
    if (k.legalRemedy === 'replacement' || k.legalRemedy === 'repair')
      need(k.dueDay === null, 'register.guard.remedyDueDay');
  }
  return missing;
}

/**
 * The compensation with only the fields its kind uses: a method typed before the agent switched to a
 * geste commercial must not reach the letter or the statistics.
 */
export function tidyCompensation(k: Compensation): Compensation {
  const money = paysMoney(k);
  const legal = k.kind === 'legal';
  return {
    ...k,
    amountEuros: money ? k.amountEuros : null,
    method: money ? k.method : null,
    dueDay: k.kind === 'financial' || legal ? k.dueDay : null,
    legalRemedy: legal ? k.legalRemedy : null,
    legalBasis: legal ? k.legalBasis : null,
    description: k.kind === 'none' ? '' : k.description,
    executedAt: k.kind === 'none' ? null : k.executedAt,
  };
}
