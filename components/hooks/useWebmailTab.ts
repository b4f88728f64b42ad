// The webmail tab the panel follows, as its content script reported it to the background: the message
// open there, and the last click on one of our buttons. Switching messages or tabs switches what it follows.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { followedWebmailTab, onWebmailTabsChange, type WebmailTab } from '@/lib/extension/webmail-tabs';

export function useWebmailTab(): WebmailTab | null {
  const [tab, setTab] = useState<WebmailTab | null>(null);
  useEffect(() => {
    let live = true;
    let reads = 0;
    // Only the latest read counts: an older one answering late would show a tab the agent has left.
    const read = () => {
      const n = ++reads;
      void followedWebmailTab().then((t) => live && n === reads && setTab(t));
    };
    read();
    const stopWatching = onWebmailTabsChange(read);
    browser.tabs.onActivated.addListener(read);
    return () => {
      live = false;
      stopWatching();
      browser.tabs.onActivated.removeListener(read);
    };
  }, []);
  return tab;
}
