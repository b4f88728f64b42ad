// The words and phrases that make an email look like a complaint, as data; a rule's label is what the agent
// is shown. Patterns read the folded text (lower case, no accents, one space between words); a space in a
// pattern also matches a line break.
// Phrases weigh more than isolated words: "je vous mets en demeure" (4) says more than "retard" (1.5).
//
// Two flags change how a match counts (see score.ts):
// - negatable: a negation just before it ("aucun problème", "pas mécontent", "no complaints") cancels it;
// - keepInQuestion: it keeps its full weight inside a how/when/what question. Other cues count only a
//   quarter there, because "quel est le délai de remboursement ?" asks about a policy, it does not complain.
import type { MessageKey } from '../i18n';

export interface CueRule {
  readonly id: string;
  readonly label: MessageKey;
  readonly weight: number;
  readonly patterns: readonly RegExp[];
  readonly negatable?: boolean;
  readonly keepInQuestion?: boolean;
}

export const CUE_RULES: readonly CueRule[] = [
  {
    id: 'formalNotice',
    label: 'spotting.cue.formalNotice',
    weight: 4,
    keepInQuestion: true,
    patterns: [
      /\b(?:mise|mis|mettre|mets|mettons) en demeure\b/,
      /\b(?:formal notice|letter before action|final demand|notice of (?:billing error|dispute))\b/,
    ],
  },
  {
    id: 'refundDemand',
    label: 'spotting.cue.refundDemand',
    weight: 4,
    keepInQuestion: true,
    patterns: [
      /\b(?:je (?:vous )?(?:demande|exige|reclame|veux|voudrais)(?:rai)?|vous voudrez bien|merci de|je vous prie de) (?:proceder (?:a|au) |(?:a |au |le |mon |d'etre )?)rembourse(?:ment|r|e)\b/,
      /\b(?:me rembourser|remboursez-moi|rembourser mon|rembourser ma)\b/,
      /\bi (?:want|demand|request|expect|need|would like|am requesting)(?: to get)?(?: a| my| the| an immediate)?(?: full)? refund\b/,
      /\b(?:refund (?:me|my money)|give me my money back|i want my money back)\b/,
    ],
  },
  {
    id: 'demand',
    label: 'spotting.cue.demand',
    weight: 3,
    keepInQuestion: true,
    patterns: [
      /\b(?:j'exige|nous exigeons|je vous demande (?:de|instamment)|je demande (?:que|a ce que|la|le|un|une))\b/,
      /\b(?:i demand|i insist|i am requesting that|i expect (?:a|an|you to))\b/,
      /\bje (?:veux|souhaite|demande|exige) que (?:le|ce) probleme soit (?:regle|resolu)\b/,
      /\bi (?:want|need|expect) (?:this|it|the (?:problem|issue)|my \w+) (?:to be )?(?:resolved|fixed|sorted|replaced|refunded)\b/,
    ],
  },
  {
    id: 'complaint',
    label: 'spotting.cue.complaint',
    weight: 3,
    negatable: true,
    patterns: [
      /\b(?:reclamation|plainte|je (?:me )?plains|porter plainte|litige)s?\b/,
      /\b(?:complaint|complain(?:ing)?|dispute (?:a|the|this) (?:charge|billing|transaction)|to dispute)s?\b/,
    ],
  },
  {
    id: 'outrage',
    label: 'spotting.cue.outrage',
    weight: 3,
    keepInQuestion: true,
    patterns: [
      /\b(?:inadmissible|inacceptable|scandal(?:e|eux|euse)|honteu(?:x|se)|une honte|lamentable|deplorable|inqualifiable|n'importe quoi|arnaque|escroquerie|(?:pas|plus) serieux|se moquer? de moi|foutage de gueule)\b/,
      /\b(?:unacceptable|outrageous|disgusting|disgraceful|ridiculous|shameful|appalling|terrible|awful|worst|scam|rip[- ]?off|pathetic|useless)\b/,
    ],
  },
  {
    id: 'discontent',
    label: 'spotting.cue.discontent',
    weight: 2,
    negatable: true,
    keepInQuestion: true,
    patterns: [
      /\b(?:mecontent(?:e|s|es|ement)?|decue?s?|deception|insatisfaite?s?|pas (?:du tout )?(?:satisfaite?s?|contente?s?)|furieu(?:x|se)|excedee?|agacee?|en colere|degoutee?|ras le bol|marre)\b/,
      /\b(?:disappoint(?:ed|ing|ment)|unhappy|dissatisfied|not (?:satisfied|happy)|frustrat(?:ed|ing)|furious|fed up|annoyed|upset|angry)\b/,
    ],
  },
  {
    id: 'defect',
    label: 'spotting.cue.defect',
    weight: 2,
    negatable: true,
    patterns: [
      /\b(?:defectueu(?:x|se|ses)|cassee?s?|abimee?s?|endommagee?s?|fendue?s?|fissuree?s?|dechiree?s?|non conformes?|pas conformes?|vice cache|en panne|hors service)\b/,
      /\bne (?:fonctionne|marche) (?:plus|pas)\b/,
      /\b(?:un|le|ce|presente un|a un) defaut (?:de (?:fabrication|fonctionnement|conformite)|d'allumage)\b/,
      /\b(?:clignote|ne s'allume (?:plus|pas)|grille(?:e|es)? au bout|a grille)\b/,
      /\b(?:broken|broke|damaged|defective|faulty|cracked|not as described|stopped working|not working|doesn'?t work|does not work|didn'?t work|won'?t work|crash(?:es|ed)?|died)\b/,
    ],
  },
  {
    id: 'nonDelivery',
    label: 'spotting.cue.nonDelivery',
    weight: 3,
    keepInQuestion: true,
    patterns: [
      /\b(?:jamais (?:ete )?(?:recue?s?|livree?s?|arrivee?s?|receptionnee?s?)|toujours pas (?:ete )?(?:recue?s?|livree?s?|arrivee?s?|partie?s?)|toujours rien(?: recu)?|(?:n'ai|n'avons) (?:toujours )?(?:rien|pas) recu|pas (?:encore )?recu (?:ma|mon|mes|le|la|les|ce|cette|votre)|colis (?:perdu|egare|vole|introuvable))\b/,
      /\b(?:never (?:arrived|received|came|got)|still (?:not|haven'?t|hasn'?t) (?:received|arrived|got)|(?:haven'?t|have not|didn'?t|did not|hasn'?t|has not) (?:yet )?(?:received|arrived|come|gotten)|didn'?t (?:receive|get) (?:the|my|anything|it)|not (?:yet )?(?:received|delivered)|lost (?:parcel|package))\b/,
    ],
  },
  {
    id: 'wrongOrMissingItem',
    label: 'spotting.cue.wrongOrMissingItem',
    weight: 2,
    keepInQuestion: true,
    patterns: [
      /\b(?:il (?:me )?manque|articles? manquants?|produits? manquants?|colis incomplet|commande incomplete|(?:n'ai|n'avons) recu qu(?:e|')|mauvais (?:article|produit|colis|modele|taille|couleur)|pas (?:le bon|la bonne|ce que j'ai commande)|erreur (?:de|dans la) (?:livraison|preparation|commande))\b/,
      /\b(?:missing (?:item|items|part|parts|piece)|(?:wrong|incorrect) (?:item|size|colou?r|product|order)|not what i ordered|only received|incomplete order)\b/,
    ],
  },
  {
    id: 'delay',
    label: 'spotting.cue.delay',
    weight: 1.5,
    negatable: true,
    patterns: [
      /\b(?:retards?|en retard|retardee?s?|tarde a|delais? (?:non respectes?|depasses?))\b/,
      /\b(?:delay(?:ed|s)?|late delivery|overdue|taking (?:so|too) long)\b/,
    ],
  },
  {
    id: 'elapsedTime',
    label: 'spotting.cue.elapsedTime',
    weight: 2,
    keepInQuestion: true,
    patterns: [
      /\b(?:cela|ca) fait (?:deja |presque |plus de |bientot )?(?:\d+|un|une|deux|trois|quatre|cinq|plusieurs|quinze) (?:jours?|semaines?|mois)\b/,
      /\b(?:depuis|attends?|attendons) (?:deja |plus de )?(?:\d+|deux|trois|quatre|plusieurs|quinze) ?(?:jours?|semaines?|mois)\b/,
      /\bdepuis (?:le )?\d{1,2}(?:er)?(?:[/.]\d{1,2}| (?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre))\b/,
      /\b(?:for|over|after) (?:\d+|two|three|four|several) (?:days|weeks|months|hours)\b/,
      /\b(?:\d+|two|three|four|several) (?:weeks|months) (?:ago|now|later)\b/,
    ],
  },
  {
    id: 'followUp',
    label: 'spotting.cue.followUp',
    weight: 2,
    keepInQuestion: true,
    patterns: [
      /\b(?:derniere relance|(?:je vous |nouvelle |2e |3e |deuxieme |troisieme )relance|relance[rz]? (?:votre|vos)|sans (?:aucune )?reponse(?: de votre part)?|aucune reponse|pas de reponse|(?:a|en) plusieurs reprises|plusieurs (?:mails|e-mails|appels|courriers|relances)|(?:deuxieme|troisieme|2e|3e|2eme|3eme) (?:fois|demande|mail|courrier)|(?:cela|ca) fait (?:\d+|deux|trois|plusieurs) fois|aucunes? nouvelles?|sans nouvelles?|pas (?:eu )?de nouvelles?)\b/,
      /\b(?:no (?:one is )?respon(?:se|ding)|no reply|still no (?:answer|reply)|(?:second|third|2nd|3rd) (?:time|request|email)|several (?:times|emails|calls)|multiple (?:times|emails|calls)|awaiting (?:a )?response|again and again|no (?:news|update)s?|(?:haven'?t|have not) heard (?:back|from you))\b/,
    ],
  },
  {
    // Invoking the legal warranty is a grievance by definition (Code de la consommation L217-3 and following).
    id: 'warrantyClaim',
    label: 'spotting.cue.warrantyClaim',
    weight: 3,
    keepInQuestion: false,
    negatable: true,
    patterns: [
      /\b(?:garantie legale(?: de conformite)?|au titre de la garantie|(?:prise|pris) en (?:charge|compte) (?:sous|au titre de la) garantie|toujours sous garantie|vice cache)\b/,
      /\b(?:under (?:the )?warranty|warranty claim|still (?:under|within) warranty)\b/,
    ],
  },
  {
    id: 'billingError',
    label: 'spotting.cue.billingError',
    weight: 3,
    keepInQuestion: true,
    patterns: [
      /\b(?:prelevee?s?|debitee?s?|facturee?s?|payee?s?|encaissee?s?) (?:\w+ )?(?:deux|2|trois|3) fois\b/,
      /\b(?:facturee?s? en trop|factures? (?:est |sont )?(?:erronee?s?|fausses?|incorrecte?s?)|montant (?:errone|incorrect|faux))\b/,
      /\b(?:double (?:prelevement|debit|facturation|paiement)|erreur de factur(?:ation|e)|facturee?s? a tort|trop percu|surfactur\w*|prelevement (?:non autorise|injustifie|abusif)|frais injustifies)\b/,
      /\b(?:charged (?:me )?(?:twice|two times|double|extra|wrong)|double[- ]charged|overcharged|billing error|wrongly (?:charged|billed)|unauthori[sz]ed (?:charge|transaction|debit))\b/,
    ],
  },
  {
    // "I paid… and yet / but…": the customer holds up their side of the deal against the company's.
    id: 'paidButNotServed',
    label: 'spotting.cue.paidButNotServed',
    weight: 2,
    keepInQuestion: true,
    patterns: [
      /\b(?:j'ai (?:bien |deja )?(?:paye|regle|achete|ete (?:debitee?|prelevee?))|je paie|vous avez (?:tres vite |bien )?encaisse)\b[^.!?\n]{0,80}?\b(?:mais|et pourtant|pourtant|alors que)\b/,
      /\b(?:(?:mais|pourtant|alors que) (?:j'ai|vous avez) (?:\w+ )?(?:paye|regle|encaisse|debite|preleve))\b/,
      /\bi (?:just |already |have )?(?:paid|pay|purchased|bought)\b[^.!?\n]{0,80}?\b(?:and yet|yet|but|still)\b/,
    ],
  },
  {
    id: 'chargeback',
    label: 'spotting.cue.chargeback',
    weight: 3,
    keepInQuestion: true,
    patterns: [/\b(?:chargeback|opposition (?:bancaire|sur (?:le|mon) paiement)|reverse the (?:charge|payment))\b/],
  },
  {
    id: 'legal',
    label: 'spotting.cue.legal',
    weight: 3,
    patterns: [
      /\b(?:avocate?|huissier|tribunal|justice|poursuites? judiciaires?|action en justice|code de la consommation|l\.? ?\d{3}-\d+)\b/,
      /\b(?:legal action|lawyer|attorney|small claims|take you to court|sue you|fair credit billing act|consumer rights act)\b/,
    ],
  },
  {
    id: 'consumerBody',
    label: 'spotting.cue.consumerBody',
    weight: 3,
    patterns: [
      /\b(?:ufc|que choisir|dgccrf|signal ?conso|association de (?:defense des )?consommateurs|mediateur|60 millions de consommateurs)\b/,
      /\b(?:better business bureau|trading standards|ombudsman|cfpb|citizens advice|consumer protection (?:agency|office|bureau))\b/,
    ],
  },
  {
    id: 'refund',
    label: 'spotting.cue.refund',
    weight: 1.5,
    patterns: [
      /\b(?:rembourse(?:ment|r|e|es|ee|ees|z)|remboursment|rembourcement|rembourssement|remboursemnt|dedommag\w+|indemnis\w+|geste commercial)\b/,
      /\b(?:refund(?:s|ed)?|reimburse(?:ment|d)?|compensation|money back)\b/,
    ],
  },
  {
    id: 'threatToLeave',
    label: 'spotting.cue.threatToLeave',
    weight: 2,
    keepInQuestion: true,
    patterns: [
      /\b(?:plus jamais|(?:dernier|derniere) (?:achat|commande) chez vous|je ne commanderai plus|(?:aller|irai|passer) (?:chez|a) la concurrence|pas sure? (?:du tout )?de recommander)\b/,
      /\b(?:never (?:again|buy|order|shop)|taking my business elsewhere|switch(?:ing)? to (?:another|a competitor))\b/,
    ],
  },
  {
    id: 'cancellation',
    label: 'spotting.cue.cancellation',
    weight: 1,
    patterns: [
      /\b(?:resiliation|resilier|je resilie|annuler mon (?:abonnement|contrat))\b/,
      /\bcancel my (?:subscription|contract|account)\b/,
    ],
  },
  {
    id: 'problem',
    label: 'spotting.cue.problem',
    weight: 1,
    negatable: true,
    patterns: [
      /\b(?:problemes?|soucis?|anomalies?|dysfonctionn\w+|erreurs?|incidents?)\b/,
      /\b(?:problems?|issues?|errors?|mistakes?|wrong)\b/,
    ],
  },
];
