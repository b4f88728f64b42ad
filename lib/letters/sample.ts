// A realistic sample complaint for the template editor's live preview: a parcel that arrived damaged,
// answered with the decision the letter is written for. Pure: fixed dates and ids, no browser API.
// Blank company and signature settings are filled from a fictitious company so a preview is always readable.
import { DEFAULT_POLICY, type DeadlinePolicy } from '../deadlines/policy';
import type { Lang } from '../i18n';
import { createRecord } from '../register/records';
import { type Complaint, ComplaintSchema } from '../register/schema';
import type { Settings } from '../settings/schema';
import type { TemplateMeta } from './meta';
import { type RenderResult, renderLetter } from './render';

/** Received on Monday 2 March 2026 at 10:00 in Paris; letters are written on Thursday 5 March 2026. */
export const SAMPLE_RECEIVED_AT = '2026-03-02T09:00:00.000Z';
export const SAMPLE_NOW = new Date('2026-03-05T10:00:00.000Z');

const SAMPLE_ID = '7b0f3c2e-5d7a-4c1b-9e8f-2a6d4b1c0e01';
const ACTION_IDS = ['7b0f3c2e-5d7a-4c1b-9e8f-2a6d4b1c0e02', '7b0f3c2e-5d7a-4c1b-9e8f-2a6d4b1c0e03'];

interface SampleText {
  subject: string;
  product: string;
  excerpt: string;
  remedyRequested: string;
  extensionReason: string;
  reasons: string;
  causes: string;
  correctiveActions: string;
  commercial: string;
  doneAction: string;
  pendingAction: string;
  inputs: Record<string, string>;
}

const TEXT: Record<Lang, SampleText> = {
  fr: {
    subject: 'Colis arrivé endommagé (commande CMD-7781)',
    product: 'Service de table en porcelaine, 18 pièces',
    excerpt:
      'Bonjour, le colis reçu ce matin était écrasé et trois assiettes sont cassées. Je demande le remplacement.',
    remedyRequested: 'Le remplacement des trois assiettes cassées.',
    extensionReason: 'Nous attendons le rapport du transporteur sur l’état du colis à sa livraison.',
    reasons: 'Le transporteur a confirmé que le colis avait été endommagé pendant la livraison.',
    causes: 'Calage insuffisant des articles fragiles dans le carton.',
    correctiveActions: 'Nouveau calage renforcé pour toute la vaisselle expédiée.',
    commercial: 'un bon d’achat de 20 € valable un an',
    doneAction: 'Former l’équipe d’expédition au nouveau calage',
    pendingAction: 'Contrôler les colis de vaisselle pendant un mois',
    inputs: {
      informations: 'Une photo du colis et des assiettes endommagées.',
      modalites: 'Vous recevrez un e-mail de confirmation dès le versement effectué.',
      precisions: 'Notre réponse du 5 mars 2026 reste inchangée.',
      bilan: 'Nous avons remplacé les trois assiettes et changé de transporteur pour votre région.',
    },
  },
  en: {
    subject: 'Parcel arrived damaged (order CMD-7781)',
    product: '18-piece porcelain dinner set',
    excerpt:
      'Hello, the parcel I received this morning was crushed and three plates are broken. I ask for a replacement.',
    remedyRequested: 'Replacement of the three broken plates.',
    extensionReason: 'We are waiting for the carrier’s report on the state of the parcel on delivery.',
    reasons: 'The carrier confirmed that the parcel was damaged during delivery.',
    causes: 'Fragile items were not wedged firmly enough in the box.',
    correctiveActions: 'Reinforced wedging for all tableware we ship.',
    commercial: 'a €20 voucher valid for one year',
    doneAction: 'Train the shipping team on the new wedging',
    pendingAction: 'Check tableware parcels for one month',
    inputs: {
      informations: 'A photo of the parcel and of the damaged plates.',
      modalites: 'You will receive a confirmation email as soon as the payment is made.',
      precisions: 'Our answer of 5 March 2026 stands.',
      bilan: 'We replaced the three plates and changed carrier for your area.',
    },
  },
};

const SAMPLE_COMPANY = {
  company: {
    name: 'Maison Dupont SAS',
    address: '12 rue de la Paix, 75002 Paris',
    email: 'service-client@maison-dupont.fr',
    phone: '01 23 45 67 89',
    website: 'www.maison-dupont.fr',
  },
  signature: { name: 'Julie Bernard', title: 'Responsable du service client' },
};

/** The agent's settings, with each blank company or signature field taken from the sample company. */
export function sampleSettings(settings: Settings): Settings {
  const fill = <T extends Record<string, string>>(own: T, sample: T): T =>
    Object.fromEntries(Object.entries(own).map(([k, v]) => [k, v.trim() ? v : (sample[k] ?? '')])) as T;
  return {
    ...settings,
    company: fill(settings.company, SAMPLE_COMPANY.company),
    signature: fill(settings.signature, SAMPLE_COMPANY.signature),
  };
}

/** A complaint answered with the first decision `meta` is written for (favourable when any fits). */
export function sampleComplaint(meta: TemplateMeta, lang: Lang, policy: DeadlinePolicy = DEFAULT_POLICY): Complaint {
  const text = TEXT[lang];
  const { complaint } = createRecord(
    {
      receivedAt: SAMPLE_RECEIVED_AT,
      channel: 'email',
      source: { webmail: 'gmail', messageId: 'msg-f:sample', threadId: 'thread-f:sample' },
      customer: {
        civility: 'madame',
        name: 'Claire Martin',
        email: 'claire.martin@example.fr',
        customerNumber: 'C-10452',
        orderNumber: 'CMD-7781',
      },
      subject: text.subject,
      category: 'livraison',
      product: text.product,
      excerpt: text.excerpt,
      remedyRequested: text.remedyRequested,
      justified: 'yes',
      severity: 2,
    },
    { id: SAMPLE_ID, reference: 'REC-2026-0042' },
    policy,
    { now: new Date(SAMPLE_RECEIVED_AT), actor: 'Julie Bernard', newId: () => SAMPLE_ID },
  );
  const outcome = meta.outcomes?.[0] ?? 'favourable';
  return ComplaintSchema.parse({
    ...complaint,
    phase: 'investigating',
    decision: {
      outcome,
      reasons: text.reasons,
      nonConformity: true,
      causes: text.causes,
      correctiveActions: text.correctiveActions,
    },
    compensation:
      outcome === 'unfavourable'
        ? { kind: 'commercial', amountEuros: null, description: text.commercial, executedAt: null }
        : {
            kind: 'financial',
            amountEuros: 45,
            description: '',
            method: 'transfer',
            dueDay: '2026-03-19',
            executedAt: '2026-03-09T10:00:00.000Z',
          },
    // The answer deadline extended once, so the extension letter has something to announce.
    clocks: {
      ...complaint.clocks,
      answer: {
        ...complaint.clocks.answer,
        dueAt: '2026-03-26T22:59:59.999Z',
        dueDay: '2026-03-26',
        extensions: [
          {
            newDueAt: '2026-03-26T22:59:59.999Z',
            reason: text.extensionReason,
            customerToldAt: SAMPLE_NOW.toISOString(),
            at: SAMPLE_NOW.toISOString(),
          },
        ],
      },
    },
    followUp: [
      {
        id: ACTION_IDS[0],
        description: text.doneAction,
        owner: 'Logistique',
        dueDay: '2026-03-20',
        doneAt: '2026-03-18T15:00:00.000Z',
      },
      { id: ACTION_IDS[1], description: text.pendingAction, owner: 'Qualité', dueDay: '2026-04-17', doneAt: null },
    ],
  });
}

/** What the agent would type at insertion, for each input the template declares. */
export function sampleInputs(meta: TemplateMeta, lang: Lang): Record<string, string> {
  const byId = TEXT[lang].inputs;
  return Object.fromEntries(
    meta.inputs.map((input) => {
      if (input.kind === 'date') return [input.id, '2026-03-20'];
      if (input.kind === 'amount') return [input.id, '45'];
      return [input.id, byId[input.id] ?? input.label[lang]];
    }),
  );
}

/** Renders `source` as template `meta` for the sample complaint, as the editor's live preview. */
export function previewLetter(
  meta: TemplateMeta,
  lang: Lang,
  source: string,
  version: number,
  settings: Settings,
): Promise<RenderResult> {
  return renderLetter(meta.id, sampleComplaint(meta, lang, settings.policy), sampleSettings(settings), {
    now: SAMPLE_NOW,
    lang,
    inputs: sampleInputs(meta, lang),
    override: { source, version },
  });
}
