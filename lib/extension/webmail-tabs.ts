// Which webmail tab shows which messages: the content scripts report what is open (and the clicks on our
// buttons), the side panel follows a tab's report, and letters go into the tab that shows the complaint's
// thread. The background writes these reports; the pages read them.
import { browser } from 'wxt/browser';
import { z } from 'zod';
import type { RequestOf } from '../protocol/messages';
import { DraftSchema } from '../register/draft';
import { onSessionChange, readSession, writeSession } from './session';

const WEBMAIL_TABS_KEY = 'webmailTabs';

export const WebmailTabSchema = z.object({
  messageIds: z.array(z.string()),
  threadIds: z.array(z.string()),
  /** The message the agent is on: the last one of the thread, or the one whose "log complaint" was clicked. */
  draft: DraftSchema.nullable(),
  at: z.string(),
  /** The last click on one of our buttons in this tab: the panel shows what it asked for, once. */
  asked: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('new'), at: z.string() }),
      z.object({ kind: z.literal('complaint'), id: z.string(), at: z.string() }),
    ])
    .optional(),
});
export type WebmailTab = z.infer<typeof WebmailTabSchema>;
export type AskedView = NonNullable<WebmailTab['asked']>;
const WebmailTabsSchema = z.record(z.string(), WebmailTabSchema);
export type WebmailTabs = z.infer<typeof WebmailTabsSchema>;

export async function readWebmailTabs(): Promise<WebmailTabs> {
  const parsed = WebmailTabsSchema.safeParse((await readSession(WEBMAIL_TABS_KEY)) ?? {});
  return parsed.success ? parsed.data : {};
}

export const onWebmailTabsChange = (callback: () => void) => onSessionChange(WEBMAIL_TABS_KEY, callback);

// Every write reads the whole record and writes it back: writes are chained so that two tabs reporting at
// once do not lose one of the reports.
let writing: Promise<void> = Promise.resolve();
function update(change: (tabs: WebmailTabs) => WebmailTabs | undefined): Promise<void> {
  const next = writing.then(async () => {
    const changed = change(await readWebmailTabs());
    if (changed) await writeSession(WEBMAIL_TABS_KEY, changed);
  });
  writing = next.catch(() => undefined);
  return next;
}

export function reportWebmailTab(tabId: number, tab: WebmailTab): Promise<void> {
  return update((tabs) => ({ ...tabs, [String(tabId)]: tab }));
}

/** A click in `tabId`: a new complaint from the draft built at the click, or a logged complaint. */
export function reportAsked(tabId: number, view: RequestOf<'sidepanel/open'>['view'], now = new Date()): Promise<void> {
  const at = now.toISOString();
  return update((tabs) => {
    const tab = tabs[String(tabId)] ?? { messageIds: [], threadIds: [], draft: null, at };
    const asked: AskedView = view.kind === 'new' ? { kind: 'new', at } : { kind: 'complaint', id: view.id, at };
    const draft = view.kind === 'new' ? view.draft : tab.draft;
    return { ...tabs, [String(tabId)]: { ...tab, draft, at, asked } };
  });
}

export function forgetWebmailTab(tabId: number): Promise<void> {
  return update((tabs) => {
    if (!(String(tabId) in tabs)) return undefined;
    const { [String(tabId)]: _gone, ...rest } = tabs;
    return rest;
  });
}

/** The one "newest webmail tab" rule: the tab whose content script reported last. */
function newest(entries: [string, WebmailTab][]): [string, WebmailTab] | undefined {
  return entries.reduce<[string, WebmailTab] | undefined>(
    (best, e) => (!best || e[1].at > best[1].at ? e : best),
    undefined,
  );
}

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** The tab to insert a letter into for a complaint: the active one if it shows the thread, else the newest that does. */
export function tabForThread(
  tabs: WebmailTabs,
  ids: { messageId?: string; threadId?: string },
  activeTabId?: number,
): number | undefined {
  const shows = (t: WebmailTab) =>
    (ids.threadId && t.threadIds.includes(ids.threadId)) || (ids.messageId && t.messageIds.includes(ids.messageId));
  const entries = Object.entries(tabs).filter(([, t]) => shows(t));
  const chosen = entries.find(([id]) => Number(id) === activeTabId) ?? newest(entries);
  return chosen ? Number(chosen[0]) : undefined;
}

export async function tabShowingThread(ids: { messageId?: string; threadId?: string }): Promise<number | undefined> {
  return tabForThread(await readWebmailTabs(), ids, await activeTabId());
}

/**
 * The report the panel follows: the active tab's; for the register opened in a tab of its own (not the
 * side panel), the newest report.
 */
export async function followedWebmailTab(): Promise<WebmailTab | null> {
  const tabs = await readWebmailTabs();
  const active = await activeTabId();
  const entry = active !== undefined ? tabs[String(active)] : undefined;
  if (entry) return entry;
  const inTab = (await browser.tabs.getCurrent?.()) !== undefined;
  return inTab ? (newest(Object.entries(tabs))?.[1] ?? null) : null;
}
