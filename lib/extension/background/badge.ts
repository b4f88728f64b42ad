// Keeps the toolbar badge right: after every register change, every minute (alarm), and at start-up.
import { browser } from 'wxt/browser';
import { badgeFor } from '../../badge';
import { countOwnDue } from '../../register/store/assigned';
import { countDueSoon, countOverdue } from '../../register/store/queries';
import { getSettings } from '../../register/store/settings';
import { productSync } from '../../register/store/sync-state';
import { badgeHolder, readBadgeScope } from '../badge-scope';

export const BADGE_ALARM = 'badge-refresh';

/** MV3 Chrome has `action`; Firefox MV2 has `browserAction`. */
const toolbar = () => browser.action ?? browser.browserAction;

export async function refreshBadge(now = new Date()): Promise<{ overdue: number; dueSoon: number }> {
  const [settings, identity, scope] = await Promise.all([getSettings(), productSync.getIdentity(), readBadgeScope()]);
  const hours = settings.policy.dueSoonHours;
  // A team register counts the agent's own complaints (a manager may choose the whole team's).
  const holder = badgeHolder(identity, scope);
  const counts = holder
    ? await countOwnDue(now, hours, holder)
    : { overdue: await countOverdue(now), dueSoon: await countDueSoon(now, hours) };
  const state = badgeFor(counts);
  await Promise.all([
    toolbar().setBadgeText({ text: state.text }),
    toolbar().setBadgeBackgroundColor({ color: state.color }),
    toolbar().setTitle({ title: state.title }),
  ]);
  return counts;
}

/**
 * The badge refreshed after a change, at start-up or on the alarm, where nothing waits for its counts: a
 * refresh that fails (the database closed under it by a wipe or a reset) must not turn a write that has
 * committed into an error, nor go unhandled; it is logged, and the next change or the minute's alarm
 * refreshes the badge again.
 */
export async function refreshBadgeSafely(now = new Date()): Promise<void> {
  try {
    await refreshBadge(now);
  } catch (error) {
    console.warn('[registre] badge non mis à jour (nouvel essai à la prochaine alarme)', error);
  }
}

export async function scheduleBadgeAlarm(): Promise<void> {
  const existing = await browser.alarms.get(BADGE_ALARM);
  if (!existing) await browser.alarms.create(BADGE_ALARM, { periodInMinutes: 1 });
}
