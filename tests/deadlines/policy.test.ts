import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POLICY,
  DeadlinePolicySchema,
  formatDuration,
  POLICY_PRESETS,
  parseDuration,
  policyFromPreset,
} from '../../lib/deadlines';
import { UserError } from '../../lib/i18n';

describe('parseDuration', () => {
  it.each([
    ['48 heures', 48, 'heures'],
    ['1 heure', 1, 'heures'],
    ['48h', 48, 'heures'],
    ['10 jours', 10, 'jours'],
    ['1 jour', 1, 'jours'],
    ['10 jours calendaires', 10, 'jours'],
    ['10 jours ouvrés', 10, 'joursOuvres'],
    ['10 jours ouvres', 10, 'joursOuvres'],
    ['1 jour ouvré', 1, 'joursOuvres'],
    ['10 jours ouvrables', 10, 'joursOuvrables'],
    ['  10   Jours  OUVRABLES ', 10, 'joursOuvrables'],
    ['2 mois', 2, 'mois'],
  ])('reads "%s"', (text, amount, unit) => {
    expect(parseDuration(text)).toEqual({ amount, unit });
  });

  it.each(['', 'dix jours', '10', '10 semaines', '0 jours', '-2 mois', '1,5 jour', '367 jours', '10 jours fériés'])(
    'refuses "%s" with a French message',
    (text) => {
      expect(() => parseDuration(text)).toThrow(UserError);
      expect(() => parseDuration(text)).toThrow(`Durée invalide : « ${text} »`);
    },
  );

  it('tells which rule refused through the error key', () => {
    try {
      parseDuration('2 semaines');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).key).toBe('deadlines.badDuration');
      expect((error as UserError).params).toEqual({ text: '2 semaines' });
    }
  });
});

describe('formatDuration', () => {
  it('writes French labels, singular for one', () => {
    expect(formatDuration({ amount: 48, unit: 'heures' })).toBe('48 heures');
    expect(formatDuration({ amount: 1, unit: 'joursOuvres' })).toBe('1 jour ouvré');
    expect(formatDuration({ amount: 10, unit: 'joursOuvrables' })).toBe('10 jours ouvrables');
    expect(formatDuration({ amount: 2, unit: 'mois' }, 'en')).toBe('2 months');
  });

  it('writes what parseDuration reads back', () => {
    for (const { amount, unit } of [
      POLICY_PRESETS.procedure.ack,
      POLICY_PRESETS.acpr.ack,
      POLICY_PRESETS.acpr.answer,
    ]) {
      expect(parseDuration(formatDuration({ amount, unit }))).toEqual({ amount, unit });
    }
  });
});

describe('policies', () => {
  it('defaults to the internal procedure: 48 heures then 10 jours', () => {
    expect(DEFAULT_POLICY).toEqual({
      preset: 'procedure',
      ack: { amount: 48, unit: 'heures' },
      answer: { amount: 10, unit: 'jours' },
      alsaceMoselle: false,
      closureDays: [],
      dueSoonHours: 24,
    });
  });

  it('offers jours ouvrés and ACPR presets that pass their own schema', () => {
    expect(POLICY_PRESETS.joursOuvres.ack).toEqual({ amount: 2, unit: 'joursOuvres' });
    expect(POLICY_PRESETS.joursOuvres.answer).toEqual({ amount: 10, unit: 'joursOuvres' });
    // ACPR: closure days do not lengthen its jours ouvrables, and its 2-month maximum is never rolled forward.
    expect(POLICY_PRESETS.acpr.ack).toEqual({ amount: 10, unit: 'joursOuvrables', companyClosures: false });
    expect(POLICY_PRESETS.acpr.answer).toEqual({
      amount: 2,
      unit: 'mois',
      rollForward: false,
      companyClosures: false,
    });
    for (const policy of Object.values(POLICY_PRESETS)) expect(DeadlinePolicySchema.parse(policy)).toEqual(policy);
  });

  it('switches preset keeping the calendar and the due-soon threshold', () => {
    const base = { ...DEFAULT_POLICY, alsaceMoselle: true, closureDays: ['2026-08-14'], dueSoonHours: 48 };
    const acpr = policyFromPreset('acpr', base);
    expect(acpr).toEqual({
      ...POLICY_PRESETS.acpr,
      alsaceMoselle: true,
      closureDays: ['2026-08-14'],
      dueSoonHours: 48,
    });
    acpr.closureDays.push('2026-12-24');
    expect(base.closureDays).toEqual(['2026-08-14']); // a copy, not a shared array
  });

  it('keeps the durations of the base policy for a custom preset', () => {
    const base = { ...DEFAULT_POLICY, answer: { amount: 15, unit: 'jours' as const } };
    expect(policyFromPreset('custom', base)).toMatchObject({ preset: 'custom', answer: { amount: 15, unit: 'jours' } });
    expect(policyFromPreset('custom').ack).toEqual({ amount: 48, unit: 'heures' });
  });

  it('refuses a policy with an impossible closure day or threshold', () => {
    expect(DeadlinePolicySchema.safeParse({ ...DEFAULT_POLICY, closureDays: ['2026-02-30'] }).success).toBe(false);
    expect(DeadlinePolicySchema.safeParse({ ...DEFAULT_POLICY, dueSoonHours: 0 }).success).toBe(false);
    expect(DeadlinePolicySchema.safeParse({ ...DEFAULT_POLICY, dueSoonHours: 24 * 31 }).success).toBe(false);
    const bad = DeadlinePolicySchema.safeParse({ ...DEFAULT_POLICY, closureDays: ['demain'] });
    expect(bad.error?.issues[0]?.message).toBe(
      'Jour invalide : « demain ». Attendu : une date réelle au format AAAA-MM-JJ.',
    );
  });
});
