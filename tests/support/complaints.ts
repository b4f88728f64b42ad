// Builders for test complaints: a complete, valid record in one call, overridden field by field.
import { IDBFactory } from 'fake-indexeddb';
import { DEFAULT_POLICY } from '@/lib/deadlines/policy';
import { createRecord } from '@/lib/register/records';
import type { Complaint, NewComplaint } from '@/lib/register/schema';
import { closeRegisterDb } from '@/lib/register/store/db';

export const RECEIVED = '2026-03-02T09:00:00.000Z'; // a Monday, 10:00 in Paris

export function newInput(overrides: Partial<NewComplaint> = {}): NewComplaint {
  return {
    receivedAt: RECEIVED,
    channel: 'email',
    source: { webmail: 'gmail', messageId: 'msg-f:1', threadId: 'thread-f:1' },
    customer: { name: 'Claire Martin', email: 'claire.martin@example.fr' },
    subject: 'Colis arrivé endommagé',
    category: 'livraison',
    excerpt: 'Bonjour, mon colis est arrivé cassé.',
    ...overrides,
  };
}

let counter = 0;
export function ctx(now = new Date('2026-03-02T10:00:00Z')) {
  return { now, actor: 'Agent test', newId: () => crypto.randomUUID() };
}

export function complaint(overrides: Partial<NewComplaint> = {}, now?: Date): Complaint {
  counter++;
  return createRecord(
    newInput(overrides),
    { id: crypto.randomUUID(), reference: `REC-2026-${String(counter).padStart(4, '0')}` },
    DEFAULT_POLICY,
    ctx(now),
  ).complaint;
}

/** A complaint under investigation with everything an answer needs. */
export function readyToAnswer(base: Complaint = complaint()): Complaint {
  return {
    ...base,
    phase: 'investigating',
    justified: 'yes',
    severity: 2,
    investigation: { ...base.investigation, rootCause: 'Emballage insuffisant', scope: 'isolated' },
    decision: { ...base.decision, outcome: 'favourable', reasons: 'Le colis a été abîmé pendant le transport.' },
    compensation: {
      ...base.compensation,
      kind: 'financial',
      amountEuros: 30,
      method: 'originalPayment',
      dueDay: '2026-03-16',
    },
  };
}

/** A fresh, empty IndexedDB for each test. */
export async function freshDatabase(): Promise<void> {
  await closeRegisterDb();
  globalThis.indexedDB = new IDBFactory();
}
