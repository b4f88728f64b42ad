// Which webmail tab shows which messages: the content scripts report what is open, the side panel
// follows the active tab's message and inserts letters into the tab that shows the complaint's thread.
// Kept in storage.session (not on disk; it holds a draft with an excerpt of the email).
import browser from 'webextension-polyfill';
import { z } from 'zod';
import { DraftSchema } from '../../register/draft';

export const WEBMAIL_TABS_KEY = 'webmailTabs';

export const WebmailTabSchema = z.object({
  messageIds: z.array(z.string()),
  threadIds: z.array(z.string()),
  draft: DraftSchema.nullable(),
  at: z.string(),
});
export type WebmailTab = z.infer<typeof WebmailTabSchema>;
export const WebmailTabsSchema = z.record(z.string(), WebmailTabSchema);
export type WebmailTabs = z.infer<typeof WebmailTabsSchema>;

let memory: WebmailTabs = {};
const session = () => (browser.storage as { session?: browser.Storage.StorageArea }).session;

export async function readWebmailTabs(): Promise<WebmailTabs> {
  const area = session();
  if (!area) return memory;
  const parsed = WebmailTabsSchema.safeParse((await area.get(WEBMAIL_TABS_KEY))[WEBMAIL_TABS_KEY] ?? {});
  return parsed.success ? parsed.data : {};
}

async function write(tabs: WebmailTabs): Promise<void> {
  const area = session();
  if (area) await area.set({ [WEBMAIL_TABS_KEY]: tabs });
  else memory = tabs;
}

export async function reportWebmailTab(tabId: number, tab: WebmailTab): Promise<void> {
  await write({ ...(await readWebmailTabs()), [String(tabId)]: tab });
}

export async function forgetWebmailTab(tabId: number): Promise<void> {
  const tabs = await readWebmailTabs();
  if (!(String(tabId) in tabs)) return;
  delete tabs[String(tabId)];
  await write(tabs);
}

/** The tab to insert a letter into for a complaint: the active one if it shows the thread, else any that does. */
export function tabForThread(
  tabs: WebmailTabs,
  ids: { messageId?: string; threadId?: string },
  activeTabId?: number,
): number | undefined {
  const shows = (t: WebmailTab) =>
    (ids.threadId && t.threadIds.includes(ids.threadId)) || (ids.messageId && t.messageIds.includes(ids.messageId));
  const entries = Object.entries(tabs).filter(([, t]) => shows(t));
  const active = entries.find(([id]) => Number(id) === activeTabId);
  const chosen = active ?? entries.sort(([, a], [, b]) => (a.at < b.at ? 1 : -1))[0];
  return chosen ? Number(chosen[0]) : undefined;
}
