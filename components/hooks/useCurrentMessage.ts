// The message open in the active webmail tab, as its content script reported it to the background.
// Switching messages or tabs switches what the panel follows.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { readWebmailTabs, WEBMAIL_TABS_KEY } from '@/lib/extension/background/webmail-tabs';
import type { Draft } from '@/lib/register/draft';

export function useCurrentMessage(): Draft | null {
  const [draft, setDraft] = useState<Draft | null>(null);
  useEffect(() => {
    let live = true;
    const read = async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      const tabs = await readWebmailTabs();
      const entry = tab?.id !== undefined ? tabs[String(tab.id)] : undefined;
      // The register opened in a tab of its own (not the side panel) follows the newest webmail report.
      const inTab = (await browser.tabs.getCurrent?.()) !== undefined;
      const newest = inTab ? Object.values(tabs).sort((a, b) => (a.at < b.at ? 1 : -1))[0] : undefined;
      if (live) setDraft((entry ?? newest)?.draft ?? null);
    };
    void read();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && WEBMAIL_TABS_KEY in changes) void read();
    };
    const onTab = () => void read();
    browser.storage.onChanged.addListener(onChanged);
    browser.tabs.onActivated.addListener(onTab);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
      browser.tabs.onActivated.removeListener(onTab);
    };
  }, []);
  return draft;
}
