// Generated complaints for the register benchmark: complaint number `index` is always the same record
// (a seeded generator per index), received at some point of the two years before `now`, and carried
// through the product's own steps (createRecord, the phase guards, applyTransition) as far as its
// timeline reaches `now`. Most old complaints were answered on time and closed; a few stalled and are
// overdue; recent ones are still running, some due within the day. History events are not generated.
import { DEFAULT_POLICY } from '@/lib/deadlines/policy';
import { applyTransition, checkTransition, nextDueAt } from '@/lib/register/phases';
import { createRecord } from '@/lib/register/records';
import { type Complaint, ComplaintSchema, type Phase } from '@/lib/register/schema';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const SPAN_DAYS = 730;

/** mulberry32: small, fast and good enough to spread test data. */
export function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Random = ReturnType<typeof generator>;
const pick = <T>(r: Random, items: readonly T[]): T => items[Math.floor(r() * items.length)] as T;
const between = (r: Random, min: number, max: number) => min + r() * (max - min);
const hex = (r: Random, n: number) => Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join('');
const digits = (r: Random, n: number) => Array.from({ length: n }, () => Math.floor(r() * 10)).join('');
/** A version-4 UUID drawn from the seeded generator, so that a record's id does not change between runs. */
const uuid = (r: Random) =>
  `${hex(r, 8)}-${hex(r, 4)}-4${hex(r, 3)}-${pick(r, ['8', '9', 'a', 'b'])}${hex(r, 3)}-${hex(r, 12)}`;

const FIRST = ['Claire', 'Julien', 'Sophie', 'Nicolas', 'Camille', 'Thomas', 'Léa', 'Hugo', 'Manon', 'Karim', 'Inès'];
const LAST = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Haddad'];
const ASCII: Record<string, string> = { é: 'e', è: 'e', ï: 'i' };
/** A favourable answer on these topics gives the remedy the law owes (L216-2, L217-3 s.), not a compensation. */
type Owed = Pick<Complaint['compensation'], 'legalRemedy' | 'legalBasis'>;
const TOPICS: { category: string; subject: string; excerpt: string; owed?: Owed }[] = [
  {
    category: 'livraison',
    subject: 'Colis arrivé endommagé',
    excerpt: 'Bonjour, mon colis est arrivé cassé.',
    owed: { legalRemedy: 'replacement', legalBasis: 'transport' },
  },
  {
    category: 'livraison',
    subject: 'Commande jamais reçue',
    excerpt: 'Ma commande est indiquée livrée mais je ne l’ai pas reçue.',
  },
  {
    category: 'facturation',
    subject: 'Double prélèvement',
    excerpt: 'J’ai été prélevé deux fois pour la même facture.',
  },
  {
    category: 'produit',
    subject: 'Appareil en panne après une semaine',
    excerpt: 'L’appareil ne s’allume plus depuis hier.',
    owed: { legalRemedy: 'refund', legalBasis: 'conformity' },
  },
  {
    category: 'service',
    subject: 'Aucune réponse du service client',
    excerpt: 'J’ai appelé trois fois sans obtenir de réponse.',
  },
  {
    category: 'remboursement',
    subject: 'Remboursement non reçu',
    excerpt: 'Le retour a été accepté il y a un mois, toujours rien.',
  },
];

/** A stalled complaint never moves past `stallAt`: its running clock ends up overdue. */
const STALL_RATE = 0.004;

export function generateComplaint(index: number, now: Date): Complaint {
  const r = generator(Math.imul(index + 1, 0x9e3779b1));
  const nowMs = now.getTime();
  const received = Math.floor(nowMs - r() * SPAN_DAYS * DAY);
  const topic = pick(r, TOPICS);
  const first = pick(r, FIRST);
  const last = pick(r, LAST);
  const customerNo = Math.floor(r() * 60_000);
  const email = `${first}.${last}${customerNo}@example.fr`.toLowerCase().replace(/[éèï]/g, (ch) => ASCII[ch] ?? ch);
  const webmail: 'gmail' | 'manual' = r() < 0.9 ? 'gmail' : 'manual';
  const source =
    webmail === 'gmail'
      ? { webmail, threadId: `thread-f:17${digits(r, 17)}`, messageId: `msg-f:17${digits(r, 17)}` }
      : { webmail };
  const loggedAfter = between(r, 0.1, 6);
  const logged = Math.min(nowMs, received + loggedAfter * HOUR);
  const year = new Date(received).getUTCFullYear();
  let c = createRecord(
    {
      receivedAt: new Date(received).toISOString(),
      channel: webmail === 'gmail' ? 'email' : pick(r, ['phone', 'letter', 'webform'] as const),
      source,
      customer: { name: `${first} ${last}`, email },
      subject: topic.subject,
      category: topic.category,
      excerpt: `${topic.excerpt} Commande n° ${digits(r, 8)}. Merci de revenir vers moi rapidement.`,
    },
    { id: uuid(r), reference: `REC-${year}-${String(index + 1).padStart(6, '0')}` },
    DEFAULT_POLICY,
    { now: new Date(logged), actor: pick(r, ['Agent 1', 'Agent 2', 'Agent 3']), newId: () => uuid(r) },
  ).complaint;

  // The timeline, in hours after receipt: acknowledgement mostly within the 48 h, answer mostly within 10 days.
  const ackAfter = loggedAfter + (r() < 0.92 ? between(r, 0.5, 34) : between(r, 40, 96));
  const answerAfter = ackAfter + (r() < 0.85 ? between(r, 24, 200) : between(r, 200, 400));
  const closeAfter = answerAfter + between(r, 24, 30 * 24);
  const fate = r();
  const stall = r() < STALL_RATE ? pick(r, ['registered', 'acknowledged', 'investigating'] as const) : null;
  const favourable = r();

  // Paid or done within a week of the answer; no extra draw from `r`, so every record stays as it was.
  const granted = (
    owed: Owed | undefined,
    amountEuros: number,
    answerAfterHours: number,
  ): Complaint['compensation'] => {
    const dueDay = new Date(received + answerAfterHours * HOUR + 7 * DAY).toISOString().slice(0, 10);
    const money = { amountEuros, method: 'originalPayment' as const, dueDay };
    if (!owed) return { ...c.compensation, kind: 'financial', ...money };
    return owed.legalRemedy === 'refund'
      ? { ...c.compensation, kind: 'legal', ...owed, ...money }
      : { ...c.compensation, kind: 'legal', ...owed, dueDay };
  };

  const step = (to: Phase, afterHours: number, fields: Partial<Complaint> = {}): boolean => {
    const at = received + afterHours * HOUR;
    if (at > nowMs || c.phase === stall) return false;
    const next = { ...c, ...fields };
    const check = checkTransition(next, to);
    if (!check.ok) throw new Error(`bench data: ${c.phase} → ${to} refused (${JSON.stringify(check)})`);
    const iso = new Date(at).toISOString();
    c = { ...applyTransition(next, to, iso), rev: c.rev + 1, updatedAt: iso };
    return true;
  };

  if (fate < 0.03) {
    step('notComplaint', ackAfter, {
      isComplaint: false,
      qualificationNote: 'Demande d’information, pas une réclamation.',
    });
  } else if (step('acknowledged', ackAfter) && step('investigating', ackAfter + 1)) {
    const investigation = { ...c.investigation, rootCause: 'Erreur de préparation', scope: 'isolated' as const };
    const answered =
      fate < 0.09
        ? step('unfounded', answerAfter, {
            justified: 'no',
            severity: 1,
            investigation,
            decision: { ...c.decision, outcome: 'unfavourable', reasons: 'Le contrat exclut ce cas.' },
          })
        : step('answered', answerAfter, {
            justified: favourable < 0.6 ? 'yes' : 'partly',
            severity: pick(r, [1, 2, 3, 4] as const),
            investigation,
            decision: {
              ...c.decision,
              outcome: favourable < 0.6 ? 'favourable' : 'partial',
              reasons: 'Le produit livré ne correspondait pas à la commande.',
            },
            compensation:
              favourable < 0.6 ? granted(topic.owed, Math.ceil(between(r, 5, 200)), answerAfter) : c.compensation,
          });
    // One answered complaint in ten is still waiting for the customer's reply; one in a hundred goes to mediation.
    if (answered && fate < 0.9 && step('closed', closeAfter) && fate > 0.89) {
      step('mediation', closeAfter + 24 * 7, {
        mediation: { ...c.mediation, referredAt: new Date(received + (closeAfter + 24 * 6) * HOUR).toISOString() },
      });
    }
  }
  const due = nextDueAt(c);
  const { nextDueAt: _stale, ...rest } = c;
  return ComplaintSchema.parse(due === undefined ? rest : { ...rest, nextDueAt: due });
}
