// What the case file derives from the record and its history: the steps with their dates (read from the
// transition events, whose phases and dates are never personal, so they survive an anonymisation).
import type { HistoryEvent } from '@/lib/register/history';
import type { Complaint, Phase } from '@/lib/register/schema';

export interface StepLine {
  at: string;
  phase: Phase;
  actor: string;
}

/** Changes that carry when a step really happened (an acknowledgement recorded the day after it was sent). */
const STAMPS = ['clocks.ack.metAt', 'clocks.answer.metAt', 'closure.closedAt'];

export function stepsOf(c: Complaint, history: readonly HistoryEvent[]): StepLine[] {
  const steps: StepLine[] = [{ at: c.loggedAt, phase: 'registered', actor: c.loggedBy }];
  for (const e of history) {
    if (e.type !== 'transition') continue;
    const phase = e.changes.find((ch) => ch.path === 'phase')?.to;
    if (typeof phase !== 'string') continue;
    const stamp = e.changes.find((ch) => STAMPS.includes(ch.path) && typeof ch.to === 'string')?.to;
    steps.push({ at: typeof stamp === 'string' ? stamp : e.at, phase: phase as Phase, actor: e.actor });
  }
  return steps;
}

/** The category's label in the settings, or its id when it has been removed since. */
export function categoryLabel(id: string, categories: readonly { id: string; label: string }[]): string {
  return categories.find((k) => k.id === id)?.label ?? id;
}

/** The deadline extension a letter announces (matched on the extension's `at`), if it is still recorded. */
export function announcedExtension(c: Complaint, extensionAt: string | undefined) {
  if (!extensionAt) return undefined;
  return [...c.clocks.ack.extensions, ...c.clocks.answer.extensions].find((x) => x.at === extensionAt);
}

/** Who a case file is printed for: the customer or the mediator, or the company itself. */
export const AUDIENCES = ['customer', 'internal'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** The audience a case file address asks for (`?audience=customer|internal`); internal when unsaid, as before. */
export function audienceOf(search: string): Audience {
  return new URLSearchParams(search).get('audience') === 'customer' ? 'customer' : 'internal';
}
