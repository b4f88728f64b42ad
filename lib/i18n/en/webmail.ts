import type { webmail as fr } from '../fr/webmail';

export const webmail: Record<keyof typeof fr, string> = {
  'webmail.cli.usage': 'Usage: npm run -s read-page -- <saved-page.html> [--tz Europe/Paris]',
  'webmail.cli.missingFile':
    'Give the HTML file of a saved webmail page. Usage: npm run -s read-page -- <page.html> [--tz Europe/Paris]',
  'webmail.cli.tooManyFiles': 'One file at a time, please.',
  'webmail.cli.fileNotFound': 'File not found: {path}',
  'webmail.cli.notAFile': 'This path is not a file: {path}',
  'webmail.cli.unreadable': 'Cannot read {path}: {details}',
  'webmail.cli.unknownOption': 'Unknown option: {option} (available: --tz <time zone>)',
  'webmail.cli.missingTimeZone': 'The --tz option needs a time zone, for example Europe/Paris.',
  'webmail.cli.invalidTimeZone': 'Unknown time zone: {tz} (example: Europe/Paris)',
} as const;
