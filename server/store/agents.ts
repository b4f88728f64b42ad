// Organisations, agents and their tokens. A token is 32 random bytes shown once; only its SHA-256 is kept,
// so a stolen database holds no usable token. Revocation is read on every request (no cache).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { t } from '../../lib/i18n';
import type { Assignee } from '../../lib/register/schema';
import type { Role, TeamAgent } from '../../lib/sync/protocol';
import type { Db, Queryable } from '../db/db';

export interface Agent {
  id: string;
  orgId: string;
  orgName: string;
  name: string;
  email: string;
  role: Role;
  revokedAt: string | null;
}

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

interface AgentRow {
  id: string;
  org_id: string;
  org_name: string;
  name: string;
  email: string;
  role: Role;
  revoked_at: Date | string | null;
}

const toAgent = (r: AgentRow): Agent => ({
  id: r.id,
  orgId: r.org_id,
  orgName: r.org_name,
  name: r.name,
  email: r.email,
  role: r.role,
  revokedAt: r.revoked_at === null ? null : new Date(r.revoked_at).toISOString(),
});

/** The agent holding `token`, revoked or not; null when unknown. RLS lets only this one row through. */
export async function agentByToken(db: Db, token: string): Promise<Agent | null> {
  const tokenHash = hashToken(token);
  return db.transaction({ tokenHash }, async (tx) => {
    const { rows } = await tx.query<Omit<AgentRow, 'org_name'>>(
      'SELECT id, org_id, name, email, role, revoked_at FROM agents WHERE token_hash = $1',
      [tokenHash],
    );
    const agent = rows[0];
    if (!agent) return null;
    // Now the organisation is known: scope the rest of the transaction to it to read its name.
    await tx.query("SELECT set_config('app.org', $1, true)", [agent.org_id]);
    const org = await tx.query<{ name: string }>('SELECT name FROM orgs WHERE id = $1', [agent.org_id]);
    return toAgent({ ...agent, org_name: org.rows[0]?.name ?? '' });
  });
}

/** The organisation called `name`, created when absent (two creators at once agree on one). */
export async function ensureOrg(db: Db, name: string): Promise<string> {
  const id = randomUUID();
  return db.transaction({ org: id }, async (tx) => {
    await tx.query("SELECT set_config('app.org_name', $1, true)", [name]);
    await tx.query('INSERT INTO orgs (id, name) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [id, name]);
    const { rows } = await tx.query<{ id: string }>('SELECT id FROM orgs WHERE name = $1', [name]);
    if (!rows[0]) throw new Error(`organisation « ${name} » introuvable`);
    return rows[0].id;
  });
}

export async function orgIdByName(db: Db, name: string): Promise<string | null> {
  const { rows } = await db.transaction({}, async (tx) => {
    await tx.query("SELECT set_config('app.org_name', $1, true)", [name]);
    return tx.query<{ id: string }>('SELECT id FROM orgs WHERE name = $1', [name]);
  });
  return rows[0]?.id ?? null;
}

export interface NewAgent {
  org: string;
  name: string;
  email?: string;
  role: Role;
}

/** Adds an agent; returns it with its token, which is never shown again. */
export async function addAgent(db: Db, input: NewAgent): Promise<{ agent: Agent; token: string }> {
  return addAgentToOrg(db, await ensureOrg(db, input.org), input);
}

/** The same in a known organisation (a manager adding an agent through the running server). */
export async function addAgentToOrg(db: Db, orgId: string, input: NewAgent): Promise<{ agent: Agent; token: string }> {
  const token = randomBytes(32).toString('base64url');
  const id = randomUUID();
  await db.transaction({ org: orgId }, (tx) =>
    tx.query('INSERT INTO agents (org_id, id, name, email, role, token_hash) VALUES ($1, $2, $3, $4, $5, $6)', [
      orgId,
      id,
      input.name,
      input.email ?? '',
      input.role,
      hashToken(token),
    ]),
  );
  const agent: Agent = {
    id,
    orgId,
    orgName: input.org,
    name: input.name,
    email: input.email ?? '',
    role: input.role,
    revokedAt: null,
  };
  return { agent, token };
}

export async function listAgents(db: Db, org: string): Promise<Agent[]> {
  const orgId = await orgIdByName(db, org);
  return orgId ? listOrgAgents(db, orgId, org) : [];
}

export async function listOrgAgents(db: Db, orgId: string, org: string): Promise<Agent[]> {
  const { rows } = await db.transaction({ org: orgId }, (tx) =>
    tx.query<AgentRow>(
      'SELECT id, org_id, $2::text AS org_name, name, email, role, revoked_at FROM agents WHERE org_id = $1 ORDER BY name, id',
      [orgId, org],
    ),
  );
  return rows.map(toAgent);
}

/** Revokes the agent whose id or e-mail is `who`; the token fails from the next request on. */
export async function revokeAgent(db: Db, org: string, who: string): Promise<number> {
  const orgId = await orgIdByName(db, org);
  if (!orgId) return 0;
  const { rows } = await db.transaction({ org: orgId }, (tx) =>
    tx.query(
      `UPDATE agents SET revoked_at = now()
       WHERE org_id = $1 AND revoked_at IS NULL AND (id::text = $2 OR lower(email) = lower($2) OR name = $2)
       RETURNING id`,
      [orgId, who],
    ),
  );
  return rows.length;
}

/** Revokes one agent of the organisation by id (managers, through the running server). */
export async function revokeOrgAgent(db: Db, orgId: string, agentId: string): Promise<number> {
  const { rows } = await db.transaction({ org: orgId }, (tx) =>
    tx.query('UPDATE agents SET revoked_at = now() WHERE org_id = $1 AND id = $2 AND revoked_at IS NULL RETURNING id', [
      orgId,
      agentId,
    ]),
  );
  return rows.length;
}

/** The organisation's active agents, names and roles only: what every role may read (assignee picker). */
export async function teamAgents(db: Db, orgId: string): Promise<TeamAgent[]> {
  const { rows } = await db.transaction({ org: orgId }, (tx) =>
    tx.query<TeamAgent>(
      'SELECT id, name, role FROM agents WHERE org_id = $1 AND revoked_at IS NULL ORDER BY name, id',
      [orgId],
    ),
  );
  return rows;
}

/** Why a complaint cannot be handed to `assignee` (French), or null: it must be an active agent of the
 *  organisation under the name the server knows (the name goes into the shared history). */
export async function refuseAssignee(tx: Queryable, orgId: string, assignee: Assignee): Promise<string | null> {
  const { rows } = await tx.query<{ name: string; role: Role }>(
    'SELECT name, role FROM agents WHERE org_id = $1 AND id = $2 AND revoked_at IS NULL',
    [orgId, assignee.id],
  );
  const agent = rows[0];
  if (!agent || agent.role === 'auditor' || agent.name !== assignee.name)
    return t('register.assign.unknownAgent', {}, 'fr');
  return null;
}
