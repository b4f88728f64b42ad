import { describe, expect, it } from 'vitest';
import { t, UserError } from '@/lib/i18n';
import { allowedTargets, checkTransition, nextDueAt, TRANSITIONS } from '@/lib/register/phases';
import { TransitionRefused, transitionRecord } from '@/lib/register/records';
import { type Complaint, PHASES, type Phase } from '@/lib/register/schema';
import { complaint, ctx, readyToAnswer } from '../support/complaints';

const inPhase = (phase: Phase, c: Complaint = complaint()): Complaint => ({ ...c, phase });
const missing = (c: Complaint, to: Phase) => {
  const check = checkTransition(c, to);
  return check.ok ? [] : check.reason === 'missing' ? check.missing : ['notAllowed'];
};

describe('the handling process as a state machine', () => {
  it('follows the procedure: registered → acknowledged → investigating → answered → following up → closed', () => {
    let c = complaint();
    c = transitionRecord(c, 'acknowledged', ctx()).complaint;
    c = transitionRecord(c, 'investigating', ctx()).complaint;
    c = transitionRecord(readyToAnswer(c), 'answered', ctx()).complaint;
    const action = {
      id: crypto.randomUUID(),
      description: 'Revoir l’emballage',
      owner: 'Logistique',
      dueDay: null,
      doneAt: null,
      effectiveness: { checkedAt: null, effective: null, note: '' },
    };
    c = transitionRecord({ ...c, followUp: [action] }, 'followingUp', ctx()).complaint;
    expect(missing(c, 'closed')).toEqual(['register.guard.openActions']);
    c = { ...c, followUp: [{ ...action, doneAt: '2026-03-20T10:00:00.000Z' }] };
    c = transitionRecord(c, 'closed', ctx()).complaint;
    expect(c.phase).toBe('closed');
    expect(c.closure.closedAt).not.toBeNull();
  });

  it('lists exactly the allowed targets of each phase', () => {
    expect(allowedTargets('registered').sort()).toEqual(['acknowledged', 'notComplaint']);
    expect(allowedTargets('acknowledged').sort()).toEqual(['investigating', 'notComplaint']);
    expect(allowedTargets('investigating').sort()).toEqual(['answered', 'unfounded']);
    expect(allowedTargets('answered').sort()).toEqual(['closed', 'followingUp', 'mediation']);
    expect(allowedTargets('followingUp').sort()).toEqual(['closed', 'mediation']);
    expect(allowedTargets('mediation').sort()).toEqual(['closed', 'followingUp']);
    expect(allowedTargets('closed')).toEqual(['mediation']);
    expect(allowedTargets('unfounded').sort()).toEqual(['closed', 'mediation']);
    expect(allowedTargets('notComplaint')).toEqual(['registered']);
  });

  it('refuses every transition that the process does not allow, with a French message', () => {
    for (const from of PHASES) {
      for (const to of PHASES) {
        if (TRANSITIONS.some((t) => t.to === to && t.from.includes(from))) continue;
        const error = (() => {
          try {
            transitionRecord(inPhase(from), to, ctx());
          } catch (e) {
            return e;
          }
        })();
        expect(error, `${from} → ${to}`).toBeInstanceOf(UserError);
        expect((error as UserError).key).toBe('register.transition.notAllowed');
        expect((error as UserError).message).toMatch(/^Passage impossible/);
      }
    }
  });

  it('refuses an answer without a decision and names everything that is missing', () => {
    const c = inPhase('investigating');
    expect(missing(c, 'answered')).toEqual([
      'register.guard.justified',
      'register.guard.severity',
      'register.guard.rootCause',
      'register.guard.scope',
      'register.guard.outcome',
      'register.guard.reasons',
    ]);
    try {
      transitionRecord(c, 'answered', ctx());
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TransitionRefused);
      expect((error as TransitionRefused).message).toBe('Étape refusée : 6 élément(s) manquant(s).');
    }
  });

  it('requires causes and corrective actions when a non-conformity is confirmed', () => {
    const c = readyToAnswer();
    expect(missing({ ...c, decision: { ...c.decision, nonConformity: true } }, 'answered')).toEqual([
      'register.guard.causes',
      'register.guard.correctiveActions',
    ]);
  });

  it('requires a compensation for a favourable decision, with an amount or a description', () => {
    const c = readyToAnswer();
    expect(missing({ ...c, compensation: { ...c.compensation, kind: 'none' } }, 'answered')).toEqual([
      'register.guard.compensation',
    ]);
    expect(
      missing({ ...c, compensation: { ...c.compensation, kind: 'financial', amountEuros: null } }, 'answered'),
    ).toEqual(['register.guard.compensationAmount']);
    expect(
      missing({ ...c, compensation: { ...c.compensation, kind: 'commercial', description: '' } }, 'answered'),
    ).toEqual(['register.guard.compensationDescription']);
    expect(
      missing(
        {
          ...c,
          decision: { ...c.decision, outcome: 'unfavourable' },
          compensation: { ...c.compensation, kind: 'none' },
        },
        'answered',
      ),
    ).toEqual([]);
  });

  it('refuses to answer while a financial compensation lacks its amount, payment method or payment date', () => {
    const c = readyToAnswer();
    const financial = (k: Partial<Complaint['compensation']>) =>
      missing({ ...c, compensation: { ...c.compensation, kind: 'financial', ...k } }, 'answered');
    expect(financial({})).toEqual([]);
    expect(financial({ method: null })).toEqual(['register.guard.compensationMethod']);
    expect(financial({ dueDay: null })).toEqual(['register.guard.compensationDueDay']);
    expect(financial({ amountEuros: 0, method: null, dueDay: null })).toEqual([
      'register.guard.compensationAmount',
      'register.guard.compensationMethod',
      'register.guard.compensationDueDay',
    ]);
    expect(t('register.guard.compensationMethod')).toBe(
      'Indiquez le mode de paiement du dédommagement (moyen de paiement d’origine, virement, chèque, avoir).',
    );
    expect(t('register.guard.compensationDueDay')).toBe('Indiquez la date à laquelle le dédommagement sera versé.');
  });

  it('accepts a remedy owed by law instead of a compensation for a favourable decision', () => {
    const c = readyToAnswer();
    const replacement = {
      ...c.compensation,
      kind: 'legal' as const,
      amountEuros: null,
      method: null,
      legalRemedy: 'replacement' as const,
      legalBasis: 'conformity' as const,
      dueDay: '2026-03-12',
    };
    expect(missing({ ...c, compensation: replacement }, 'answered')).toEqual([]);
    expect(transitionRecord({ ...c, compensation: replacement }, 'answered', ctx()).complaint.phase).toBe('answered');
  });

  it('refuses to answer while a remedy owed by law lacks its remedy or its legal ground', () => {
    const c = readyToAnswer();
    const legal = { ...c.compensation, kind: 'legal' as const, legalRemedy: null, legalBasis: null, dueDay: null };
    expect(missing({ ...c, compensation: legal }, 'answered')).toEqual([
      'register.guard.legalRemedy',
      'register.guard.legalBasis',
    ]);
    expect(t('register.guard.legalBasis')).toBe(
      'Indiquez le fondement du remède : garantie légale de conformité ou colis endommagé pendant le transport.',
    );
  });

  it('refuses to answer while a refund owed by law lacks its amount, method or date', () => {
    const c = readyToAnswer();
    const refund = (k: Partial<Complaint['compensation']>) =>
      missing(
        {
          ...c,
          compensation: {
            ...c.compensation,
            kind: 'legal',
            legalRemedy: 'refund',
            legalBasis: 'transport',
            amountEuros: 89,
            method: 'originalPayment',
            dueDay: '2026-03-09',
            ...k,
          },
        },
        'answered',
      );
    expect(refund({})).toEqual([]);
    expect(refund({ amountEuros: null, method: null, dueDay: null })).toEqual([
      'register.guard.refundAmount',
      'register.guard.refundMethod',
      'register.guard.refundDueDay',
    ]);
    expect(t('register.guard.refundDueDay')).toBe('Indiquez la date à laquelle le remboursement sera effectué.');
  });

  it('refuses to answer while a replacement or a repair owed by law has no date', () => {
    const c = readyToAnswer();
    for (const legalRemedy of ['replacement', 'repair'] as const) {
      const compensation = {
        ...c.compensation,
        kind: 'legal' as const,
        legalRemedy,
        legalBasis: 'conformity' as const,
      };
      expect(missing({ ...c, compensation: { ...compensation, dueDay: null } }, 'answered')).toEqual([
        'register.guard.remedyDueDay',
      ]);
    }
    // A replacement needs no amount or payment method.
    expect(
      missing(
        {
          ...c,
          compensation: {
            ...c.compensation,
            kind: 'legal',
            legalRemedy: 'repair',
            legalBasis: 'conformity',
            amountEuros: null,
            method: null,
          },
        },
        'answered',
      ),
    ).toEqual([]);
    expect(t('register.guard.remedyDueDay')).toBe('Indiquez la date prévue du remplacement ou de la réparation.');
  });

  it('files a message that is not a complaint only with a reason, and stops its clocks', () => {
    const c = complaint();
    expect(missing(c, 'notComplaint')).toEqual(['register.guard.stillAComplaint', 'register.guard.qualificationNote']);
    const filed = transitionRecord(
      { ...c, isComplaint: false, qualificationNote: 'Simple question sur un délai' },
      'notComplaint',
      ctx(),
    ).complaint;
    expect(filed.nextDueAt).toBeUndefined();
    expect(missing(filed, 'registered')).toEqual(['register.guard.notAComplaint']);
    expect(transitionRecord({ ...filed, isComplaint: true }, 'registered', ctx()).complaint.phase).toBe('registered');
  });

  it('closes an unfounded complaint only with a reasoned unfavourable decision', () => {
    const c = inPhase('investigating');
    expect(missing(c, 'unfounded')).toEqual([
      'register.guard.unfoundedNeedsNotJustified',
      'register.guard.unfoundedNeedsUnfavourable',
      'register.guard.reasons',
    ]);
    const unfounded = transitionRecord(
      {
        ...c,
        justified: 'no',
        decision: { ...c.decision, outcome: 'unfavourable', reasons: 'Produit utilisé hors garantie' },
      },
      'unfounded',
      ctx(),
    ).complaint;
    expect(unfounded.clocks.answer.metAt).not.toBeNull();
    expect(transitionRecord(unfounded, 'closed', ctx()).complaint.phase).toBe('closed');
  });

  it('sends a contested answer to mediation only with its referral date, and closes it only with an outcome', () => {
    const answered = inPhase('answered');
    expect(missing(answered, 'mediation')).toEqual(['register.guard.mediationReferredAt']);
    const referred = transitionRecord(
      { ...answered, mediation: { ...answered.mediation, referredAt: '2026-04-01T08:00:00.000Z' } },
      'mediation',
      ctx(),
    ).complaint;
    expect(missing(referred, 'closed')).toEqual(['register.guard.mediationOutcome']);
    expect(
      transitionRecord({ ...referred, mediation: { ...referred.mediation, outcome: 'agreement' } }, 'closed', ctx())
        .complaint.phase,
    ).toBe('closed');
  });

  it('reopens a closed complaint when the customer refers it to the mediator', () => {
    const closed = { ...inPhase('closed'), closure: { closedAt: '2026-03-20T10:00:00.000Z', summary: '' } };
    const reopened = transitionRecord(
      { ...closed, mediation: { ...closed.mediation, referredAt: '2026-05-01T08:00:00.000Z' } },
      'mediation',
      ctx(),
    ).complaint;
    expect(reopened.closure.closedAt).toBeNull();
  });

  it('stamps the acknowledgement and the answer on their clocks at the time given', () => {
    const acked = transitionRecord(complaint(), 'acknowledged', ctx(), '2026-03-02T15:00:00.000Z').complaint;
    expect(acked.clocks.ack.metAt).toBe('2026-03-02T15:00:00.000Z');
    expect(acked.nextDueAt).toBe(acked.clocks.answer.dueAt);
    const answered = transitionRecord(readyToAnswer({ ...acked, phase: 'investigating' }), 'answered', ctx()).complaint;
    expect(answered.clocks.answer.metAt).not.toBeNull();
    expect(nextDueAt(answered)).toBeUndefined();
  });
});
