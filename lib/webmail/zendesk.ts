// The Zendesk agent workspace adapter: the only module that knows Zendesk's DOM (its selectors are data, in
// zendesk-selectors.ts, with their sources). Zendesk keeps every open ticket's pane in the page: everything is
// read inside the active ticket's pane. Where the agent's session can read the ticket through Zendesk's REST
// API (zendesk-api.ts), its requester, subject and public comments come from there, and the page is the
// fallback; each message says which (`readVia`), and the panel shows it.
// Ids: "zendesk:<ticket>" for the ticket, "zendesk:<ticket>:<comment instant>" for a comment, since the page
// shows a comment's instant (time[datetime]) and the API gives the same one.
import { attr, plainText, queryChain, queryChainAll } from './dom';
import { insertThroughEditorApi } from './editor-bridge';
import { bodyText } from './text';
import type { MessageRef, ReadMessage, WebmailAdapter } from './types';
import { type FetchJson, readTicketApi, type ZendeskTicket } from './zendesk-api';
import { zendeskSelectors as S } from './zendesk-selectors';

export const ZENDESK_PREFIX = 'zendesk:';
const TICKET_URL = /\/agent\/tickets\/(\d+)/;

function activeTicketId(doc: Document): string | null {
  const tab = queryChain(doc, S.activeTab.chain);
  const fromTab = attr(tab, 'data-entity-id');
  if (/^\d+$/.test(fromTab)) return fromTab;
  return TICKET_URL.exec(doc.location?.pathname ?? '')?.[1] ?? null;
}

/** The active ticket's pane: the one carrying its id, else the one Zendesk marks active. */
function activePane(doc: Document, ticketId: string | null): Element | null {
  const panes = queryChainAll(doc, S.ticketPane.chain);
  const byId = ticketId
    ? panes.find(
        (p) => attr(p, 'data-ticket-id') === ticketId || attr(p, 'data-side-conversations-anchor-id') === ticketId,
      )
    : undefined;
  return byId ?? panes.find((p) => attr(p, 'data-is-active') === 'true') ?? null;
}

const instant = (value: string): string | null => {
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
};

function commentInstant(comment: Element): string | null {
  return instant(attr(queryChain(comment, S.commentTime.chain), 'datetime'));
}

const senderOf = (comment: Element) => plainText(queryChain(comment, S.commentSender.chain));

export interface ZendeskAdapter extends WebmailAdapter {
  /** The API's reading of a ticket, once it has arrived (null: the API could not be used). */
  apiTicket(ticketId: string): ZendeskTicket | null | undefined;
}

/** With `fetchJson` (the content script), the API is tried once per ticket; without (saved pages), DOM only. */
export function createZendeskAdapter(fetchJson?: FetchJson, onApiAnswer?: () => void): ZendeskAdapter {
  const api = new Map<string, ZendeskTicket | null>();
  const pending = new Set<string>();

  function ticketData(ticketId: string): ZendeskTicket | null {
    const known = api.get(ticketId);
    if (known !== undefined || !fetchJson || pending.has(ticketId)) return known ?? null;
    pending.add(ticketId);
    void readTicketApi(fetchJson, ticketId).then((ticket) => {
      api.set(ticketId, ticket);
      pending.delete(ticketId);
      onApiAnswer?.();
    });
    return null;
  }

  function listMessages(doc: Document): MessageRef[] {
    const ticketId = activeTicketId(doc);
    const pane = activePane(doc, ticketId);
    if (!ticketId || !pane) return [];
    const comments = queryChainAll(pane, S.comment.chain);
    const fromApi = ticketData(ticketId);
    const publicTimes = fromApi?.comments ? new Set(fromApi.comments.map((c) => c.createdAt)) : null;
    // Without the API, the requester is the author of the ticket's first comment (Zendesk opens a ticket with
    // the requester's message), and the customer's comments are theirs.
    const requesterName = fromApi?.requester.name || (comments[0] ? senderOf(comments[0]) : '');
    return comments.flatMap((element) => {
      const at = commentInstant(element);
      if (!at) return [];
      const isCustomer = publicTimes ? publicTimes.has(at) : senderOf(element) === requesterName;
      return isCustomer ? [{ element, messageId: `${ZENDESK_PREFIX}${ticketId}:${at}` }] : [];
    });
  }

  function readMessage(doc: Document, { element, messageId }: MessageRef): ReadMessage {
    const ticketId = activeTicketId(doc) ?? '';
    const pane = activePane(doc, ticketId);
    const fromApi = api.get(ticketId) ?? null;
    const at = commentInstant(element);
    const apiComment = fromApi?.comments?.find((c) => c.createdAt === at);
    const subjectEl = pane && queryChain(pane, S.subject.chain);
    const domSubject = subjectEl?.matches('input') ? attr(subjectEl, 'value') : plainText(subjectEl);
    const body = queryChain(element, S.commentBody.chain);
    const firstSender = pane ? senderOf(queryChainAll(pane, S.comment.chain)[0] ?? element) : '';
    return {
      element,
      messageId,
      threadId: ticketId ? `${ZENDESK_PREFIX}${ticketId}` : null,
      from: fromApi ? { ...fromApi.requester } : { name: firstSender || senderOf(element), email: '' },
      to: [],
      subject: fromApi?.subject || domSubject,
      date: at,
      text: apiComment?.text.trim() || (body ? bodyText(body, { cutSignatureDelimiter: true }) : ''),
      readVia: fromApi ? 'api' : 'dom',
    };
  }

  return {
    id: 'zendesk',
    matches(doc) {
      const host = doc.location?.hostname ?? '';
      if (host.endsWith('.zendesk.com')) return true;
      return queryChain(doc, S.pageMarker.chain) !== null;
    },
    listMessages,
    readMessage,
    readMessages: (doc) => listMessages(doc).map((ref) => readMessage(doc, ref)),
    // Zendesk's ticket views are virtualised grids without stable hooks in public code: no row chips.
    readThreadRows: () => [],
    findReplyEditor(doc) {
      const pane = activePane(doc, activeTicketId(doc));
      return ((pane && queryChain(pane, S.replyEditor.chain)) as HTMLElement | null) ?? null;
    },
    // The composer is always open under the active ticket's log.
    openReply: () => false,
    insertLetter: (editor, letter) => insertThroughEditorApi(editor, letter, 'ckeditor5'),
    messageHeaderAnchor: (comment) => queryChain(comment, S.commentSender.chain)?.parentElement ?? null,
    rowChipAnchor: () => null,
    accountEmail: () => null,
    apiTicket: (ticketId) => api.get(ticketId),
  };
}

/** DOM only: for saved pages (`npm run -s read-page`) and tests. */
export const zendeskAdapter = createZendeskAdapter();
