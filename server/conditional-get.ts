// Conditional GETs (RFC 9110 §8.8.3, §13.1.2) for what every agent reads after each sync round and long-poll
// wake-up: the organisation's settings and letters. The ETag is a strong validator of the exact bytes sent: a
// SHA-256 of the organisation's id and the JSON body, which was read under that organisation's row-level
// security. A manager's PUT or DELETE changes the body, so the tag; another organisation's change does not
// touch this body, so this tag never moves with it; and the org id in the hash keeps one organisation's tag
// from ever matching another's, even for the same content. Nothing is kept on the server: no migration.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export function entityTag(org: string, text: string): string {
  return `"${createHash('sha256').update(org).update('\n').update(text, 'utf8').digest('base64url')}"`;
}

/** If-None-Match holds `tag` (or `*`). Weak comparison, as the RFC asks for this header. */
export function noneMatchHolds(header: string | string[] | undefined, tag: string): boolean {
  if (header === undefined) return false;
  const opaque = tag.replace(/^W\//, '');
  return (Array.isArray(header) ? header.join(',') : header)
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === '*' || t === opaque);
}

/**
 * Answers `body` with its ETag, or 304 Not Modified without a body when the client already holds it. The
 * answer depends on the token's organisation: private to it, and revalidated before any cache reuses it.
 */
export function sendConditional(request: FastifyRequest, reply: FastifyReply, org: string, body: unknown) {
  const text = JSON.stringify(body);
  const tag = entityTag(org, text);
  reply.header('etag', tag).header('cache-control', 'private, no-cache').header('vary', 'authorization');
  if (noneMatchHolds(request.headers['if-none-match'], tag)) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(text);
}
