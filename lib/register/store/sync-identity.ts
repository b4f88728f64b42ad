// The team register's connection on this side (issue 13): who joined which team, the token (kept apart from
// the settings: no backup or export reads the `sync` store), and the feed cursor. Also the one place that
// records an operation in the outbox beside a write, so that the two commit or fail together.
import type { IDBPTransaction, StoreNames } from 'idb';
import { UserError } from '../../i18n';
import { type TeamConnection, TeamConnectionSchema, type TeamIdentity, TokenSchema } from '../../sync/connection';
import type { Operation } from '../../sync/protocol';
import type { RegisterConnection, RegisterDB } from './db';

/** Keys of the `sync` store. Conflicts are kept under `conflict:<complaint id>:<event id>`. */
export const SYNC_KEYS = {
  identity: 'identity',
  token: 'token',
  cursor: 'cursor',
  blocks: 'blocks',
  conflict: 'conflict:',
  /** `onboard:<complaint id>`: a complaint the register held when it joined, not sent (onboarding.ts). */
  onboard: 'onboard:',
  /** The register's settings and letters from before it joined, given back when it leaves (org-settings.ts). */
  localSettings: 'localSettings',
  /** The ETags of the organisation's settings and letters in force, for conditional reads (org-settings.ts). */
  orgTags: 'orgTags',
  /** The team's agents as last listed by the server, for the picker offline (team-list.ts). */
  team: 'teamAgents',
} as const;

/** Waiting for the agent's confirmation to be sent; or kept here only (its history cannot be replayed). */
export const ONBOARD_WAITING = 'waiting';
export const ONBOARD_KEPT = 'kept';

export type AnyTx = IDBPTransaction<RegisterDB, ArrayLike<StoreNames<RegisterDB>>, 'readwrite'>;

/** Stores written with a complaint when the register belongs to a team (the outbox beside the write). */
export const OUTBOX_STORES = ['outbox', 'sync'] as const;

export const IdentitySchema = TeamConnectionSchema.omit({ token: true });

/**
 * Records `op` in the outbox inside the caller's transaction (which must include OUTBOX_STORES), when this
 * register has joined a team: the write and its operation commit or fail together.
 */
export async function recordOperation(tx: AnyTx, op: Operation): Promise<void> {
  const sync = tx.objectStore('sync');
  if ((await sync.get(SYNC_KEYS.identity)) === undefined) return;
  // A complaint the register held when it joined goes to the team whole, history included, once the agent
  // says so (onboarding.ts): until then its changes stay here.
  if ((await sync.get(`${SYNC_KEYS.onboard}${op.complaintId}`)) !== undefined) return;
  await tx.objectStore('outbox').add({ op });
}

export function identityOn(connection: RegisterConnection) {
  // liveDb: a wipe or another context's reset may have closed the connection under us (see db.ts).
  const db = () => connection.liveDb();

  async function getIdentity(): Promise<TeamIdentity | null> {
    const parsed = IdentitySchema.safeParse(await (await db()).get('sync', SYNC_KEYS.identity));
    return parsed.success ? parsed.data : null;
  }

  /** Refuses, before anything is written, a write by an auditor: the server would answer 403 to its push. */
  async function assertWritable(): Promise<TeamIdentity | null> {
    const identity = await getIdentity();
    if (identity?.agent.role === 'auditor') throw new UserError('team.error.readOnly');
    return identity;
  }

  /** The connection with its token, or null when the register is not (or no longer) connected. */
  async function getConnection(): Promise<TeamConnection | null> {
    const tx = (await db()).transaction('sync');
    const [identity, token] = await Promise.all([tx.store.get(SYNC_KEYS.identity), tx.store.get(SYNC_KEYS.token)]);
    const parsed = TeamConnectionSchema.safeParse({ ...(identity as object), token });
    return parsed.success ? parsed.data : null;
  }

  /**
   * Joins (or re-joins) a team. Another server or organisation starts the feed from scratch. At the first
   * join, the complaints the register holds wait for the agent's confirmation before anything is sent.
   */
  async function saveConnection(c: TeamConnection): Promise<void> {
    const { token, ...identity } = TeamConnectionSchema.parse(c);
    const d = await db();
    const tx = d.transaction(['sync', 'complaints'], 'readwrite');
    const store = tx.objectStore('sync');
    const raw = await store.get(SYNC_KEYS.identity);
    if (raw === undefined) {
      for (const id of await tx.objectStore('complaints').getAllKeys()) {
        await store.put(ONBOARD_WAITING, `${SYNC_KEYS.onboard}${String(id)}`);
      }
    }
    const previous = IdentitySchema.safeParse(raw);
    if (
      !previous.success ||
      previous.data.server !== identity.server ||
      previous.data.agent.org !== identity.agent.org
    ) {
      await Promise.all([store.delete(SYNC_KEYS.cursor), store.delete(SYNC_KEYS.blocks)]);
    }
    await Promise.all([store.put(identity, SYNC_KEYS.identity), store.put(TokenSchema.parse(token), SYNC_KEYS.token)]);
    await tx.done;
  }

  /** Forgets the token only: the local copy, the outbox and the team's identity stay (reconnecting resumes). */
  async function forgetToken(): Promise<void> {
    await (await db()).delete('sync', SYNC_KEYS.token);
  }

  async function getCursor(): Promise<string> {
    const raw = await (await db()).get('sync', SYNC_KEYS.cursor);
    return typeof raw === 'string' && /^\d{1,18}$/.test(raw) ? raw : '0';
  }

  return { getIdentity, assertWritable, getConnection, saveConnection, forgetToken, getCursor };
}
