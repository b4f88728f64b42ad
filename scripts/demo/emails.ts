// The demo mailbox's emails: what the customer service of "Maison Lumen", a fictitious online shop for lamps
// and home lighting, finds in its inbox. Every name, address, order number and phone number is invented
// (example.fr / example.com, or the shop's own fictitious domain). Dates are relative to the demo's start.
//
// What a correct spotter should flag (`complaint: true`): the broken parcel, the order never received (and
// its reminder), the double charge, the defect under warranty, the formal notice, the late refund, the wrong
// invoice, the unreachable after-sales service and the rude delivery man. It should NOT flag the question
// about refund times, the carrier's no-reply newsletter, the thank-you message or the colleague's note.

export interface Ago {
  days?: number;
  minutes?: number;
}

export interface DemoPerson {
  name: string;
  email: string;
}

export interface DemoMessage {
  /** Gmail's decimal message id (the "msg-f:" number). */
  id: string;
  from: DemoPerson;
  ago: Ago;
  /** Lines inside a paragraph are separated by "\n". */
  paragraphs: readonly string[];
}

export interface DemoThread {
  subject: string;
  /** What the email is, for the reader of this file and the tests. */
  kind: string;
  /** Whether a correct spotter flags it as a complaint. */
  complaint: boolean;
  unread?: boolean;
  messages: readonly [DemoMessage, ...DemoMessage[]];
}

export const AGENT: DemoPerson = { name: 'Service client Maison Lumen', email: 'service-client@maison-lumen.fr' };

const HOUR = 60;

/** Received 12 days ago (first message of the "jamais reçue" thread): logged by `seedDemoRegister`, it is overdue. */
export const SEEDED_MESSAGE_ID = '1850412387015526913';

export const DEMO_THREADS: readonly DemoThread[] = [
  {
    subject: 'Lampe arrivée cassée – commande LUM-49870',
    kind: 'colis arrivé cassé',
    complaint: true,
    unread: true,
    messages: [
      {
        id: '1851491247735016648',
        from: { name: 'Élodie Garnier', email: 'elodie.garnier@example.fr' },
        ago: { minutes: 38 },
        paragraphs: [
          'Bonjour,',
          'J’ai reçu ce matin ma commande LUM-49870 : la lampe de table « Opaline » en verre soufflé (129 €). Le carton était enfoncé sur un côté et l’abat-jour est arrivé en morceaux. J’ai pris des photos du colis et de la lampe devant le livreur.',
          'Je souhaite un remplacement à l’identique, ou à défaut le remboursement intégral. Pouvez-vous me dire comment vous renvoyer l’article sans frais ?',
          'Bien cordialement,\nÉlodie Garnier',
        ],
      },
    ],
  },
  {
    subject: 'Question sur le délai de remboursement',
    kind: 'question polie (pas une réclamation)',
    complaint: false,
    unread: true,
    messages: [
      {
        id: '1851488880126547190',
        from: { name: 'Hélène Petit', email: 'helene.petit@example.com' },
        ago: { minutes: HOUR + 15 },
        paragraphs: [
          'Bonjour,',
          'J’hésite entre deux coloris pour l’applique murale « Nuance » et je pense en commander deux pour choisir chez moi. Si je vous retourne celle qui ne me plaît pas, quel est le délai de remboursement une fois le colis reçu ? Et les frais de retour sont-ils à ma charge ?',
          'Merci d’avance et bonne journée,\nHélène Petit',
        ],
      },
    ],
  },
  {
    subject: 'Prélevée deux fois pour la même commande !',
    kind: 'double prélèvement',
    complaint: true,
    unread: true,
    messages: [
      {
        id: '1851485734410922307',
        from: { name: 'Sophie Lambert', email: 'sophie.lambert@example.fr' },
        ago: { minutes: 2 * HOUR + 5 },
        paragraphs: [
          'Bonjour,',
          'En consultant mon relevé bancaire, je constate que j’ai été prélevée deux fois de 189,00 € pour la commande LUM-49512 (suspension « Halo », une seule commande passée).',
          'Je vous demande de rembourser le second prélèvement dans les plus brefs délais. Je joins une copie de mon relevé où les deux opérations apparaissent le même jour.',
          'Sophie Lambert',
        ],
      },
    ],
  },
  {
    subject: 'SAV injoignable depuis une semaine',
    kind: 'SAV injoignable',
    complaint: true,
    unread: true,
    messages: [
      {
        id: '1851477219053308862',
        from: { name: 'Patrick Morel', email: 'p.morel@example.com' },
        ago: { minutes: 4 * HOUR + 20 },
        paragraphs: [
          'Bonjour,',
          'Cela fait une semaine que j’essaie de joindre votre service après-vente au sujet de mon lampadaire « Arc » qui ne s’allume plus. J’ai appelé cinq fois : soit personne ne décroche, soit la ligne coupe après vingt minutes d’attente. Le formulaire de contact affiche « erreur » à chaque envoi.',
          'C’est inadmissible pour un article à 349 €. Merci de me rappeler au 06 00 00 00 00 ou de me répondre par écrit.',
          'Patrick Morel',
        ],
      },
    ],
  },
  {
    subject: 'Commande LUM-48213 jamais reçue',
    kind: 'commande jamais reçue au bout de 3 semaines, puis relance',
    complaint: true,
    unread: true,
    messages: [
      {
        id: SEEDED_MESSAGE_ID,
        from: { name: 'Karim Benali', email: 'k.benali@example.com' },
        ago: { days: 12, minutes: 3 * HOUR },
        paragraphs: [
          'Bonjour,',
          'J’ai passé la commande LUM-48213 il y a trois semaines (deux appliques « Cosy » laiton, 158 € payés par carte). Le suivi indique « en cours d’acheminement » depuis quinze jours et je n’ai toujours rien reçu.',
          'Pouvez-vous me dire où se trouve mon colis ? Sans livraison d’ici la fin de la semaine, je souhaite être remboursé.',
          'Cordialement,\nKarim Benali',
        ],
      },
      {
        id: '1851393642807205419',
        from: { name: 'Karim Benali', email: 'k.benali@example.com' },
        ago: { days: 1, minutes: 2 * HOUR },
        paragraphs: [
          'Bonjour,',
          'Je vous relance : je n’ai eu aucune réponse à mon message d’il y a dix jours et toujours pas de colis. Je vous demande maintenant le remboursement des 158 €.',
          'Sans nouvelles de votre part, je saisirai le médiateur de la consommation.',
          'Karim Benali',
        ],
      },
    ],
  },
  {
    subject: 'Remboursement toujours pas reçu',
    kind: 'retard de remboursement',
    complaint: true,
    messages: [
      {
        id: '1851381259904631776',
        from: { name: 'Julien Mercier', email: 'julien.mercier@example.fr' },
        ago: { days: 1, minutes: 6 * HOUR },
        paragraphs: [
          'Bonjour,',
          'J’ai renvoyé il y a un mois le plafonnier « Lune » (commande LUM-47705), avec votre étiquette de retour. Le transporteur confirme qu’il vous a été livré il y a 24 jours.',
          'Vos conditions de vente parlent d’un remboursement sous 14 jours : je n’ai toujours rien reçu. Merci de procéder au remboursement de 94,90 € sans tarder.',
          'Julien Mercier',
        ],
      },
    ],
  },
  {
    subject: 'Livraison : livreur très désagréable',
    kind: 'livreur impoli',
    complaint: true,
    messages: [
      {
        id: '1851299806112743050',
        from: { name: 'Aïcha Diallo', email: 'aicha.diallo@example.fr' },
        ago: { days: 2, minutes: 3 * HOUR },
        paragraphs: [
          'Bonjour,',
          'Le livreur qui m’a apporté ma commande LUM-49120 avant-hier a été particulièrement impoli : il a refusé de monter au deuxième étage, m’a parlé sur un ton agressif et a laissé tomber le carton sur le trottoir en partant.',
          'Heureusement la lampe n’a rien, mais je trouve ce comportement inacceptable et je tenais à vous le signaler. J’aimerais savoir quelles suites vous comptez donner.',
          'Aïcha Diallo',
        ],
      },
    ],
  },
  {
    subject: 'Suspension LED qui clignote après deux mois – garantie',
    kind: 'produit défectueux après 2 mois (garantie)',
    complaint: true,
    messages: [
      {
        id: '1851201377650914287',
        from: { name: 'Thomas Roux', email: 'thomas.roux@example.com' },
        ago: { days: 3, minutes: 5 * HOUR },
        paragraphs: [
          'Bonjour,',
          'La suspension LED « Orbe » achetée chez vous il y a deux mois (commande LUM-46391) clignote en permanence depuis quelques jours, puis s’éteint. J’ai essayé un autre interrupteur et une autre pièce : même défaut.',
          'Le produit est sous garantie légale de conformité. Je vous demande sa réparation ou son remplacement. Quelle est la marche à suivre ?',
          'Merci,\nThomas Roux',
        ],
      },
    ],
  },
  {
    subject: 'Retards de livraison possibles pendant les fêtes',
    kind: 'newsletter d’un transporteur (no-reply)',
    complaint: false,
    messages: [
      {
        id: '1851186020473361598',
        from: { name: 'Colis Express Pro', email: 'no-reply@colis-express.example.com' },
        ago: { days: 3, minutes: 9 * HOUR },
        paragraphs: [
          'Chers partenaires e-commerçants,',
          'À l’approche des fêtes, les volumes augmentent fortement. Des retards de livraison de 24 à 48 heures sont possibles dans certaines régions. Pensez à prévenir vos clients et à anticiper vos dépôts.',
          'Retrouvez nos horaires d’enlèvement et nos dates limites sur votre espace pro.',
          'Cet e-mail vous est envoyé automatiquement, merci de ne pas y répondre.\nSe désabonner de la lettre d’information',
        ],
      },
    ],
  },
  {
    subject: 'Merci pour votre réactivité !',
    kind: 'remerciement',
    complaint: false,
    messages: [
      {
        id: '1851127734590082716',
        from: { name: 'Bernard Lefèvre', email: 'bernard.lefevre@example.fr' },
        ago: { days: 4, minutes: 2 * HOUR },
        paragraphs: [
          'Bonjour,',
          'Je voulais simplement vous remercier : la nouvelle lampe de chevet est arrivée hier, deux jours après mon appel, et elle est superbe. Votre conseillère a été très aimable.',
          'Je n’hésiterai pas à vous recommander autour de moi.',
          'Bien à vous,\nBernard Lefèvre',
        ],
      },
    ],
  },
  {
    subject: 'MISE EN DEMEURE – commande LUM-45118',
    kind: 'mise en demeure formelle',
    complaint: true,
    messages: [
      {
        id: '1851043176218960031',
        from: { name: 'Martine Dubois', email: 'martine.dubois@example.fr' },
        ago: { days: 5, minutes: HOUR },
        paragraphs: [
          'Madame, Monsieur,',
          'Le lustre « Cascade » (commande LUM-45118, 420 €) m’a été livré incomplet : il manque la moitié des pampilles et le kit de fixation. Malgré mes deux courriels précédents, restés sans réponse, la situation n’a pas été régularisée.',
          'Par la présente, je vous mets en demeure de me livrer les pièces manquantes ou de me rembourser intégralement dans un délai de huit jours à compter de la réception de ce courrier, conformément aux articles L. 216-1 et suivants du Code de la consommation.',
          'À défaut, je saisirai le médiateur de la consommation et, si nécessaire, la juridiction compétente.',
          'Veuillez agréer, Madame, Monsieur, mes salutations distinguées.\nMartine Dubois',
        ],
      },
    ],
  },
  {
    subject: 'Erreur sur ma facture FA-2291',
    kind: 'facture erronée',
    complaint: true,
    messages: [
      {
        id: '1850951288603417702',
        from: { name: 'Nathalie Brunet', email: 'n.brunet@atelier-brunet.example.fr' },
        ago: { days: 6, minutes: 4 * HOUR },
        paragraphs: [
          'Bonjour,',
          'La facture FA-2291 que vous m’avez adressée pour la commande LUM-46002 est erronée : elle mentionne six spots encastrables au lieu de quatre, soit 71,60 € facturés en trop, et l’adresse de facturation n’est pas celle de l’atelier.',
          'Merci de m’envoyer une facture rectifiée et de rembourser la différence.',
          'Nathalie Brunet\nAtelier Brunet – décoration intérieure',
        ],
      },
    ],
  },
  {
    subject: 'Stock des suspensions Opaline',
    kind: 'message d’un collègue (domaine de l’entreprise)',
    complaint: false,
    messages: [
      {
        id: '1850867701290312544',
        from: { name: 'Lucas Perrin', email: 'lucas.perrin@maison-lumen.fr' },
        ago: { days: 7, minutes: HOUR },
        paragraphs: [
          'Salut l’équipe,',
          'Pour info, les suspensions « Opaline » sont de retour en stock (42 pièces). Vous pouvez confirmer les précommandes en attente.',
          'Lucas – logistique',
        ],
      },
    ],
  },
];
