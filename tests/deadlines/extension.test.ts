// Extending the answer clock under the payment services preset (CMF art. L133-45): only after a holding reply
// sent before the 15 jours ouvrables run out, and never past 35 jours ouvrables after receipt.
import { describe, expect, it } from 'vitest';
import { extensionLimit, POLICY_PRESETS } from '../../lib/deadlines';
import { UserError } from '../../lib/i18n';
import { createRecord, extendRecord } from '../../lib/register/records';
import { ctx, newInput } from '../support/complaints';

const ids = { id: '3b7f9d1e-6c2a-4f8b-a1d3-5e9c7b2f4a60', reference: 'REC-2026-0007' };
// Received Wed 29 Apr 2026 (Paris): answer due Wed 20 May (15 jours ouvrables), at the latest Sat 13 Jun (35).
const RECEIVED = '2026-04-29T08:00:00.000Z';
const payment = (policy = POLICY_PRESETS.servicesPaiement) =>
  createRecord(newInput({ receivedAt: RECEIVED }), ids, policy, ctx(new Date(RECEIVED))).complaint;
const later = ctx(new Date('2026-05-18T09:00:00Z'));
const holdingReply = '2026-05-18T08:00:00.000Z';

describe('extending a payment services complaint', () => {
  it('allows up to 35 jours ouvrables after receipt, Whit Monday skipped', () => {
    const c = payment();
    expect(c.clocks.answer.dueDay).toBe('2026-05-20');
    expect(extensionLimit(c.receivedAt, c.policy.answer, c.policy)).toEqual({
      dueDay: '2026-06-13',
      dueAt: '2026-06-13T21:59:59.999Z',
    });
    const { complaint } = extendRecord(
      c,
      'answer',
      { newDueAt: '2026-06-13T21:00:00Z', reason: 'Enquête auprès du réseau de cartes', customerToldAt: holdingReply },
      later,
    );
    expect(complaint.clocks.answer.dueDay).toBe('2026-06-13');
  });

  it('refuses a date past 35 jours ouvrables, in French', () => {
    const extend = () =>
      extendRecord(
        payment(),
        'answer',
        { newDueAt: '2026-06-15T10:00:00Z', reason: 'Enquête', customerToldAt: holdingReply },
        later,
      );
    expect(extend).toThrow(UserError);
    expect(extend).toThrow(
      'Prolongation refusée : la réponse définitive est due au plus tard le sam. 13 juin 2026, 35 jours ouvrables après la réception (art. L133-45 du Code monétaire et financier).',
    );
  });

  it('refuses an extension without a holding reply, in French', () => {
    const extend = () =>
      extendRecord(
        payment(),
        'answer',
        { newDueAt: '2026-06-01T10:00:00Z', reason: 'Enquête', customerToldAt: '' },
        later,
      );
    expect(extend).toThrow(/^Prolongation refusée : indiquez la date de la réponse d’attente envoyée au client/);
    expect(extend).toThrow(/au plus tard le mer\. 20 mai 2026\.$/);
  });

  it('refuses a holding reply sent after the 15 jours ouvrables ran out', () => {
    try {
      extendRecord(
        payment(),
        'answer',
        { newDueAt: '2026-06-01T10:00:00Z', reason: 'Enquête', customerToldAt: '2026-05-21T08:00:00Z' },
        ctx(new Date('2026-05-21T09:00:00Z')),
      );
      expect.unreachable();
    } catch (error) {
      expect((error as UserError).key).toBe('deadlines.extension.holdingReplyLate');
      expect((error as UserError).message).toContain('à l’échéance initiale, le mer. 20 mai 2026');
    }
  });

  it('leaves the acknowledgement clock and the other presets free to extend', () => {
    const far = { newDueAt: '2026-09-01T10:00:00Z', reason: 'Congés', customerToldAt: holdingReply };
    expect(extendRecord(payment(), 'ack', far, ctx(new Date(RECEIVED))).complaint.clocks.ack.dueDay).toBe('2026-09-01');
    const procedure = payment(POLICY_PRESETS.procedure);
    expect(extendRecord(procedure, 'answer', far, later).complaint.clocks.answer.dueDay).toBe('2026-09-01');
  });
});
