// The webmail content script's engine: one MutationObserver, debounced, that decorates each open
// message with the "log complaint" button (or the chip of its complaint) and each listed thread that
// is in the register with a phase chip. Mutations caused by our own elements are ignored, and a scan
// that finds nothing new does no further DOM work and sends no message.
import type { RequestOf, Send } from '../../protocol/messages';
import type { ScanAnswer } from '../../protocol/webmail';
import type { ReadMessage, ReadOptions, ReadThreadRow, WebmailAdapter } from '../../webmail/types';
import { draftFromMessage } from './draft';
import { isScanAnswer } from './guards';
import { complaintChip, ensureStyles, logButton, MARK } from './widgets';

export interface ControllerOptions {
  adapter: WebmailAdapter;
  doc: Document;
  send: Send;
  read?: ReadOptions;
  debounceMs?: number;
}

export interface Controller {
  /** Decorates the page now (the observer calls it after each burst of mutations). */
  scan(): Promise<void>;
  /** Asks the background again (after a register change) and redraws every widget. */
  refresh(): Promise<void>;
  /** Messages currently shown, for letter insertion and the panel. */
  messages(): ReadMessage[];
  stop(): void;
}

const SPOT_TEXT = 6000;
const EMPTY: ScanAnswer = { labels: { log: '', logLikely: '' }, chips: [], spots: {}, own: [] };

const ours = (node: Node) => node instanceof Element && node.closest(`[${MARK}]`) !== null;

/** True when a batch of mutations only touched our own widgets, or no element at all. */
export function onlyOurs(records: readonly MutationRecord[]): boolean {
  return records.every(
    (r) =>
      ours(r.target) ||
      [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)].every((n) => n.nodeType !== 1 || ours(n)),
  );
}

const widgetIn = (el: Element, forId: string) =>
  Array.from(el.querySelectorAll<HTMLElement>(`[${MARK}]`)).find((w) => w.dataset.for === forId) ?? null;

export function startController(options: ControllerOptions): Controller {
  const { adapter, doc, send } = options;
  const read = options.read ?? { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };
  let current: ReadMessage[] = [];
  let rows: ReadThreadRow[] = [];
  let answer: ScanAnswer = EMPTY;
  let seen = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const openPanel = (view: RequestOf<'sidepanel/open'>['view']) =>
    void send({ type: 'sidepanel/open', view }).catch(() => undefined);

  // Messages already read are not read again while their element stays: Gmail mutates the page all the
  // time, and re-reading a 100-message thread on each burst would cost tens of milliseconds.
  const cache = new WeakMap<Element, ReadMessage>();
  function readCurrent(): ReadMessage[] {
    return adapter.listMessages(doc, read).map((ref) => {
      const hit = cache.get(ref.element);
      if (hit && hit.messageId === ref.messageId && hit.text !== '') return hit;
      const message = adapter.readMessage(doc, ref, read);
      cache.set(ref.element, message);
      return message;
    });
  }

  function logMessage(messageId: string) {
    // Read again at click time: the message may have finished loading since the scan.
    const ref = adapter.listMessages(doc, read).find((m) => m.messageId === messageId);
    if (!ref) return;
    const fresh = adapter.readMessage(doc, ref, read);
    openPanel({
      kind: 'new',
      draft: draftFromMessage(fresh, adapter.id, doc.location?.href ?? '', answer.spots[messageId]),
    });
  }

  function widgetFor(message: ReadMessage): HTMLElement {
    const chip = answer.chips.find((c) => c.messageId === message.messageId);
    if (chip)
      return complaintChip(doc, chip, message.messageId, false, () => openPanel({ kind: 'complaint', id: chip.id }));
    return logButton(doc, message.messageId, answer.labels, answer.spots[message.messageId], () =>
      logMessage(message.messageId),
    );
  }

  /** The agent's own messages (the signed-in account, or the company's domains) are not complaints. */
  const isOwn = (message: ReadMessage) =>
    answer.own.includes(message.messageId) ||
    (message.from.email !== '' && message.from.email === adapter.accountEmail(doc));

  function decorateMessage(message: ReadMessage, redraw: boolean): void {
    const existing = widgetIn(message.element, message.messageId);
    if (isOwn(message) && !answer.chips.some((c) => c.messageId === message.messageId)) {
      existing?.remove();
      return;
    }
    if (existing && !redraw) return;
    const anchor = adapter.messageHeaderAnchor(message.element);
    if (!anchor) return;
    const widget = widgetFor(message);
    if (existing) existing.replaceWith(widget);
    else anchor.append(widget);
  }

  function decorateRow(row: ReadThreadRow, redraw: boolean): void {
    const chip = answer.chips.find((c) => c.threadId === row.threadId);
    const existing = widgetIn(row.element, row.threadId);
    if (existing && !redraw && chip) return;
    existing?.remove();
    if (!chip) return;
    const anchor = adapter.rowChipAnchor(row.element);
    anchor?.prepend(complaintChip(doc, chip, row.threadId, true, () => openPanel({ kind: 'complaint', id: chip.id })));
  }

  async function ask(): Promise<void> {
    const threadIds = new Set(rows.map((r) => r.threadId));
    for (const m of current) if (m.threadId) threadIds.add(m.threadId);
    if (current.length === 0 && threadIds.size === 0) {
      answer = EMPTY;
      return;
    }
    const messages = current.map((m) => ({
      messageId: m.messageId,
      threadId: m.threadId,
      subject: m.subject.slice(0, 500),
      text: m.text.slice(0, SPOT_TEXT),
      fromEmail: m.from.email.slice(0, 320),
    }));
    const raw: unknown = await send({ type: 'webmail/scan', messages, threadIds: [...threadIds] }).catch(() => null);
    answer = isScanAnswer(raw) ? raw : EMPTY;
  }

  /** Tells the background what this tab shows, so the side panel can follow the open message. */
  function report(): void {
    const last = current.at(-1);
    const draft = last
      ? draftFromMessage(last, adapter.id, doc.location?.href ?? '', answer.spots[last.messageId])
      : null;
    const messages = current.map((m) => ({ messageId: m.messageId, threadId: m.threadId }));
    void send({ type: 'webmail/opened', messages, draft }).catch(() => undefined);
  }

  // One scan at a time: a scan asked for while one runs is folded into a single follow-up scan.
  let running: Promise<void> | null = null;
  let pending: { redraw: boolean } | null = null;
  function scan(redraw = false): Promise<void> {
    if (running) {
      pending = { redraw: redraw || (pending?.redraw ?? false) };
      return running;
    }
    running = scanOnce(redraw).finally(() => {
      running = null;
      const next = pending;
      pending = null;
      if (next && !stopped) void scan(next.redraw);
    });
    return running;
  }

  async function scanOnce(redraw: boolean): Promise<void> {
    if (stopped) return;
    current = readCurrent();
    rows = adapter.readThreadRows(doc, read);
    const key = `${current.map((m) => m.messageId).join(',')}|${rows.map((r) => r.threadId).join(',')}`;
    const missing =
      current.some((m) => !widgetIn(m.element, m.messageId) && !isOwn(m)) ||
      rows.some((r) => !widgetIn(r.element, r.threadId) && answer.chips.some((c) => c.threadId === r.threadId));
    if (!redraw && key === seen && !missing) return;
    if (redraw || key !== seen) await ask();
    if (key !== seen) report();
    seen = key;
    if (current.length || rows.length) ensureStyles(doc);
    for (const m of current) decorateMessage(m, redraw);
    for (const r of rows) decorateRow(r, redraw);
  }

  const observer = new MutationObserver((records) => {
    if (onlyOurs(records)) return;
    clearTimeout(timer);
    timer = setTimeout(() => void scan(), options.debounceMs ?? 250);
  });
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
  void scan();

  return {
    scan: () => scan(),
    refresh: () => scan(true),
    messages: () => current,
    stop() {
      stopped = true;
      clearTimeout(timer);
      observer.disconnect();
      for (const el of Array.from(doc.querySelectorAll(`[${MARK}]`))) el.remove();
    },
  };
}
