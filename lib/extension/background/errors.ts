// Turns anything a handler throws into the protocol's error payload, with French messages.
import { z } from 'zod';
import { type MessageKey, t, UserError } from '../../i18n';
import { fr } from '../../i18n/fr';
import type { ErrorPayload } from '../../protocol/messages';
import { TransitionRefused } from '../../register/records';

const isKey = (s: string): s is MessageKey => s in fr;
const translate = (message: string) => (isKey(message) ? t(message) : message);

export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof TransitionRefused) {
    return {
      key: error.key,
      message: error.message,
      missing: error.missing.map((key) => ({ key, message: t(key) })),
    };
  }
  if (error instanceof UserError) return { key: error.key, message: error.message };
  if (error instanceof z.ZodError) {
    const fields: Record<string, string> = {};
    for (const issue of error.issues) fields[issue.path.join('.')] ??= translate(issue.message);
    const details = Object.entries(fields)
      .map(([path, message]) => `${path} : ${message}`)
      .join(' ; ');
    return { key: 'error.invalidInput', message: t('error.invalidInput', { details }), fields };
  }
  const details = error instanceof Error ? error.message : String(error);
  return { key: 'error.unexpected', message: t('error.unexpected', { details }) };
}
