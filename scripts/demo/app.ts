// The demo mailbox's behaviour, run in its page (ours, not Gmail's): routes on the URL hash like Gmail
// (#inbox, #inbox/<legacy thread id>), re-renders [role=main] on every navigation after a short delay (Gmail
// loads conversations late, and the extension's observer must cope), opens the inline reply a moment after a
// click on Répondre, and "sends" it: the reply is kept in the conversation, in sessionStorage.
import * as z from 'zod/mini';
import { editorParagraphs, renderCompose } from './compose';
import { h } from './dom';
import { renderInbox, type ViewOptions } from './inbox-view';
import { legacyIdOf, type Mailbox, MailboxMessageSchema, type MailboxThread } from './model';
import { renderThread } from './thread-view';

export interface AppOptions {
  /** Delay before a view appears after a navigation (Gmail's loading time). */
  navigationDelayMs?: number;
  /** Delay before the reply editor appears after a click on Répondre. */
  replyDelayMs?: number;
  timeZone?: string;
  clock?: () => Date;
  storage?: Storage | null;
}

const STATE_KEY = 'maison-lumen-demo';
const StoredStateSchema = z.object({
  read: z.array(z.string()),
  sent: z.record(z.string(), z.array(MailboxMessageSchema)),
});
type StoredState = z.infer<typeof StoredStateSchema>;

function loadState(storage: Storage | null): StoredState {
  try {
    const parsed = StoredStateSchema.safeParse(JSON.parse(storage?.getItem(STATE_KEY) ?? 'null'));
    if (parsed.success) return parsed.data;
  } catch {
    // Unreadable state: start afresh.
  }
  return { read: [], sent: {} };
}

export interface DemoApp {
  /** Renders the view the URL asks for (after the navigation delay). */
  render(): void;
  stop(): void;
}

export function startDemoMailbox(doc: Document, source: Mailbox, options: AppOptions = {}): DemoApp {
  const view = doc.defaultView;
  const root = doc.querySelector<HTMLElement>('[role="main"]');
  if (!view || !root) throw new Error('The demo page has no window or no [role=main].');
  const win: Window = view;
  const main: HTMLElement = root;
  const storage = options.storage === undefined ? safeSessionStorage(win) : options.storage;
  const state = loadState(storage);
  const clock = options.clock ?? (() => new Date());
  const viewOptions = (): ViewOptions => ({ now: clock(), timeZone: options.timeZone });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let toastTimer: ReturnType<typeof setTimeout> | undefined;

  const save = () => storage?.setItem(STATE_KEY, JSON.stringify(state));

  /** The mailbox with the replies sent during the demo, and what has been read. */
  function mailbox(): Mailbox {
    const threads = source.threads.map(
      (t): MailboxThread => ({
        ...t,
        unread: t.unread && !state.read.includes(t.legacyId),
        messages: [...t.messages, ...(state.sent[t.legacyId] ?? [])],
      }),
    );
    return { ...source, threads };
  }

  const openThread = () => {
    const match = /^#inbox\/([0-9a-f]+)$/.exec(win.location.hash);
    return match ? mailbox().threads.find((t) => t.legacyId === match[1]) : undefined;
  };

  function updateChrome(box: Mailbox, thread: MailboxThread | undefined) {
    const unread = box.threads.filter((t) => t.unread).length;
    const counter = doc.getElementById('dm-unread');
    if (counter) counter.textContent = unread ? String(unread) : '';
    const where = thread ? thread.subject : `Boîte de réception${unread ? ` (${unread})` : ''}`;
    doc.title = `${where} - ${box.agent.email} - Gmail`;
  }

  function show() {
    const thread = openThread();
    if (thread && !state.read.includes(thread.legacyId)) {
      state.read.push(thread.legacyId);
      save();
    }
    const box = mailbox();
    const shown = thread && box.threads.find((t) => t.legacyId === thread.legacyId);
    main.replaceChildren(shown ? renderThread(doc, box, shown, viewOptions()) : renderInbox(doc, box, viewOptions()));
    main.scrollTo?.(0, 0);
    updateChrome(box, shown);
  }

  function render() {
    clearTimeout(timer);
    main.replaceChildren(h(doc, 'div', { class: 'dm-loading', role: 'status' }, 'Chargement…'));
    const delay = options.navigationDelayMs ?? 150;
    if (delay <= 0) show();
    else timer = setTimeout(show, delay);
  }

  function toast(text: string) {
    doc.querySelector('.dm-toast')?.remove();
    const el = h(doc, 'div', { class: 'dm-toast vh', role: 'alert' }, text);
    doc.body.append(el);
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => el.remove(), 6000);
  }

  function openReply(from: Element) {
    const thread = openThread();
    const host = main.querySelectorAll('div.ip');
    const ip = host?.[host.length - 1];
    if (!thread || !ip) return;
    const existing = ip.querySelector<HTMLElement>('[g_editable="true"]');
    if (existing) return existing.focus();
    // Gmail answers the message whose header button was pressed, or the last one from the reply bar.
    const own = from.closest('div.adn')?.getAttribute('data-message-id')?.replace(/^#/, '');
    const replyTo = thread.messages.find((m) => m.messageId === own) ?? thread.messages.at(-1);
    if (!replyTo) return;
    setTimeout(() => {
      if (ip.querySelector('.M9')) return;
      const compose = renderCompose(doc, {
        thread,
        replyTo,
        agent: source.agent,
        signature: source.signature,
        composeId: Math.random().toString(16).slice(2, 10),
        timeZone: options.timeZone,
      });
      ip.classList.add('adB');
      ip.querySelector<HTMLElement>('.dm-replybar')?.setAttribute('style', 'display: none');
      ip.prepend(compose);
      compose.querySelector<HTMLElement>('[g_editable="true"]')?.focus();
    }, options.replyDelayMs ?? 120);
  }

  function send(control: Element) {
    const thread = openThread();
    const editor = control.closest('.M9')?.querySelector('[g_editable="true"]');
    if (!thread || !editor) return;
    const paragraphs = editorParagraphs(editor);
    if (paragraphs.length === 0) return toast('Le message est vide : rien n’a été envoyé.');
    const customer = thread.messages.find((m) => m.from.email !== source.agent.email)?.from;
    const digits = `${clock().getTime()}${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
    const sent = MailboxMessageSchema.parse({
      messageId: `msg-a:r${digits}`,
      legacyId: legacyIdOf(digits),
      from: source.agent,
      to: customer ? [customer] : [],
      date: clock().toISOString(),
      paragraphs,
    });
    state.sent[thread.legacyId] = [...(state.sent[thread.legacyId] ?? []), sent];
    save();
    show();
    toast('Message envoyé');
  }

  function act(target: Element, event: Event) {
    const control = target.closest('[data-dm-action]');
    if (!control) return;
    const action = control.getAttribute('data-dm-action');
    if (action === 'open') win.location.hash = `#inbox/${control.getAttribute('data-dm-thread')}`;
    else if (action === 'back') win.location.hash = '#inbox';
    else if (action === 'refresh') render();
    else if (action === 'reply') openReply(control);
    else if (action === 'send') send(control);
    else if (action === 'discard') show();
    else return;
    event.preventDefault();
  }

  const onClick = (event: Event) => {
    const target = elementOf(event.target);
    if (target) act(target, event);
  };
  const onKey = (event: KeyboardEvent) => {
    const target = elementOf(event.target);
    const compose = target?.closest('.M9');
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && compose) {
      const sendButton = compose.querySelector('[data-dm-action="send"]');
      if (sendButton) send(sendButton);
      event.preventDefault();
    } else if ((event.key === 'Enter' || event.key === ' ') && target?.matches('[data-dm-action]')) {
      act(target, event);
    }
  };
  doc.addEventListener('click', onClick);
  doc.addEventListener('keydown', onKey);
  win.addEventListener('hashchange', render);
  render();

  return {
    render,
    stop() {
      clearTimeout(timer);
      clearTimeout(toastTimer);
      doc.removeEventListener('click', onClick);
      doc.removeEventListener('keydown', onKey);
      win.removeEventListener('hashchange', render);
    },
  };
}

function elementOf(target: EventTarget | null): Element | null {
  return target && (target as Node).nodeType === 1 ? (target as Element) : null;
}

function safeSessionStorage(win: Window): Storage | null {
  try {
    return win.sessionStorage;
  } catch {
    return null;
  }
}
