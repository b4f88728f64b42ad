// Start-up of the background: listeners first (so no message is lost while the worker wakes up), then the
// alarm and a badge that is right from the first second. The service worker wakes up often: it does not
// sweep the register then; unreadable records are moved aside when a read meets them, and the whole
// register is swept once after an install or an update (a new schema may refuse old records), and the rows
// read model checked against the complaints.
import browser from 'webextension-polyfill';
import { quarantineComplaints, quarantineInvalid } from '../../register/store/quarantine';
import { onInvalidRecord } from '../../register/store/queries';
import { repairRows } from '../../register/store/rows-repair';
import { BADGE_ALARM, refreshBadge, scheduleBadgeAlarm } from './badge';
import { wireToolbarToPanel } from './panel';
import { messageListener } from './router';
import { forgetWebmailTab } from './webmail-tabs';

export function startBackground(): void {
  browser.runtime.onMessage.addListener(messageListener as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BADGE_ALARM) void refreshBadge();
  });
  browser.runtime.onStartup.addListener(() => void refreshBadge());
  browser.runtime.onInstalled.addListener(
    () =>
      void quarantineInvalid(new Date())
        .then(() => repairRows())
        .then(() => refreshBadge()),
  );
  onInvalidRecord((record) => {
    console.warn('[registre] enregistrement illisible mis de côté', record.store, record.key, record.issues);
    if (record.store === 'complaints') void quarantineComplaints([record.key], new Date());
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetWebmailTab(tabId));
  wireToolbarToPanel();
  void scheduleBadgeAlarm();
  void refreshBadge();
}
