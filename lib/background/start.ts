// Start-up of the background: listeners first (so no message is lost while the worker wakes up),
// then the alarm, the quarantine sweep and a badge that is right from the first second.
import browser from 'webextension-polyfill';
import { quarantineInvalid } from '../register/quarantine';
import { onInvalidRecord } from '../register/queries';
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
  browser.runtime.onInstalled.addListener(() => void refreshBadge());
  let sweeping = false;
  onInvalidRecord((record) => {
    console.warn('[registre] enregistrement illisible mis de côté', record.store, record.key, record.issues);
    if (record.store !== 'complaints' || sweeping) return;
    sweeping = true;
    void quarantineInvalid(new Date()).finally(() => {
      sweeping = false;
    });
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetWebmailTab(tabId));
  wireToolbarToPanel();
  void scheduleBadgeAlarm();
  void quarantineInvalid(new Date()).then(() => refreshBadge());
}
