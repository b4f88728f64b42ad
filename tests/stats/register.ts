// A small register whose every figure was computed by hand (see compute.test.ts). `now` is
// 2026-03-15T12:00Z; the 12 Paris months are 2025-04 … 2026-03, starting 2025-03-31T22:00Z (CEST).
import type { Complaint, Phase } from '@/lib/register/schema';
import { complaint } from '../support/complaints';

export const NOW = new Date('2026-03-15T12:00:00.000Z');

interface Spec {
  received: string;
  phase: Phase;
  category: string;
  severity?: 1 | 2 | 3 | 4 | null;
  ack: [dueAt: string, metAt: string | null];
  answer: [dueAt: string, metAt: string | null];
  compensation?: Partial<Complaint['compensation']>;
  anonymized?: boolean;
}

function make(s: Spec): Complaint {
  const c = complaint({ receivedAt: s.received, category: s.category });
  const clock = (k: 'ack' | 'answer', [dueAt, metAt]: [string, string | null]) => ({ ...c.clocks[k], dueAt, metAt });
  return {
    ...c,
    phase: s.phase,
    severity: s.severity ?? null,
    clocks: { ack: clock('ack', s.ack), answer: clock('answer', s.answer) },
    compensation: { ...c.compensation, ...s.compensation },
    anonymizedAt: s.anonymized ? '2026-03-15T11:30:00.000Z' : null,
  };
}

export const A = make({
  received: '2026-03-02T09:00:00.000Z',
  phase: 'answered',
  category: 'livraison',
  severity: 2,
  ack: ['2026-03-04T22:59:59.999Z', '2026-03-02T11:00:00.000Z'], // met, 2 h
  answer: ['2026-03-31T21:59:59.999Z', '2026-03-10T09:00:00.000Z'], // met, 192 h
  compensation: { kind: 'financial', amountEuros: 30 }, // granted with the answer, 10 March
});
export const B = make({
  received: '2026-03-05T10:00:00.000Z',
  phase: 'registered',
  category: 'livraison',
  ack: ['2026-03-07T22:59:59.999Z', null], // overdue now
  answer: ['2026-04-04T21:59:59.999Z', null], // running
});
export const C = make({
  received: '2026-03-14T10:00:00.000Z',
  phase: 'registered',
  category: 'produit',
  ack: ['2026-03-16T22:59:59.999Z', null], // running
  answer: ['2026-04-13T21:59:59.999Z', null], // running
  compensation: { kind: 'financial', amountEuros: 10 }, // decided, neither executed nor answered: not granted yet
});
export const D = make({
  received: '2026-02-28T23:30:00.000Z', // 1 March 00:30 in Paris
  phase: 'closed',
  category: 'facturation',
  severity: 4,
  ack: ['2026-03-02T22:59:59.999Z', '2026-03-03T08:00:00.000Z'], // late, 56.5 h
  answer: ['2026-03-31T21:59:59.999Z', '2026-03-05T23:30:00.000Z'], // met, 120 h
  compensation: { kind: 'commercial', description: 'Bon d’achat', executedAt: '2026-03-06T10:00:00.000Z' },
});
export const E = make({
  received: '2026-01-20T10:00:00.000Z',
  phase: 'unfounded',
  category: 'livraison',
  severity: 1,
  ack: ['2026-01-22T22:59:59.999Z', '2026-01-20T12:00:00.000Z'], // met, 2 h
  answer: ['2026-02-19T22:59:59.999Z', '2026-02-25T10:00:00.000Z'], // late, 864 h
  compensation: { kind: 'financial', amountEuros: 0.1, executedAt: '2026-02-01T10:00:00+01:00' },
});
export const F = make({
  received: '2026-01-25T10:00:00.000Z',
  phase: 'investigating',
  category: 'produit',
  severity: 3,
  ack: ['2026-01-27T22:59:59.999Z', '2026-01-26T10:00:00.000Z'], // met, 24 h
  answer: ['2026-02-24T22:59:59.999Z', null], // overdue now
  compensation: { kind: 'financial', amountEuros: 0.2, executedAt: '2026-02-03T10:00:00.000Z' },
});
export const G = make({
  received: '2025-03-31T21:30:00.000Z', // 31 March 2025, 23:30 in Paris: before the window
  phase: 'closed',
  category: 'livraison',
  severity: 2,
  ack: ['2025-04-02T21:59:59.999Z', '2025-04-01T08:00:00.000Z'],
  answer: ['2025-04-30T21:59:59.999Z', '2025-04-01T09:00:00.000Z'],
  compensation: { kind: 'financial', amountEuros: 50, executedAt: '2025-04-02T10:00:00.000Z' }, // granted in April
});
export const H = make({
  received: '2025-03-31T22:30:00.000Z', // 1 April 2025, 00:30 in Paris: first month of the window
  phase: 'closed',
  category: 'service',
  severity: 2,
  ack: ['2025-04-02T21:59:59.999Z', '2025-03-31T23:30:00.000Z'], // met, 1 h
  answer: ['2025-04-30T21:59:59.999Z', '2025-04-10T22:30:00.000Z'], // met, 240 h
});
export const I = make({
  received: '2026-02-10T10:00:00.000Z',
  phase: 'notComplaint', // its clocks no longer apply: never overdue, not "received"
  category: 'autre',
  ack: ['2026-02-12T22:59:59.999Z', null],
  answer: ['2026-03-12T22:59:59.999Z', null],
});
export const J = make({
  received: '2026-03-10T10:00:00.000Z',
  phase: 'acknowledged',
  category: 'produit',
  ack: ['2026-03-12T22:59:59.999Z', '2026-03-10T11:00:00.000Z'], // met, 1 h
  answer: ['2026-03-14T22:59:59.999Z', null], // overdue now
});
export const K = make({
  received: '2026-03-15T11:00:00.000Z',
  phase: 'registered',
  category: 'autre',
  ack: ['2026-03-17T22:59:59.999Z', null], // running
  answer: ['2026-04-14T21:59:59.999Z', null], // running
  anonymized: true, // personal data erased: still a complaint of the period
});

export const REGISTER = [A, B, C, D, E, F, G, H, I, J, K];
