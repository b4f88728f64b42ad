// Start-up of the background: listeners first (so no message is lost while the worker wakes up), then the
// alarm and a badge that is right from the first second. The service worker wakes up often: it does not
// sweep the register then; unreadable records are moved aside when a read meets them, and the whole
// register is swept once after an install or an update (a new schema may refuse old records), and the rows
// read model and the dashboard's aggregates checked against the complaints. A restore the page left unfinished is rolled back
// (restore-guard.ts).
import { browser } from 'wxt/browser';
import { repairStats } from '../../register/store/dashboard-stats';
import { quarantineComplaints, quarantineInvalid } from '../../register/store/quarantine';
import { onInvalidRecord } from '../../register/store/queries';
import { repairRows } from '../../register/store/rows-repair';
import { answerRequests } from '../transport';
import { forgetWebmailTab } from '../webmail-tabs';
import { BADGE_ALARM, refreshBadgeSafely, scheduleBadgeAlarm } from './badge';
import { wireToolbarToPanel } from './panel';
import { watchRestore } from './restore-guard';
import { route } from './router';
import { requestSync, startSync } from './sync';

export function startBackground(): void {
  answerRequests(route);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BADGE_ALARM) {
      void refreshBadgeSafely();
      void requestSync(); // what waited offline goes out, and the team's changes come in
    }
  });
  browser.runtime.onStartup.addListener(() => void refreshBadgeSafely());
  browser.runtime.onInstalled.addListener(
    () =>
      void quarantineInvalid(new Date())
        .then(() => repairRows())
        .then(() => repairStats())
        .then(() => refreshBadgeSafely())
        .catch((error) => console.warn('[registre] vérification au démarrage interrompue', error)),
  );
  onInvalidRecord((record) => {
    console.warn('[registre] enregistrement illisible mis de côté', record.store, record.key, record.issues);
    if (record.store === 'complaints') void quarantineComplaints([record.key], new Date());
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetWebmailTab(tabId));
  wireToolbarToPanel();
  watchRestore('start');
  startSync();
  void scheduleBadgeAlarm();
  void refreshBadgeSafely();
}
