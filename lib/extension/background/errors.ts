// Turns anything a handler throws into the protocol's error payload, with French messages.
import { z } from 'zod';
import { t, UserError } from '../../i18n';
import { issuesByField } from '../../i18n/zod-issues';
import type { ErrorPayload } from '../../protocol/messages';
import { TransitionRefused } from '../../register/records';

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
    const fields = issuesByField(error);
    const details = Object.entries(fields)
      .map(([path, message]) => `${path} : ${message}`)
      .join(' ; ');
    return { key: 'error.invalidInput', message: t('error.invalidInput', { details }), fields };
  }
  const details = error instanceof Error ? error.message : String(error);
  return { key: 'error.unexpected', message: t('error.unexpected', { details }) };
}
