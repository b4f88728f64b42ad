// zod issues in words: messages that are dictionary keys (the register schema's own rules) are translated.
import type { z } from 'zod';
import { type MessageKey, t } from '.';
import { fr } from './fr';

const isKey = (s: string): s is MessageKey => s in fr;

export function issuesText(error: z.ZodError, max = 3): string {
  const shown = error.issues.slice(0, max).map((i) => {
    const message = isKey(i.message) ? t(i.message) : i.message;
    return `${i.path.join('.') || '(racine)'} : ${message}`;
  });
  const more = error.issues.length - shown.length;
  return shown.join(' ; ') + (more > 0 ? ` ; ${t('data.restore.moreIssues', { n: more })}` : '');
}
