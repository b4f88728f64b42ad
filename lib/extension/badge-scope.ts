// What the toolbar badge counts in a team register (issue 13): the agent's own complaints, or, for a
// manager who chooses it, the whole team's. A preference of this browser (storage.local), not an
// organisation setting; it holds no personal data.
import { browser } from 'wxt/browser';
import { z } from 'zod';

export const BADGE_SCOPE_KEY = 'teamBadgeScope';
export const BadgeScopeSchema = z.enum(['mine', 'team']);
export type BadgeScope = z.infer<typeof BadgeScopeSchema>;

export async function readBadgeScope(): Promise<BadgeScope> {
  const parsed = BadgeScopeSchema.safeParse((await browser.storage.local.get(BADGE_SCOPE_KEY))[BADGE_SCOPE_KEY]);
  return parsed.success ? parsed.data : 'mine';
}

export async function saveBadgeScope(scope: BadgeScope): Promise<void> {
  await browser.storage.local.set({ [BADGE_SCOPE_KEY]: BadgeScopeSchema.parse(scope) });
}

/** Whose complaints the badge counts: an agent id, or null for the whole register (local, or a manager's
 *  choice). An auditor holds nothing: their badge counts their own, none. */
export function badgeHolder(
  identity: { agent: { id: string; role: string } } | null,
  scope: BadgeScope,
): string | null {
  if (!identity) return null;
  if (identity.agent.role === 'manager' && scope === 'team') return null;
  return identity.agent.id;
}
