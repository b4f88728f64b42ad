export const deadlines = {
  'deadlines.badDuration':
    'Durée invalide : « {text} ». Exemples : « 48 heures », « 10 jours », « 10 jours ouvrés », « 10 jours ouvrables », « 2 mois » (nombre entier de 1 à 366).',
  'deadlines.badInstant':
    'Date de réception invalide : « {text} ». Attendu : un instant ISO 8601 avec son fuseau, par exemple 2026-05-12T09:30:00Z ou 2026-05-12T11:30:00+02:00.',
  'deadlines.badDay': 'Jour invalide : « {text} ». Attendu : une date réelle au format AAAA-MM-JJ.',
  'deadlines.noWorkingDay': 'Aucun jour travaillé trouvé après le {day} : vérifiez les jours de fermeture.',
  'deadlines.cli.usage':
    'Usage : npm run -s due -- <instant de réception ISO> "<n> <unité>" [--alsace-moselle] [--closure=AAAA-MM-JJ]… | <instant> ack|answer --preset=<procedure|joursOuvres|acpr|servicesPaiement>',
  'deadlines.cli.missingArgs': 'Arguments manquants : il faut un instant de réception et une durée.',
  'deadlines.cli.tooManyArgs': 'Argument en trop : « {arg} ».',
  'deadlines.cli.unknownFlag': 'Option inconnue : « {flag} ».',
  'deadlines.cli.unknownPreset':
    'Règle inconnue : « {preset} ». Attendu : procedure, joursOuvres, acpr ou servicesPaiement.',
  'deadlines.cli.presetClock':
    'Avec --preset, indiquez le délai « ack » (accusé de réception) ou « answer » (réponse), pas « {arg} ».',
  'deadlines.unit.heures': 'heures',
  'deadlines.unit.jours': 'jours calendaires',
  'deadlines.unit.joursOuvres': 'jours ouvrés',
  'deadlines.unit.joursOuvrables': 'jours ouvrables',
  'deadlines.unit.mois': 'mois',
  'deadlines.unitOne.heures': 'heure',
  'deadlines.unitOne.jours': 'jour calendaire',
  'deadlines.unitOne.joursOuvres': 'jour ouvré',
  'deadlines.unitOne.joursOuvrables': 'jour ouvrable',
  'deadlines.unitOne.mois': 'mois',
  'deadlines.preset.procedure': 'Procédure interne (48 h / 10 jours calendaires)',
  'deadlines.preset.joursOuvres': 'Jours ouvrés (2 / 10 jours ouvrés)',
  'deadlines.preset.acpr': 'ACPR (10 jours ouvrables / 2 mois)',
  'deadlines.preset.servicesPaiement': 'Services de paiement (48 h / 15 jours ouvrables, 35 au plus)',
  'deadlines.preset.custom': 'Personnalisé',
  'deadlines.presetHelp.procedure':
    'Les jours de fermeture allongent les délais ; une échéance qui tombe un samedi, un dimanche ou un jour férié passe au jour ouvré suivant (art. 642 du Code de procédure civile).',
  'deadlines.presetHelp.joursOuvres':
    'Seuls les jours du lundi au vendredi qui ne sont ni fériés ni des jours de fermeture sont comptés.',
  'deadlines.presetHelp.acpr':
    'Recommandation ACPR 2022-R-01 : seuls les dimanches et jours fériés allongent les 10 jours ouvrables (pas vos jours de fermeture), et les 2 mois sont un maximum qui n’est pas reporté après un week-end ou un jour férié.',
  'deadlines.presetHelp.servicesPaiement':
    'Art. L133-45 du Code monétaire et financier : réponse sous 15 jours ouvrables ; dans des situations exceptionnelles, jusqu’à 35 jours ouvrables après la réception, à condition d’avoir envoyé au client une réponse d’attente motivant le délai.',
  'deadlines.presetHelp.custom':
    'Durées de votre choix, comptées comme la procédure interne (jours de fermeture compris, report au jour ouvré suivant).',
  'deadlines.extension.holdingReplyMissing':
    'Prolongation refusée : indiquez la date de la réponse d’attente envoyée au client, qui motive le délai (art. L133-45 du Code monétaire et financier). Elle doit partir au plus tard le {day}.',
  'deadlines.extension.holdingReplyLate':
    'Prolongation refusée : la réponse d’attente doit être envoyée au client au plus tard à l’échéance initiale, le {day} (art. L133-45 du Code monétaire et financier).',
  'deadlines.extension.beyondMax':
    'Prolongation refusée : la réponse définitive est due au plus tard le {day}, {max} après la réception (art. L133-45 du Code monétaire et financier).',
  'deadlines.realHours.ack':
    'Délai en heures réelles : l’accusé de réception est dû le {due}, week-end et jours fériés compris.',
  'deadlines.realHours.answer':
    'Délai en heures réelles : la réponse est due le {due}, week-end et jours fériés compris.',
  'deadlines.clock.ack': 'Accusé de réception',
  'deadlines.clock.answer': 'Réponse',
  'deadlines.status.running': 'En cours',
  'deadlines.status.dueSoon': 'Échéance proche',
  'deadlines.status.overdue': 'En retard',
  'deadlines.status.met': 'Dans les délais',
  'deadlines.status.metLate': 'Fait en retard',
  'deadlines.status.notApplicable': 'Sans objet',
  'deadlines.holiday.jourDeLAn': "Jour de l'an",
  'deadlines.holiday.lundiDePaques': 'Lundi de Pâques',
  'deadlines.holiday.feteDuTravail': 'Fête du travail',
  'deadlines.holiday.victoire1945': 'Victoire du 8 mai 1945',
  'deadlines.holiday.ascension': 'Ascension',
  'deadlines.holiday.lundiDePentecote': 'Lundi de Pentecôte',
  'deadlines.holiday.feteNationale': 'Fête nationale',
  'deadlines.holiday.assomption': 'Assomption',
  'deadlines.holiday.toussaint': 'Toussaint',
  'deadlines.holiday.armistice': 'Armistice de 1918',
  'deadlines.holiday.noel': 'Noël',
  'deadlines.holiday.vendrediSaint': 'Vendredi saint (Alsace-Moselle)',
  'deadlines.holiday.saintEtienne': 'Saint-Étienne (Alsace-Moselle)',
} as const;
