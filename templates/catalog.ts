// Metadata of the shipped letters (the text lives beside this file in fr/ and en/*.mustache).
// Bump a template's `version` whenever its wording changes: the register records which version was sent.
import type { LetterFlag } from '../lib/letters/context';
import { type TemplateMeta, type TemplateMetaInput, TemplateMetaSchema } from '../lib/letters/meta';

const req = (name: string, when?: LetterFlag) => ({ name, required: true, ...(when ? { when } : {}) });
const opt = (name: string) => ({ name, required: false });

/** Every letter's heading. */
const HEADING = [
  req('customer.addressee'),
  opt('customer.company'),
  opt('customer.salutation'),
  opt('customer.valediction'),
  opt('today'),
  req('reference'),
  req('receivedDate'),
  req('subject'),
];
/** Signature from the settings: a letter signed by nobody is not sent. */
const SIGNATURE = [
  req('signature.name'),
  opt('signature.title'),
  req('company.name'),
  opt('company.address'),
  opt('company.phone'),
  opt('company.email'),
];
/** What an answer grants. A remedy the law owes (L217-3 s., L216-2) is named with its legal ground, never
 *  called a "geste commercial". */
const COMPENSATION = [
  opt('isFinancial'),
  opt('isCommercial'),
  opt('isLegal'),
  opt('paysMoney'),
  req('compensation.amount', 'paysMoney'),
  req('compensation.method', 'paysMoney'),
  req('compensation.description', 'isCommercial'),
  req('compensation.legalRemedy', 'isLegal'),
  req('compensation.legalBasis', 'isLegal'),
];
/** The answer letters restate the customer's claim before the decision. */
const CLAIM = [req('remedyRequested')];

const METAS: TemplateMetaInput[] = [
  {
    id: 'accuse-reception',
    version: 2,
    phase: 'acknowledgement',
    title: { fr: 'Accusé de réception (sous 48 h)', en: 'Acknowledgement of receipt (within 48 h)' },
    variables: [...HEADING, opt('customer.orderNumber'), req('answerDueDate'), ...SIGNATURE],
  },
  {
    id: 'demande-informations',
    version: 2,
    phase: 'information',
    title: { fr: 'Demande d’informations complémentaires', en: 'Request for further information' },
    // The answer date the customer was last told (extensions included), and that only we can extend it.
    variables: [...HEADING, req('answerDueDate'), ...SIGNATURE],
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
    id: 'prolongation-delai',
    version: 1,
    phase: 'extension',
    title: { fr: 'Prolongation du délai de réponse', en: 'Extension of the time to answer' },
    // Taken from the newest extension of the answer deadline: refused until one is recorded.
    variables: [...HEADING, req('extension.newDueDate'), req('extension.reason'), ...SIGNATURE],
  },
  {
    id: 'reponse-favorable',
    version: 2,
    phase: 'answer',
    title: { fr: 'Réponse favorable avec dédommagement', en: 'Favourable answer with compensation' },
    outcomes: ['favourable', 'partial'],
    mediator: 'whenNotFavourable',
    variables: [
      ...HEADING,
      ...CLAIM,
      opt('isFavourable'),
      opt('isPartial'),
      req('decision.reasons'),
      req('hasCompensation'),
      ...COMPENSATION,
      req('compensation.dueDate', 'hasDatedRemedy'),
      opt('needsMediation'),
      ...SIGNATURE,
    ],
    inputs: [
      {
        id: 'modalites',
        label: { fr: 'Précisions sur les modalités (facultatif)', en: 'Further details on how it is given (optional)' },
        kind: 'textarea',
        required: false,
      },
    ],
  },
  {
    id: 'reponse-defavorable',
    version: 2,
    phase: 'answer',
    title: { fr: 'Réponse défavorable motivée', en: 'Reasoned unfavourable answer' },
    outcomes: ['unfavourable', 'partial'],
    mediator: 'always',
    variables: [
      ...HEADING,
      ...CLAIM,
      opt('isPartial'),
      opt('isUnfavourable'),
      req('decision.reasons'),
      ...COMPENSATION,
      req('compensation.dueDate', 'hasDatedRemedy'),
      ...SIGNATURE,
    ],
  },
  {
    // Offered only when the claim is at least partly granted: a letter admitting a non-conformity and then
    // refusing the claim is an admission the company would regret.
    id: 'reponse-non-conformite',
    version: 2,
    phase: 'answer',
    title: { fr: 'Réponse avec non-conformité reconnue', en: 'Answer acknowledging a fault on our side' },
    outcomes: ['favourable', 'partial'],
    mediator: 'whenNotFavourable',
    variables: [
      ...HEADING,
      ...CLAIM,
      req('hasNonConformity'),
      req('decision.causes'),
      req('decision.correctiveActions'),
      opt('isFavourable'),
      opt('isPartial'),
      req('decision.reasons'),
      req('hasCompensation'),
      ...COMPENSATION,
      // The remedy with its date, whatever its kind.
      req('compensation.dueDate', 'hasCompensation'),
      opt('needsMediation'),
      ...SIGNATURE,
    ],
  },
  {
    id: 'information-mediation',
    version: 2,
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
    version: 2,
    phase: 'followUp',
    title: { fr: 'Clôture et suivi', en: 'Closure and follow-up' },
    mediator: 'whenNotFavourable',
    variables: [
      ...HEADING,
      opt('followUp.hasDone'),
      opt('followUp.done'),
      opt('followUp.hasPending'),
      opt('followUp.pending'),
      opt('hasNonConformity'),
      req('decision.correctiveActions', 'hasNonConformity'),
      opt('compensation.executedDate'),
      opt('isFinancial'),
      opt('isCommercial'),
      opt('compensation.amount'),
      opt('compensation.description'),
      opt('compensation.isRefund'),
      opt('compensation.isReplacement'),
      opt('compensation.isRepair'),
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
