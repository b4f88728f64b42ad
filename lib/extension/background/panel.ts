// Opening the side panel from a button in the webmail. Chrome only honours `sidePanel.open` inside the
// user gesture, so the router calls `openPanelNow` synchronously, before any await; what to show travels
// separately as a "pending view" that the panel takes once it is open (and watches while it stays open).
import browser from 'webextension-polyfill';
import type { RequestOf } from '../../protocol/messages';

export type PanelView = RequestOf<'sidepanel/open'>['view'];
export const PENDING_KEY = 'pendingView';

interface ChromeSidePanel {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
  setPanelBehavior(options: { openPanelOnActionClick: boolean }): Promise<void>;
}
interface FirefoxSidebar {
  open(): Promise<void>;
  toggle(): Promise<void>;
}

const chromeSidePanel = (): ChromeSidePanel | undefined =>
  (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
const firefoxSidebar = (): FirefoxSidebar | undefined =>
  (browser as unknown as { sidebarAction?: FirefoxSidebar }).sidebarAction;

/** Must run synchronously inside the message listener that received the click. */
export function openPanelNow(sender: browser.Runtime.MessageSender): void {
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

// The last view asked for, with a sequence number: every open panel (the real side panel, or the
// register opened in a tab) shows each new one once. storage.session keeps the draft (an email excerpt)
// off the disk; browsers without it keep it in memory.
export interface PendingView {
  view: PanelView;
  seq: number;
  at: string;
}
let memory: PendingView | null = null;
const session = () => (browser.storage as { session?: browser.Storage.StorageArea }).session;

export async function setPendingView(view: PanelView, now = new Date()): Promise<void> {
  const previous = await getPendingView();
  const pending: PendingView = { view, seq: (previous?.seq ?? 0) + 1, at: now.toISOString() };
  const area = session();
  if (area) await area.set({ [PENDING_KEY]: pending });
  else memory = pending;
}

export async function getPendingView(): Promise<PendingView | null> {
  const area = session();
  if (!area) return memory;
  return ((await area.get(PENDING_KEY))[PENDING_KEY] as PendingView | undefined) ?? null;
}
