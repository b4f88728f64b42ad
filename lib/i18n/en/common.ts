import type { common as fr } from '../fr/common';

export const common: Record<keyof typeof fr, string> = {
  'app.name': 'Complaint register',
  'error.invalidInput': 'Invalid data: {details}',
  'error.noBackground': "No answer from the extension's background service.",
  'error.noContentScript': 'No webmail open in this tab answers (reload the webmail page).',
  'error.unexpected': 'Unexpected error: {details}',
};
