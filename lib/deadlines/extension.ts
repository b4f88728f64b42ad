// The limits a policy puts on extending a clock. Payment services (Code monétaire et financier art. L133-45):
// past the 15 jours ouvrables, the provider may answer later only after a holding reply ("réponse d'attente")
// that gives the customer the reasons for the delay, and never later than 35 jours ouvrables after receipt.
import { UserError } from '../i18n';
import { formatDay } from '../i18n/dates';
import { computeDue } from './compute';
import { toInstant } from './paris-time';
import { type CalendarOptionsInput, type ClockRule, type DeadlinePolicy, formatDuration } from './policy';

export interface ExtensionRequest {
  newDueAt: string;
  /** When the holding reply telling the customer about the delay was sent. */
  customerToldAt?: string | null;
}

/** The latest due date an extension may set on a clock with an `extendedMax`, or undefined when unlimited. */
export function extensionLimit(
  receivedAt: string,
  rule: ClockRule,
  calendar: CalendarOptionsInput,
): { dueAt: string; dueDay: string } | undefined {
  if (!rule.extendedMax) return undefined;
  const { rollForward, companyClosures } = rule;
  return computeDue(receivedAt, { ...rule.extendedMax, rollForward, companyClosures }, calendar);
}

/** Throws a UserError (in French) when the policy forbids this extension; does nothing for an unlimited clock. */
export function checkExtension(
  receivedAt: string,
  rule: ClockRule,
  calendar: CalendarOptionsInput,
  ext: ExtensionRequest,
): void {
  const limit = extensionLimit(receivedAt, rule, calendar);
  if (!limit || !rule.extendedMax) return;
  const first = computeDue(receivedAt, rule, calendar);
  const firstDay = formatDay(first.dueAt);
  if (!ext.customerToldAt) throw new UserError('deadlines.extension.holdingReplyMissing', { day: firstDay });
  if (toInstant(ext.customerToldAt).getTime() > toInstant(first.dueAt).getTime())
    throw new UserError('deadlines.extension.holdingReplyLate', { day: firstDay });
  if (toInstant(ext.newDueAt).getTime() > toInstant(limit.dueAt).getTime())
    throw new UserError('deadlines.extension.beyondMax', {
      day: formatDay(limit.dueAt),
      max: formatDuration(rule.extendedMax),
    });
}

/** Why the complaint's stored policy refuses this extension (a translated sentence), or undefined when allowed. */
export function extensionRefusal(
  complaint: { receivedAt: string; policy: DeadlinePolicy },
  clock: 'ack' | 'answer',
  ext: ExtensionRequest,
): string | undefined {
  try {
    checkExtension(complaint.receivedAt, complaint.policy[clock], complaint.policy, ext);
    return undefined;
  } catch (error) {
    if (error instanceof UserError) return error.message;
    throw error;
  }
}
