// Opening the side panel from a button in the webmail. Chrome only honours `sidePanel.open` inside the
// user gesture, so the router calls `openPanelNow` synchronously, before any await; what to show travels
// in the tab's report, which the panel follows (webmail-tabs.ts).
import { browser } from 'wxt/browser';
import type { Sender } from '../transport';

interface ChromeSidePanel {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
  setPanelBehavior(options: { openPanelOnActionClick: boolean }): Promise<void>;
}
interface FirefoxSidebar {
  open(): Promise<void>;
  toggle(): Promise<void>;
}

const chromeSidePanel = () => (browser as unknown as { sidePanel?: ChromeSidePanel }).sidePanel;
const firefoxSidebar = () => (browser as unknown as { sidebarAction?: FirefoxSidebar }).sidebarAction;

/** Must run synchronously inside the message listener that received the click. */
export function openPanelNow(sender: Sender): void {
  const sidePanel = chromeSidePanel();
  const report = (error: unknown) => console.warn('[registre] side panel', error);
  try {
    if (sidePanel && sender.tab?.id !== undefined) sidePanel.open({ tabId: sender.tab.id }).catch(report);
    else firefoxSidebar()?.open().catch(report);
  } catch (error) {
    report(error); // no panel API here: the agent opens the panel from the toolbar and finds the view waiting
  }
}

/** The toolbar icon opens the panel (Chrome) or toggles the sidebar (Firefox). */
export function wireToolbarToPanel(): void {
  const sidePanel = chromeSidePanel();
  if (sidePanel) {
    sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
    return;
  }
  const sidebar = firefoxSidebar();
  const toolbar = browser.action ?? browser.browserAction;
  if (sidebar) toolbar.onClicked.addListener(() => void sidebar.toggle());
}
