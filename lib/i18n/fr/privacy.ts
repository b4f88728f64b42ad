// Strings of personal data protection (anonymisation, retention) and of the printable case file.
export const privacy = {
  'privacy.placeholder.customer': 'Client anonymisé',
  'privacy.placeholder.subject': 'Réclamation anonymisée',
  'privacy.placeholder.text': '[Texte effacé : données personnelles]',
  'privacy.alreadyAnonymized': 'La réclamation {reference} est déjà anonymisée.',
  'privacy.notDue':
    'La réclamation {reference} n’a pas dépassé sa durée de conservation : elle ne peut pas être anonymisée à ce titre.',
  'privacy.reason.retention': 'fin de la durée de conservation',
  'privacy.reason.request': 'demande d’effacement du client',
  'privacy.erase.button': 'Anonymiser (demande d’effacement du client)',
  'privacy.erase.confirmTitle': 'Anonymiser la réclamation {reference} ({customer}) ?',
  'privacy.erase.confirm':
    'Les données personnelles seront effacées définitivement de la réclamation et de son historique : nom, coordonnées, numéros client et de commande, message, résumé, notes et textes libres. Les dates, le motif, le produit, la décision et le dédommagement sont conservés pour les statistiques. Cette action est irréversible.',
  'privacy.erase.confirmButton': 'Anonymiser définitivement',
  'privacy.erase.cancel': 'Annuler',
  'privacy.erase.busy': 'Anonymisation…',
  'privacy.erase.done': 'Réclamation anonymisée le {date} : ses données personnelles ont été effacées.',
  'privacy.retention.title': 'Conservation des données personnelles',
  'privacy.retention.help':
    'Les données personnelles d’une réclamation sont conservées {years} an(s) après sa clôture (pour un message classé « pas une réclamation », après sa dernière modification), puis anonymisées. Les statistiques restent.',
  'privacy.retention.loading': 'Recherche des réclamations arrivées au terme de leur conservation…',
  'privacy.retention.none': 'Aucune réclamation n’a dépassé la durée de conservation.',
  'privacy.retention.count': '{n} réclamation(s) ont dépassé la durée de conservation.',
  'privacy.retention.column.reference': 'Référence',
  'privacy.retention.column.closedAt': 'Clôturée le',
  'privacy.retention.column.customer': 'Client (initiales)',
  'privacy.retention.apply': 'Anonymiser ces réclamations…',
  'privacy.retention.confirmOne': '1 réclamation va être anonymisée : {list}.',
  'privacy.retention.confirmMany': '{n} réclamations vont être anonymisées : {list}.',
  'privacy.retention.confirmDetail':
    'Leurs données personnelles seront effacées définitivement, y compris dans l’historique. Cette action est irréversible.',
  'privacy.retention.confirmButton': 'Confirmer l’anonymisation',
  'privacy.retention.cancel': 'Annuler',
  'privacy.retention.busy': 'Anonymisation en cours…',
  'privacy.retention.done': '{n} réclamation(s) anonymisée(s) : {list}.',
  'privacy.retention.skipped': '{n} réclamation(s) non anonymisée(s) :',
  'privacy.retention.failed': 'L’anonymisation a échoué : {message}',
} as const;
