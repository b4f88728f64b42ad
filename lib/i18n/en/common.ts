import type { common as fr } from '../fr/common';

export const common: Record<keyof typeof fr, string> = {
  'app.name': 'Complaint register',
  'error.invalidInput': 'Invalid data: {details}',
  'error.unexpected': 'Unexpected error: {details}',
};
