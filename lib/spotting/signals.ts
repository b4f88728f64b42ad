// Evidence that is not a complaint phrase: who writes (the company itself, a no-reply robot, a
// newsletter), the tone (exclamation marks, capitals, urgency) and the context a customer gives
// (order or invoice number, purchase date, amount). Like the cue table, these are data.
import type { MessageKey } from '../i18n';
import type { NormalisedText } from './normalise';

export interface SignalContext {
  readonly text: NormalisedText;
  readonly fromEmail?: string;
  readonly ownDomains: readonly string[];
}

export type SignalRule = {
  readonly id: string;
  readonly label: MessageKey;
  readonly weight: number;
  /** Cancelled by a negation just before it (same rule as for cues). */
  readonly negatable?: boolean;
  /** Cancelled by "mais"/"but" later in its sentence: "très satisfaite… mais quelle déception". */
  readonly contrastCancels?: boolean;
} & (
  | { readonly pattern: RegExp }
  | { readonly detect: (context: SignalContext) => string | null /* the excerpt, or null */ }
);

const AUTOMATED_LOCAL_PART =
  /^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|ne[-_.]?pas[-_.]?repondre|notifications?|notify|newsletters?|news|infolettre|mailer[-_.]?daemon|bounces?|marketing|alerts?)(?:[-_.+].*)?$/i;

function senderParts(fromEmail: string | undefined): { local: string; domain: string } | null {
  const at = fromEmail?.trim().toLowerCase().lastIndexOf('@') ?? -1;
  if (!fromEmail || at <= 0) return null;
  const address = fromEmail.trim().toLowerCase();
  return { local: address.slice(0, at), domain: address.slice(at + 1) };
}

function fromOwnDomain({ fromEmail, ownDomains }: SignalContext): string | null {
  const sender = senderParts(fromEmail);
  if (!sender) return null;
  const own = ownDomains.map((d) => d.trim().toLowerCase().replace(/^@/, '')).filter(Boolean);
  return own.some((d) => sender.domain === d || sender.domain.endsWith(`.${d}`)) ? (fromEmail ?? null) : null;
}

function fromAutomatedSender({ fromEmail }: SignalContext): string | null {
  const sender = senderParts(fromEmail);
  return sender && AUTOMATED_LOCAL_PART.test(sender.local) ? (fromEmail ?? null) : null;
}

const FIRST_PERSON = /(?:^|[^a-z'])(?:je|j'|moi|mon|ma|mes|me|m'|i|i'm|i've|i'd|my|mine)(?:$|[^a-z'])/;
const IMPERSONAL_MIN_WORDS = 60;

/** A long text with no "je"/"I" at all is an article or an information letter, not someone's grievance. */
function impersonal({ text }: SignalContext): string | null {
  const words = text.norm.match(/[a-z]+/g)?.length ?? 0;
  if (words < IMPERSONAL_MIN_WORDS || FIRST_PERSON.test(text.norm)) return null;
  return text.plain.replace(/\s+/g, ' ').trim().slice(0, 60);
}

function repeatedExclamations({ text }: SignalContext): string | null {
  const run = /!\s*!/.exec(text.plain);
  const count = text.plain.split('!').length - 1;
  if (!run && count < 3) return null;
  const at = run ? run.index : text.plain.indexOf('!');
  const end = at + (run ? run[0].length : 1);
  // The sentence that ends with the exclamation marks, cut at a word boundary if it is long.
  let from = at;
  while (from > 0 && !/[.!?\n]/.test(text.plain[from - 1] ?? '') && at - from < 80) from--;
  if (at - from >= 80) from = text.plain.indexOf(' ', from) + 1;
  return text.plain.slice(from, end).replace(/\s+/g, ' ').trim();
}

/** Common all-capital words that are names or abbreviations, not shouting. */
const ACRONYMS = new Set(
  'UFC DGCCRF SAV TVA TTC HT CGV CGU EUR USD GBP PDF URL SMS RIB IBAN BIC LRAR LR AR SNCF EDF RATP CEO USA UK FAQ API ATM PIN VIP DM SEO CB ID OK PS NB SVP TV DVD GPS USB HDMI SSD RAM CPU'.split(
    ' ',
  ),
);

function shouting({ text }: SignalContext): string | null {
  const words = text.plain.match(/(?<!\p{L})\p{Lu}{3,}(?!\p{L})/gu) ?? [];
  const loud = words.filter((w) => !ACRONYMS.has(w));
  return loud.length >= 2 ? loud.slice(0, 6).join(' ') : null;
}

export const SIGNAL_RULES: readonly SignalRule[] = [
  // Who writes.
  { id: 'ownDomain', label: 'spotting.signal.ownDomain', weight: -10, detect: fromOwnDomain },
  { id: 'automatedSender', label: 'spotting.signal.automatedSender', weight: -10, detect: fromAutomatedSender },
  {
    id: 'unsubscribeFooter',
    label: 'spotting.signal.unsubscribeFooter',
    weight: -6,
    pattern:
      /\b(?:se desabonner|vous desabonner|desabonnez-vous|desinscri\w*|ne (?:souhaitez )?plus recevoir (?:nos|ces|de)|unsubscribe|stop receiving|manage (?:your )?(?:email )?preferences|gerer (?:vos|mes) preferences)\b/,
  },
  {
    id: 'automatedNotice',
    label: 'spotting.signal.automatedNotice',
    weight: -6,
    pattern:
      /\b(?:ne pas repondre a (?:cet|ce) (?:e-?mail|message|courriel)|merci de ne pas repondre|message (?:genere )?automatique|(?:please )?do not reply|this (?:is an|email was) automat\w+|automatically generated)\b/,
  },
  {
    id: 'companyVoice',
    label: 'spotting.signal.companyVoice',
    weight: -4,
    pattern:
      /\b(?:votre (?:commande|colis|remboursement|facture|abonnement|retour|bon de retour|paiement|compte)\b[^.!?\n]{0,60}?\b(?:a (?:bien )?ete|vient d'etre|est (?:en cours|disponible|expediee?|arrivee?)|a change)|your (?:order|refund|package|parcel|invoice|subscription|payment|account)\b[^.!?\n]{0,60}?\b(?:has been|was|is (?:on its way|ready|now)))\b/,
  },
  {
    id: 'companyApology',
    label: 'spotting.signal.companyApology',
    weight: -3,
    pattern:
      /\b(?:nous sommes (?:sincerement |vraiment )?desoles|nous vous prions de (?:bien vouloir )?nous excuser|toutes nos excuses|we(?:'re| are) (?:so |very )?sorry|sorry (?:to hear|for the (?:trouble|inconvenience|confusion))|(?:we|i) apologi[sz]e|(?:happy|glad|love) to help|let us know how|send us a (?:dm|private message|direct message))\b/,
  },
  // Weight -3, and score.ts also cancels half of the complaint cues: in an article, they describe.
  { id: 'impersonal', label: 'spotting.signal.impersonal', weight: -3, detect: impersonal },
  {
    id: 'jobApplication',
    label: 'spotting.signal.jobApplication',
    weight: -4,
    pattern:
      /\b(?:ma candidature|lettre de motivation|mon cv|curriculum vitae|candidature (?:spontanee|au poste)|(?:my )?resume is attached|cover letter|apply for the|interest in the [a-z ]{0,40}position|hiring manager)\b/,
  },
  {
    id: 'satisfaction',
    label: 'spotting.signal.satisfaction',
    weight: -2,
    negatable: true,
    contrastCancels: true,
    pattern:
      /\b(?:tres satisfaite?|ravie?s?|c'est parfait|tout est parfait|impeccable|excellent(?:e)? service|(?:est|c'est) (?:regle|resolu)|great service|(?:so|very) happy|works? (?:great|perfectly)|that (?:solved|fixed) it|problem solved)\b/,
  },
  // Tone.
  { id: 'exclamations', label: 'spotting.signal.exclamations', weight: 1, detect: repeatedExclamations },
  { id: 'capitals', label: 'spotting.signal.capitals', weight: 1, detect: shouting },
  {
    id: 'urgency',
    label: 'spotting.signal.urgency',
    weight: 1,
    pattern:
      /\b(?:urgent|urgence|au plus vite|des que possible|immediatement|sans delai|asap|immediately|right now|as soon as possible)\b/,
  },
  // Context a customer gives.
  {
    id: 'orderReference',
    label: 'spotting.signal.orderReference',
    weight: 1,
    pattern:
      /\b(?:commande|cde|order|facture|invoice|contrat|contract|dossier|ticket|reference|ref)s? ?(?:n ?°|no\.?|nr|num(?:ero)?\.?|number|:)? ?#?[a-z]{0,4}-?\d[\d-]{2,}/,
  },
  {
    id: 'purchaseDate',
    label: 'spotting.signal.purchaseDate',
    weight: 1,
    pattern:
      /\b(?:commandee?s?|achetee?s?|achat|payee?s?|reglee?s?|livree?s?|recue?s?|ordered|purchased|bought|paid|received)\b(?: [a-z0-9'°#]+){0,4}? (?:le |on |du |en date du )?\d{1,2}(?:er)?(?:[/.-]\d{1,2}(?:[/.-]\d{2,4})?| (?:janv|fevr|mars|avr|mai|juin|juil|aout|sept|oct|nov|dec|jan|feb|mar|apr|may|jun|jul|aug|sep)[a-z]*)/,
  },
  {
    id: 'amount',
    label: 'spotting.signal.amount',
    weight: 0.5,
    pattern: /(?:\b\d+(?:[.,]\d{1,2})? ?(?:€|eur\b|euros?\b|\$|£)|[€$£] ?\d+)/,
  },
];
