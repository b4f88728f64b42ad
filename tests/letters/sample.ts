// A complete sample for the letters: a complaint received on Monday 2 March 2026 (answer due 12 March),
// settings of a fictitious Paris company, the inputs an agent would type, and letters written on 5 March 2026.
import type { Lang } from '@/lib/i18n';
import { renderLetter } from '@/lib/letters/render';
import type { Complaint } from '@/lib/register/schema';
import { type Settings, SettingsSchema } from '@/lib/settings/schema';
import { complaint, readyToAnswer } from '../support/complaints';

export const NOW = new Date('2026-03-05T10:00:00Z');

export const SETTINGS: Settings = SettingsSchema.parse({
  company: {
    name: 'Maison Dupont SAS',
    address: '12 rue de la Paix, 75002 Paris',
    email: 'service-client@maison-dupont.fr',
    phone: '01 23 45 67 89',
  },
  signature: { name: 'Julie Bernard', title: 'Responsable du service client' },
});

export const SAMPLE_INPUTS = {
  informations: 'Une photo du colis et du produit endommagés.',
  dateLimite: '2026-03-20',
  modalites: 'Vous recevrez un e-mail de confirmation dès le versement effectué.',
  precisions: 'Notre réponse du 10 mars 2026 reste inchangée.',
  bilan: 'Nous avons changé de transporteur pour votre région.',
};

/** A complaint received by email, answered favourably with 30 € paid by transfer by 20 March, a confirmed
 *  non-conformity and a done action; the customer's civility is not known. */
export function sampleComplaint(overrides: Partial<Complaint> = {}): Complaint {
  const base = readyToAnswer(
    complaint({
      customer: { name: 'Claire Martin', email: 'claire.martin@example.fr', orderNumber: 'CMD-7781' },
      remedyRequested: 'Le remplacement du produit ou son remboursement.',
    }),
  );
  return {
    ...base,
    decision: {
      outcome: 'favourable',
      reasons: 'Le colis a été abîmé pendant le transport.',
      nonConformity: true,
      causes: 'Calage insuffisant du carton.',
      correctiveActions: 'Nouveau calage pour les articles fragiles.',
    },
    compensation: {
      kind: 'financial',
      amountEuros: 30,
      description: '',
      executedAt: '2026-03-09T10:00:00.000Z',
      method: 'transfer',
      dueDay: '2026-03-20',
      legalRemedy: null,
      legalBasis: null,
    },
    followUp: [
      {
        id: crypto.randomUUID(),
        description: 'Former l’équipe d’expédition au nouveau calage',
        owner: 'Logistique',
        dueDay: '2026-03-20',
        doneAt: '2026-03-18T15:00:00.000Z',
        effectiveness: { checkedAt: null, effective: null, note: '' },
      },
    ],
    ...overrides,
  };
}

export function withDecision(c: Complaint, decision: Partial<Complaint['decision']>): Complaint {
  return { ...c, decision: { ...c.decision, ...decision } };
}

export function withCompensation(c: Complaint, compensation: Partial<Complaint['compensation']>): Complaint {
  return { ...c, compensation: { ...c.compensation, ...compensation } };
}

export function withCustomer(c: Complaint, customer: Partial<Complaint['customer']>): Complaint {
  return { ...c, customer: { ...c.customer, ...customer } };
}

/** The answer deadline extended from 12 to 26 March, the customer told on 5 March. */
export const EXTENSION = {
  newDueAt: '2026-03-26T22:59:59.999Z',
  reason: 'Nous attendons le rapport d’expertise du transporteur.',
  customerToldAt: '2026-03-05T10:00:00.000Z',
  at: '2026-03-05T10:00:00.000Z',
};

export function withExtension(c: Complaint, extension = EXTENSION): Complaint {
  const answer = c.clocks.answer;
  return {
    ...c,
    clocks: {
      ...c.clocks,
      answer: {
        ...answer,
        dueAt: extension.newDueAt,
        dueDay: extension.newDueAt.slice(0, 10),
        extensions: [...answer.extensions, extension],
      },
    },
  };
}

/** Renders with the sample inputs and date unless told otherwise. */
export function render(
  id: string,
  c: Complaint,
  lang: Lang,
  more: { settings?: Settings; inputs?: Record<string, string>; override?: { source: string; version: number } } = {},
) {
  return renderLetter(id, c, more.settings ?? SETTINGS, {
    now: NOW,
    lang,
    inputs: more.inputs ?? SAMPLE_INPUTS,
    ...(more.override ? { override: more.override } : {}),
  });
}

/** Renders and fails the test with the refusal message when the letter is refused. */
export async function rendered(...args: Parameters<typeof render>) {
  const result = await render(...args);
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  return result;
}
