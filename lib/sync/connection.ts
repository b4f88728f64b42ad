// The extension's side of joining a team register: what an agent types (server address, token), what is
// kept once connected, and the sync state the side panel shows. Pure (no browser API), shared by the
// options page, the background and the store.
import { z } from 'zod';
import { isoInstant } from '../register/schema';
import { AgentSchema } from './protocol';

/** The token as `npm run server -- agent add` prints it (the server's bearer check accepts the same). */
export const TokenSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{20,200}$/);

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The origin of a server address, or null when it is not one the extension will talk to: https anywhere,
 * plain http only on the loopback (a token must never travel in clear over a network).
 */
export function serverOrigin(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) return url.origin;
  return null;
}

/** The host-permission pattern for one origin (match patterns carry no port: Chrome matches every port). */
export const originPattern = (origin: string): string => `${new URL(origin).protocol}//${new URL(origin).hostname}/*`;

export const TeamConnectionSchema = z.object({
  server: z.string().refine((s) => serverOrigin(s) === s),
  token: TokenSchema,
  agent: AgentSchema,
  connectedAt: isoInstant,
});
export type TeamConnection = z.infer<typeof TeamConnectionSchema>;
/** The connection as pages may see it: never the token. */
export type TeamIdentity = Omit<TeamConnection, 'token'>;

/** Why the background is not syncing, when it is not. */
export const SYNC_PROBLEMS = ['offline', 'revoked', 'forbidden', 'unreachable', 'permission', 'newerProtocol'] as const;
/**
 * The precise reason shown under the state: a code and the details its French text names (the server's own
 * words for a 403, the protocol versions…), so the page translates it rather than showing a stored sentence.
 * `serverError`: the server answered, with an error (state `unreachable`: the changes wait all the same).
 */
export const SYNC_REASONS = [...SYNC_PROBLEMS, 'serverError'] as const;
export const SyncReasonSchema = z.object({
  code: z.enum(SYNC_REASONS),
  params: z.record(z.string(), z.union([z.string().max(1000), z.number()])).default({}),
});
export type SyncReason = z.infer<typeof SyncReasonSchema>;
export const SyncStatusSchema = z.object({
  state: z.enum(['off', 'connected', 'syncing', ...SYNC_PROBLEMS]),
  pending: z.number().int().min(0),
  /** Complaints the register held when it joined, waiting for the agent's confirmation to be sent. */
  waiting: z.number().int().min(0).default(0),
  lastSyncAt: isoInstant.nullable(),
  /** Refusals and conflicts met by the last pushes, in French, for the panel. */
  message: z.string().max(2000).optional(),
  /** Why it is not syncing: present with a problem state only. */
  reason: SyncReasonSchema.optional(),
  identity: z.object({ server: z.string(), agent: AgentSchema }).nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;
export type SyncProblem = (typeof SYNC_PROBLEMS)[number];

export const OFF_STATUS: SyncStatus = { state: 'off', pending: 0, waiting: 0, lastSyncAt: null, identity: null };
