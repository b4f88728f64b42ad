export const common = {
  'app.name': 'Registre des réclamations',
  'error.invalidInput': 'Données invalides : {details}',
  'error.noBackground': 'Pas de réponse du service d’arrière-plan de l’extension.',
  'error.noContentScript': 'Aucun webmail ouvert dans cet onglet ne répond (rechargez la page du webmail).',
  'error.unexpected': 'Erreur inattendue : {details}',
} as const;
