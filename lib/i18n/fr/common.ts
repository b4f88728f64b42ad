export const common = {
  'app.name': 'Registre des réclamations',
  'error.invalidInput': 'Données invalides : {details}',
  'error.unexpected': 'Erreur inattendue : {details}',
} as const;
