// A complaint walked through the whole process by the register store, carrying personal data in every
// place it can hide: customer fields, source ids, message, free texts, notes, follow-up, deadline extension.
import { DEFAULT_POLICY } from '@/lib/deadlines/policy';
import {
  addNote,
  createComplaint,
  extendDeadline,
  recordLetter,
  transitionComplaint,
  updateComplaint,
} from '@/lib/register/store/complaints';

export const at = (iso: string) => ({ now: new Date(iso), actor: 'Julie Bernard' });

/** Values that must not survive an anonymisation anywhere in the database. */
export const PERSONAL = {
  name: 'Claire Martin',
  email: 'claire.martin@example.fr',
  phone: '06 12 34 56 78',
  customerNumber: 'CLI-77341',
  orderNumber: 'CMD-99812',
  messageId: 'msg-f:1849203',
  threadId: 'thread-f:1849200',
  excerpt: 'Bonjour, je suis Claire Martin et mon colis est arrivé cassé.',
  note: 'Mme Martin rappelée au 06 12 34 56 78',
} as const;

/** Words from each free text: none must survive either. */
export const FREE_TEXT_WORDS = [
  'Vase Lumen brisé', // subject
  'Carton écrasé chez Mme Martin', // summary
  'Remboursement demandé par la cliente', // remedy
  'Calage insuffisant', // root cause
  'Renvoi immédiat', // immediate action
  'Le transporteur a reconnu', // decision reasons
  'Emballage trop léger', // causes
  'Double carton désormais', // corrective actions
  'Avoir sur le compte client', // compensation description
  'Appeler Claire pour confirmer', // follow-up description
  'Cliente satisfaite', // effectiveness note
  'Attente du retour de Mme Martin', // extension reason
  'Dossier clos après appel', // closure summary
];

/** The complaint answered (favourable, 45 € by transfer) 7 hours after its receipt, and left there. */
export async function answeredComplaint(receivedAt = '2020-03-02T09:00:00.000Z') {
  const c = await createComplaint(
    {
      receivedAt,
      channel: 'email',
      source: { webmail: 'gmail', messageId: PERSONAL.messageId, threadId: PERSONAL.threadId },
      customer: {
        name: PERSONAL.name,
        email: PERSONAL.email,
        phone: PERSONAL.phone,
        customerNumber: PERSONAL.customerNumber,
        orderNumber: PERSONAL.orderNumber,
      },
      subject: 'Vase Lumen brisé',
      category: 'livraison',
      product: 'Vase Lumen 30 cm',
      excerpt: PERSONAL.excerpt,
      summary: 'Carton écrasé chez Mme Martin',
      remedyRequested: 'Remboursement demandé par la cliente',
    },
    DEFAULT_POLICY,
    at(receivedAt),
  );
  const day = (n: number) => new Date(new Date(receivedAt).getTime() + n * 3_600_000).toISOString();
  await extendDeadline(
    c.id,
    undefined,
    'answer',
    { newDueAt: day(24 * 20), reason: 'Attente du retour de Mme Martin', customerToldAt: day(2) },
    at(day(2)),
  );
  await addNote(c.id, PERSONAL.note, at(day(3)));
  await transitionComplaint(c.id, undefined, 'acknowledged', at(day(4)));
  await transitionComplaint(c.id, undefined, 'investigating', at(day(5)));
  await updateComplaint(
    c.id,
    undefined,
    {
      justified: 'yes',
      severity: 2,
      investigation: {
        rootCause: 'Calage insuffisant',
        immediateAction: { taken: true, description: 'Renvoi immédiat' },
        scope: 'isolated',
        linkedComplaintIds: [],
        customersAffected: 1,
      },
      decision: {
        outcome: 'favourable',
        reasons: 'Le transporteur a reconnu le choc.',
        nonConformity: true,
        causes: 'Emballage trop léger',
        correctiveActions: 'Double carton désormais',
      },
      compensation: {
        kind: 'financial',
        amountEuros: 45,
        description: 'Avoir sur le compte client',
        executedAt: null,
        method: 'transfer',
        dueDay: day(24 * 10).slice(0, 10),
        legalRemedy: null,
        legalBasis: null,
      },
    },
    at(day(6)),
  );
  await recordLetter(
    c.id,
    {
      templateId: 'reponse-favorable',
      templateVersion: 1,
      lang: 'fr',
      sha256: 'a'.repeat(64),
      at: day(7),
      channel: 'reply',
    },
    at(day(7)),
  );
  return transitionComplaint(c.id, undefined, 'answered', at(day(7)));
}

export async function closedComplaint(receivedAt = '2020-03-02T09:00:00.000Z', closedAt = '2020-03-20T10:00:00Z') {
  const c = await answeredComplaint(receivedAt);
  const day = (n: number) => new Date(new Date(receivedAt).getTime() + n * 3_600_000).toISOString();
  await updateComplaint(
    c.id,
    undefined,
    {
      followUp: [
        {
          id: crypto.randomUUID(),
          description: 'Appeler Claire pour confirmer',
          owner: 'Julie Bernard',
          dueDay: null,
          doneAt: day(8),
          effectiveness: { checkedAt: day(9), effective: true, note: 'Cliente satisfaite' },
        },
      ],
      closure: { closedAt: null, summary: 'Dossier clos après appel' },
    },
    at(day(9)),
  );
  return transitionComplaint(c.id, undefined, 'closed', at(closedAt));
}
