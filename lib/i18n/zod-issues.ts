// zod issues in words, the one conversion every form, the background and the readers of stored records use.
// zod writes its own messages in the interface language (index.ts sets its locale); a message that is a
// dictionary key (the register schema's own rules) is translated here.
import type { z } from 'zod';
import { type MessageKey, t } from '.';
import { fr } from './fr';

const isKey = (s: string): s is MessageKey => s in fr;
const dotted = (path: readonly PropertyKey[]) => path.map(String).join('.');

export function issueMessage(issue: z.core.$ZodIssue): string {
  return isKey(issue.message) ? t(issue.message) : issue.message;
}

/** The first message of each field; `fieldOf` names the field an issue belongs to (its dotted path by default). */
export function issuesByField(
  error: z.ZodError,
  fieldOf: (path: readonly PropertyKey[]) => string = dotted,
  messageOf: (issue: z.core.$ZodIssue, field: string) => string = issueMessage,
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = fieldOf(issue.path);
    fields[field] ??= messageOf(issue, field);
  }
  return fields;
}

/** "path : message ; …", at most `max` issues and a count of the rest. */
export function issuesText(error: z.ZodError, max = 3): string {
  const shown = error.issues.slice(0, max).map((i) => `${dotted(i.path) || '(racine)'} : ${issueMessage(i)}`);
  const more = error.issues.length - shown.length;
  return shown.join(' ; ') + (more > 0 ? ` ; ${t('data.restore.moreIssues', { n: more })}` : '');
}
