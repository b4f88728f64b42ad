// How each preset applies the calendar: ACPR counts jours ouvrables without the company's closure days and
// keeps its 2-month maximum where it lands; the internal procedure still rolls (CPC art. 642); payment
// services answer within 15 jours ouvrables (CMF art. L133-45). Policies stored before these rules keep
// computing the dates they were logged with.
import { describe, expect, it } from 'vitest';
import {
  computeDue,
  type DeadlinePolicy,
  DeadlinePolicySchema,
  explainDue,
  POLICY_PRESETS,
  policyFromPreset,
  withPresetRules,
} from '../../lib/deadlines';
import { createRecord, patchRecord } from '../../lib/register/records';
import { ComplaintSchema } from '../../lib/register/schema';
import { ctx, newInput } from '../support/complaints';

const ids = { id: '8f0c7a52-5a5e-4d7e-9c1e-2b9f3f6d1a10', reference: 'REC-2026-0001' };

describe('the ACPR preset', () => {
  const { ack, answer } = POLICY_PRESETS.acpr;

  it('does not lengthen its 10 jours ouvrables for a company closure day', () => {
    // Received Tue 2 Jun 2026, company closed Fri 5 Jun: 3, 4, 5, Sat 6, 8, 9, 10, 11, 12, Sat 13 Jun (10).
    const calendar = { closureDays: ['2026-06-05'] };
    expect(explainDue('2026-06-02T10:00:00+02:00', ack, calendar)).toEqual({
      dueDay: '2026-06-13',
      dueAt: '2026-06-13T21:59:59.999Z',
      holidaysSkipped: [],
    });
    // The same count with closure days counted (a custom policy) skips the 5th and ends on Monday 15.
    expect(computeDue('2026-06-02T10:00:00+02:00', { amount: 10, unit: 'joursOuvrables' }, calendar).dueDay).toBe(
      '2026-06-15',
    );
  });

  it('still lengthens its jours ouvrables for a public holiday', () => {
    // Received Wed 29 Apr 2026: Thu 30 (1), Fri 1 May skipped, Sat 2 (2), 4…7 (3-6), Fri 8 May skipped, Sat 9 (7),
    // 11, 12, 13 (8-10).
    expect(explainDue('2026-04-29T10:00:00+02:00', ack)).toMatchObject({
      dueDay: '2026-05-13',
      holidaysSkipped: ['2026-05-01', '2026-05-08'],
    });
  });

  it('keeps a 2-month maximum ending on a Saturday on that Saturday', () => {
    // Received Wed 14 Jan 2026: 2 months later is Sat 14 Mar 2026, and the answer is due by then.
    expect(computeDue('2026-01-14T10:00:00+01:00', answer, { closureDays: ['2026-03-13'] })).toEqual({
      dueDay: '2026-03-14',
      dueAt: '2026-03-14T22:59:59.999Z',
    });
  });

  it('keeps a 2-month maximum ending on 1 May on 1 May', () => {
    expect(computeDue('2026-03-01T10:00:00+01:00', answer)).toMatchObject({ dueDay: '2026-05-01' });
  });
});

describe('the internal procedure and custom policies', () => {
  it('still roll a deadline ending on a Saturday to Monday (CPC art. 642)', () => {
    // Received Wed 4 Mar 2026 + 10 calendar days = Sat 14 Mar, rolled to Mon 16.
    expect(computeDue('2026-03-04T10:00:00+01:00', POLICY_PRESETS.procedure.answer)).toEqual({
      dueDay: '2026-03-16',
      dueAt: '2026-03-16T22:59:59.999Z',
      rolledFrom: '2026-03-14',
    });
    const custom = policyFromPreset('custom', POLICY_PRESETS.acpr);
    expect(custom.answer).toEqual({ amount: 2, unit: 'mois' });
    expect(computeDue('2026-01-14T10:00:00+01:00', custom.answer)).toMatchObject({
      dueDay: '2026-03-16',
      rolledFrom: '2026-03-14',
    });
  });

  it('still count the company closure days', () => {
    // Received Wed 4 Mar 2026, closed Mon 16 Mar: the roll goes on to Tue 17.
    const closed = { closureDays: ['2026-03-16'] };
    expect(computeDue('2026-03-04T10:00:00+01:00', POLICY_PRESETS.procedure.answer, closed).dueDay).toBe('2026-03-17');
  });
});

describe('the payment services preset (CMF art. L133-45)', () => {
  const policy = { ...POLICY_PRESETS.servicesPaiement, closureDays: ['2026-05-04'] };

  it('acknowledges within 48 hours and answers within 15 jours ouvrables, skipping holidays only', () => {
    // Received Wed 29 Apr 2026: Thu 30 (1), [1 May], Sat 2 (2), Mon 4 closed but counted (3), 5, 6, 7 (4-6), [8 May],
    // Sat 9 (7), 11, 12, 13 (8-10), [Ascension 14], 15, Sat 16 (11-12), 18, 19, Wed 20 May (13-15).
    expect(explainDue('2026-04-29T10:00:00+02:00', policy.answer, policy)).toEqual({
      dueDay: '2026-05-20',
      dueAt: '2026-05-20T21:59:59.999Z',
      holidaysSkipped: ['2026-05-01', '2026-05-08', '2026-05-14'],
    });
    const c = createRecord(newInput({ receivedAt: '2026-04-29T08:00:00Z' }), ids, policy, ctx()).complaint;
    expect(c.clocks.ack.dueAt).toBe('2026-05-01T08:00:00.000Z');
    expect(c.clocks.answer.dueDay).toBe('2026-05-20');
    expect(c.policy).toEqual(policy);
  });

  it('is listed with the other presets and passes its own schema', () => {
    expect(POLICY_PRESETS.servicesPaiement.answer).toMatchObject({ amount: 15, unit: 'joursOuvrables' });
    expect(DeadlinePolicySchema.parse(POLICY_PRESETS.servicesPaiement)).toEqual(POLICY_PRESETS.servicesPaiement);
  });
});

describe('policies stored before the calendar rules', () => {
  // An ACPR complaint as the register stored it before this change: no rule flags on its clocks.
  const oldPolicy: DeadlinePolicy = {
    preset: 'acpr',
    ack: { amount: 10, unit: 'joursOuvrables' },
    answer: { amount: 2, unit: 'mois' },
    alsaceMoselle: false,
    closureDays: ['2026-06-05'],
    dueSoonHours: 24,
  };

  it('parse unchanged, and their complaints parse unchanged', () => {
    expect(DeadlinePolicySchema.parse(oldPolicy)).toEqual(oldPolicy);
    const stored = JSON.parse(
      JSON.stringify(createRecord(newInput(), ids, policyFromPreset('procedure'), ctx()).complaint),
    );
    stored.policy = oldPolicy;
    expect(ComplaintSchema.parse(stored).policy).toEqual(oldPolicy);
  });

  it('give the same due dates as before: closure days lengthen, the 2 months roll', () => {
    expect(computeDue('2026-06-02T10:00:00+02:00', oldPolicy.ack, oldPolicy).dueDay).toBe('2026-06-15');
    expect(computeDue('2026-01-14T10:00:00+01:00', oldPolicy.answer, oldPolicy)).toMatchObject({
      dueDay: '2026-03-16',
      rolledFrom: '2026-03-14',
    });
  });

  it('keep those dates when the receipt date of a stored complaint is corrected', () => {
    const stored = JSON.parse(JSON.stringify(createRecord(newInput(), ids, POLICY_PRESETS.procedure, ctx()).complaint));
    const current = ComplaintSchema.parse({ ...stored, policy: oldPolicy });
    const { complaint } = patchRecord(current, { receivedAt: '2026-06-02T08:00:00Z' }, ctx());
    expect(complaint.clocks.ack.dueDay).toBe('2026-06-15');
    expect(complaint.policy).toEqual(oldPolicy);
  });

  it('in the settings give new complaints the preset’s current rules', () => {
    const settingsPolicy = DeadlinePolicySchema.parse(oldPolicy);
    expect(withPresetRules(settingsPolicy)).toEqual({
      ...POLICY_PRESETS.acpr,
      closureDays: ['2026-06-05'],
    });
    const c = createRecord(newInput({ receivedAt: '2026-06-02T08:00:00Z' }), ids, settingsPolicy, ctx()).complaint;
    expect(c.clocks.ack.dueDay).toBe('2026-06-13');
    expect(c.policy.ack).toEqual(POLICY_PRESETS.acpr.ack);
    // The internal procedure and custom policies have no rules to add.
    expect(withPresetRules(POLICY_PRESETS.procedure)).toEqual(POLICY_PRESETS.procedure);
  });
});
