// Metadata of the shipped letters (the text lives beside this file in fr/ and en/*.mustache).
// Bump a template's `version` whenever its wording changes: the register records which version was sent.
import type { LetterFlag } from '../lib/letters/context';
import { type TemplateMeta, type TemplateMetaInput, TemplateMetaSchema } from '../lib/letters/meta';

const req = (name: string, when?: LetterFlag) => ({ name, required: true, ...(when ? { when } : {}) });
const opt = (name: string) => ({ name, required: false });

/** Heading of every letter: addressee, date, subject line, reference and the date of the complaint. */
const HEADING = [req('customer.name'), opt('today'), req('reference'), req('receivedDate'), req('subject')];
/** Signature from the settings: a letter signed by nobody is not sent. */
const SIGNATURE = [
  req('signature.name'),
  opt('signature.title'),
  req('company.name'),
  opt('company.address'),
  opt('company.phone'),
  opt('company.email'),
];
const COMPENSATION = [
  opt('isFinancial'),
  opt('isCommercial'),
  req('compensation.amount', 'isFinancial'),
  req('compensation.description', 'isCommercial'),
];

const METAS: TemplateMetaInput[] = [
  {
    id: 'accuse-reception',
    version: 1,
    phase: 'acknowledgement',
    title: { fr: 'Accusé de réception (sous 48 h)', en: 'Acknowledgement of receipt (within 48 h)' },
    variables: [...HEADING, opt('customer.orderNumber'), req('answerDueDate'), ...SIGNATURE],
  },
  {
    id: 'demande-informations',
    version: 1,
    phase: 'information',
    title: { fr: 'Demande d’informations complémentaires', en: 'Request for further information' },
    variables: [...HEADING, ...SIGNATURE],
    inputs: [
      {
        id: 'informations',
        label: { fr: 'Informations demandées au client', en: 'Information requested from the customer' },
        kind: 'textarea',
        required: true,
      },
      {
        id: 'dateLimite',
        label: { fr: 'Réponse souhaitée avant le', en: 'Reply requested by' },
        kind: 'date',
        required: false,
      },
    ],
  },
  {
    id: 'reponse-favorable',
    version: 1,
    phase: 'answer',
    title: { fr: 'Réponse favorable avec dédommagement', en: 'Favourable answer with compensation' },
    outcomes: ['favourable', 'partial'],
    mediator: 'whenNotFavourable',
    variables: [
      ...HEADING,
      opt('isFavourable'),
      opt('isPartial'),
      req('decision.reasons'),
      req('hasCompensation'),
      ...COMPENSATION,
      opt('needsMediation'),
      ...SIGNATURE,
    ],
    inputs: [
      {
        id: 'modalites',
        label: { fr: 'Modalités du dédommagement (délai, moyen)', en: 'How and when the compensation is given' },
        kind: 'textarea',
        required: false,
      },
    ],
  },
  {
    id: 'reponse-defavorable',
    version: 1,
    phase: 'answer',
    title: { fr: 'Réponse défavorable motivée', en: 'Reasoned unfavourable answer' },
    outcomes: ['unfavourable', 'partial'],
    mediator: 'always',
    variables: [
      ...HEADING,
      opt('isPartial'),
      opt('isUnfavourable'),
      req('decision.reasons'),
      ...COMPENSATION,
      ...SIGNATURE,
    ],
  },
  {
    id: 'reponse-non-conformite',
    version: 1,
    phase: 'answer',
    title: { fr: 'Réponse avec non-conformité reconnue', en: 'Answer confirming a non-conformity' },
    outcomes: ['favourable', 'partial', 'unfavourable'],
    mediator: 'whenNotFavourable',
    variables: [
      ...HEADING,
      req('hasNonConformity'),
      req('decision.causes'),
      req('decision.correctiveActions'),
      opt('isFavourable'),
      opt('isPartial'),
      opt('isUnfavourable'),
      req('decision.reasons'),
      ...COMPENSATION,
      opt('needsMediation'),
      ...SIGNATURE,
    ],
  },
  {
    id: 'information-mediation',
    version: 1,
    phase: 'mediation',
    title: { fr: 'Information sur la médiation', en: 'Information on mediation' },
    mediator: 'always',
    variables: [...HEADING, ...SIGNATURE],
    inputs: [
      {
        id: 'precisions',
        label: { fr: 'Précisions pour le client (facultatif)', en: 'Details for the customer (optional)' },
        kind: 'textarea',
        required: false,
      },
    ],
  },
  {
    id: 'cloture-suivi',
    version: 1,
    phase: 'followUp',
    title: { fr: 'Clôture et suivi', en: 'Closure and follow-up' },
    mediator: 'whenNotFavourable',
    variables: [
      ...HEADING,
      opt('followUp.hasDone'),
      opt('followUp.done'),
      opt('hasNonConformity'),
      req('decision.correctiveActions', 'hasNonConformity'),
      opt('followUp.hasPending'),
      opt('followUp.pending'),
      opt('compensation.executedDate'),
      opt('needsMediation'),
      ...SIGNATURE,
    ],
    inputs: [
      {
        id: 'bilan',
        label: { fr: 'Ce qui a été fait (bilan pour le client)', en: 'What was done (summary for the customer)' },
        kind: 'textarea',
        required: true,
      },
    ],
  },
];

export const TEMPLATE_METAS: readonly TemplateMeta[] = METAS.map((m) => TemplateMetaSchema.parse(m));
