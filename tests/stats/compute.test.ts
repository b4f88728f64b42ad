import { describe, expect, it } from 'vitest';
import { computeStats, statsAccumulator } from '@/lib/stats/compute';
import { A, B, C, D, E, F, G, H, I, J, K, NOW, REGISTER } from './register';

const stats = computeStats(REGISTER, NOW);
const month = (key: string) => stats.months.find((m) => m.month === key);

describe('the dashboard figures of a hand-computed register (now: 15 March 2026, 13:00 in Paris)', () => {
  it('counts every complaint of the register by phase', () => {
    // registered B C K; acknowledged J; investigating F; answered A; closed D G H; notComplaint I; unfounded E.
    expect(stats.total).toBe(11);
    expect(stats.byPhase).toEqual({
      registered: 3,
      acknowledged: 1,
      investigating: 1,
      answered: 1,
      followingUp: 0,
      mediation: 0,
      closed: 3,
      notComplaint: 1,
      unfounded: 1,
    });
  });

  it('counts the complaints overdue now, but not a message qualified "not a complaint"', () => {
    // B (acknowledgement due 7 March), F (answer due 24 February), J (answer due 14 March); I's clocks no longer apply.
    expect(stats.overdue).toBe(3);
  });

  it('covers the 12 Paris months ending with the current one', () => {
    expect(stats.months.map((m) => m.month)).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(stats.since).toBe('2025-03-31T22:00:00.000Z'); // 1 April 2025, 00:00 in Paris (summer time)
  });

  it('files each complaint under the Paris month of its receipt', () => {
    // H (00:30 on 1 April in Paris) opens the window, G (23:30 on 31 March) stays out of it;
    // D (23:30Z on 28 February) is a March complaint in Paris; I is not a complaint.
    expect(month('2025-04')?.received).toBe(1); // H
    expect(month('2026-01')?.received).toBe(2); // E F
    expect(month('2026-02')?.received).toBe(0); // I only, not a complaint
    expect(month('2026-03')?.received).toBe(6); // A B C D J K (K anonymised, still counted)
    expect(stats.received).toBe(9);
  });

  it('shares acknowledgements within the deadline, leaving running clocks out until they are overdue', () => {
    // March: A met, J met, D met late, B overdue; C and K still running → 2 / (2 + 1 + 1) = 0.5.
    expect(month('2026-03')?.ack).toEqual({ met: 2, metLate: 1, overdue: 1, running: 2, onTime: 0.5 });
    expect(month('2026-01')?.ack).toEqual({ met: 2, metLate: 0, overdue: 0, running: 0, onTime: 1 }); // E F
    expect(month('2025-04')?.ack.onTime).toBe(1); // H
    expect(month('2025-09')?.ack.onTime).toBeNull(); // nothing received
    // Period: met H E F A J = 5, late D, overdue B → 5 / 7.
    expect(stats.ack).toEqual({ met: 5, metLate: 1, overdue: 1, running: 2, onTime: 5 / 7 });
  });

  it('shares answers within the deadline the same way', () => {
    // January: E answered late, F overdue → 0 / 2. March: A and D met, J overdue; B C K running → 2 / 3.
    expect(month('2026-01')?.answer).toEqual({ met: 0, metLate: 1, overdue: 1, running: 0, onTime: 0 });
    expect(month('2026-03')?.answer).toEqual({ met: 2, metLate: 0, overdue: 1, running: 3, onTime: 2 / 3 });
    // Period: met H A D = 3, late E, overdue F J → 3 / 6.
    expect(stats.answer).toEqual({ met: 3, metLate: 1, overdue: 2, running: 3, onTime: 0.5 });
  });

  it('averages the hours from receipt to acknowledgement and to answer, late ones included', () => {
    // Acknowledged: H 1 h, E 2 h, F 24 h, A 2 h, D 56.5 h, J 1 h → 86.5 / 6.
    expect(stats.meanHours.ack).toBeCloseTo(86.5 / 6, 10);
    // Answered: H 240 h, E 864 h, A 192 h, D 120 h → 1416 / 4 = 354.
    expect(stats.meanHours.answer).toBe(354);
  });

  it('counts the period’s complaints by category (most frequent first) and by severity', () => {
    // livraison A B E, produit C F J, autre K, facturation D, service H.
    expect(stats.byCategory).toEqual([
      { category: 'livraison', count: 3 },
      { category: 'produit', count: 3 },
      { category: 'autre', count: 1 },
      { category: 'facturation', count: 1 },
      { category: 'service', count: 1 },
    ]);
    // 1: E; 2: A H; 3: F; 4: D; unset: B C J K.
    expect(stats.bySeverity).toEqual({ 1: 1, 2: 2, 3: 1, 4: 1, unset: 4 });
  });

  it('counts compensation in the month it was executed, else answered, in cents', () => {
    // April 2025: G's 50 € (executed in April although received in March). February: E 0.10 € (executed
    // 1 February 10:00+01:00) + F 0.20 € = 0.30 €. March: A's 30 € with its answer, D's commercial gesture
    // (no amount). C's 10 € is neither executed nor answered: not granted yet.
    expect(month('2025-04')?.compensation).toEqual({ count: 1, euros: 50 });
    expect(month('2026-02')?.compensation).toEqual({ count: 2, euros: 0.3 });
    expect(month('2026-03')?.compensation).toEqual({ count: 2, euros: 30 });
    expect(stats.compensation).toEqual({ count: 5, euros: 80.3 });
  });

  it('counts a remedy owed by law apart from compensation, a refund as money paid and a replacement as none', () => {
    // Both answered with A on 10 March. The refund owed for a parcel damaged in transport is money paid (89 €);
    // the replacement under the legal guarantee pays nothing, even with a stale amount left on the record.
    const refund = {
      ...A,
      id: crypto.randomUUID(),
      compensation: {
        ...A.compensation,
        kind: 'legal' as const,
        legalRemedy: 'refund' as const,
        legalBasis: 'transport' as const,
        amountEuros: 89,
        method: 'originalPayment' as const,
        dueDay: '2026-03-12',
      },
    };
    const replacement = {
      ...A,
      id: crypto.randomUUID(),
      compensation: {
        ...A.compensation,
        kind: 'legal' as const,
        legalRemedy: 'replacement' as const,
        legalBasis: 'conformity' as const,
        amountEuros: 40,
        method: null,
        dueDay: '2026-03-14',
      },
    };
    const withLegal = computeStats([...REGISTER, refund, replacement], NOW);
    const march = withLegal.months.find((m) => m.month === '2026-03');
    expect(march?.legal).toEqual({ count: 2, euros: 89 });
    expect(march?.compensation).toEqual({ count: 2, euros: 30 }); // A and D only, as without them
    expect(withLegal.legal).toEqual({ count: 2, euros: 89 });
    expect(withLegal.compensation).toEqual(stats.compensation);
    expect(stats.legal).toEqual({ count: 0, euros: 0 });
  });

  it('reads its input once, so it can be fed straight from a cursor', () => {
    let reads = 0;
    function* stream() {
      for (const c of REGISTER) {
        reads++;
        yield c;
      }
    }
    expect(computeStats(stream(), NOW)).toEqual(stats);
    expect(reads).toBe(REGISTER.length);
  });

  it('gives the same figures fed one by one, in any order', () => {
    const acc = statsAccumulator(NOW);
    for (const c of [K, J, I, H, G, F, E, D, C, B, A]) acc.add(c);
    expect(acc.finish()).toEqual(stats);
  });

  it('says nothing is decided yet on an empty register', () => {
    const empty = computeStats([], NOW);
    expect(empty.total).toBe(0);
    expect(empty.ack.onTime).toBeNull();
    expect(empty.meanHours).toEqual({ ack: null, answer: null });
    expect(empty.compensation).toEqual({ count: 0, euros: 0 });
    expect(empty.legal).toEqual({ count: 0, euros: 0 });
  });
});
