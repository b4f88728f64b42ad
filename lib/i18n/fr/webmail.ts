// Strings of the webmail adapters and of the read-page CLI.
export const webmail = {
  'webmail.cli.usage': 'Usage : npm run -s read-page -- <page-enregistrée.html> [--tz Europe/Paris]',
  'webmail.cli.missingFile':
    'Indiquez le fichier HTML d’une page de webmail enregistrée. Usage : npm run -s read-page -- <page.html> [--tz Europe/Paris]',
  'webmail.cli.tooManyFiles': 'Un seul fichier à la fois, s’il vous plaît.',
  'webmail.cli.fileNotFound': 'Fichier introuvable : {path}',
  'webmail.cli.notAFile': 'Ce chemin n’est pas un fichier : {path}',
  'webmail.cli.unreadable': 'Impossible de lire {path} : {details}',
  'webmail.cli.unknownOption': 'Option inconnue : {option} (options possibles : --tz <fuseau horaire>)',
  'webmail.cli.missingTimeZone': 'L’option --tz attend un fuseau horaire, par exemple Europe/Paris.',
  'webmail.cli.invalidTimeZone': 'Fuseau horaire inconnu : {tz} (exemple : Europe/Paris)',
} as const;
