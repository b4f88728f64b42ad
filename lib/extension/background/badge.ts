// Keeps the toolbar badge right: after every register change, every minute (alarm), and at start-up.
import { browser } from 'wxt/browser';
import { badgeFor } from '../../badge';
import { countDueSoon, countOverdue } from '../../register/store/queries';
import { getSettings } from '../../register/store/settings';

export const BADGE_ALARM = 'badge-refresh';

/** MV3 Chrome has `action`; Firefox MV2 has `browserAction`. */
const toolbar = () => browser.action ?? browser.browserAction;

export async function refreshBadge(now = new Date()): Promise<{ overdue: number; dueSoon: number }> {
  const settings = await getSettings();
  const counts = {
    overdue: await countOverdue(now),
    dueSoon: await countDueSoon(now, settings.policy.dueSoonHours),
  };
  const state = badgeFor(counts);
  await Promise.all([
    toolbar().setBadgeText({ text: state.text }),
    toolbar().setBadgeBackgroundColor({ color: state.color }),
    toolbar().setTitle({ title: state.title }),
  ]);
  return counts;
}

export async function scheduleBadgeAlarm(): Promise<void> {
  const existing = await browser.alarms.get(BADGE_ALARM);
  if (!existing) await browser.alarms.create(BADGE_ALARM, { periodInMinutes: 1 });
}
