// Zendesk's REST API, read from the agent's own page: `/api/v2/tickets/<id>.json?include=users` gives the
// ticket with its requester, `/api/v2/tickets/<id>/comments.json` its comments with their public flag. The
// requests go to the helpdesk's own origin with the agent's session (same-origin cookies), as the agent's
// page itself does; nothing goes anywhere else. The answers are foreign input: checked field by field here
// (no zod in the content script, which must stay small), and any doubt means "use the DOM".

export interface ZendeskPerson {
  name: string;
  email: string;
}

export interface ZendeskComment {
  id: string;
  authorId: string;
  public: boolean;
  /** ISO instant. */
  createdAt: string;
  text: string;
}

export interface ZendeskTicket {
  id: string;
  subject: string;
  requesterId: string;
  requester: ZendeskPerson;
  /** Public comments by the requester, oldest first; null when the comments could not be read. */
  comments: ZendeskComment[] | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const idOf = (v: unknown): string | null =>
  typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : typeof v === 'string' && /^\d+$/.test(v) ? v : null;
const str = (v: unknown, max: number): string => (typeof v === 'string' ? v.slice(0, max) : '');
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** The ticket and its requester from `/api/v2/tickets/<id>.json?include=users`, or null. */
export function parseTicket(json: unknown, ticketId: string): Omit<ZendeskTicket, 'comments'> | null {
  if (!isObject(json) || !isObject(json.ticket)) return null;
  const { ticket } = json;
  if (idOf(ticket.id) !== ticketId) return null;
  const requesterId = idOf(ticket.requester_id);
  const users = Array.isArray(json.users) ? json.users.filter(isObject) : [];
  const user = users.find((u) => idOf(u.id) === requesterId);
  if (!requesterId || !user) return null;
  return {
    id: ticketId,
    subject: str(ticket.subject, 500),
    requesterId,
    requester: { name: str(user.name, 200), email: str(user.email, 320).toLowerCase() },
  };
}

/** The requester's public comments from `/api/v2/tickets/<id>/comments.json`, oldest first, or null. */
export function parseComments(json: unknown, requesterId: string): ZendeskComment[] | null {
  if (!isObject(json) || !Array.isArray(json.comments)) return null;
  const out: ZendeskComment[] = [];
  for (const c of json.comments) {
    if (!isObject(c)) return null;
    const id = idOf(c.id);
    const createdAt = str(c.created_at, 40);
    if (!id || !ISO.test(createdAt)) return null;
    const comment = {
      id,
      authorId: idOf(c.author_id) ?? '',
      public: c.public === true,
      createdAt: new Date(createdAt).toISOString(),
      text: str(c.plain_body, 100_000) || str(c.body, 100_000),
    };
    if (comment.public && comment.authorId === requesterId) out.push(comment);
  }
  return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export type FetchJson = (path: string) => Promise<unknown>;

/** Same-origin GET of a JSON path with the page's session; null on any failure. */
export const sameOriginJson =
  (fetcher: typeof fetch): FetchJson =>
  async (path) => {
    try {
      const response = await fetcher(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return null;
      return await response.json();
    } catch {
      return null;
    }
  };

/** The ticket read through the API, or null (no session, API closed to agents, unexpected answer). */
export async function readTicketApi(fetchJson: FetchJson, ticketId: string): Promise<ZendeskTicket | null> {
  const id = encodeURIComponent(ticketId);
  const [ticketJson, commentsJson] = await Promise.all([
    fetchJson(`/api/v2/tickets/${id}.json?include=users`),
    fetchJson(`/api/v2/tickets/${id}/comments.json`),
  ]);
  const ticket = parseTicket(ticketJson, ticketId);
  if (!ticket) return null;
  return { ...ticket, comments: parseComments(commentsJson, ticket.requesterId) };
}
