// Agents of the organisation, managed by its managers through the running server: an embedded register's
// folder is locked while the server runs, so `npm run server -- agent add` cannot open it then. The first
// manager is added with the command line before the first start; afterwards a manager's token does it here.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NewAgentRequestSchema } from '../../lib/sync/protocol';
import { agentOf } from '../plugins/auth';
import { HttpError } from '../plugins/errors';
import { type Agent, addAgentToOrg, listOrgAgents, revokeOrgAgent, teamAgents } from '../store/agents';

const entry = (a: Agent) => ({ id: a.id, name: a.name, email: a.email, role: a.role, revokedAt: a.revokedAt });
const AgentParamsSchema = z.object({ id: z.uuid() });

export async function agentRoutes(app: FastifyInstance): Promise<void> {
  app.get('/agents', { config: { access: 'manager' } }, async (request) => {
    const manager = agentOf(request);
    return { agents: (await listOrgAgents(app.db, manager.orgId, manager.orgName)).map(entry) };
  });

  // Every role reads the team's names: the assignee picker and the names the register shows (issue 13).
  app.get('/team', { config: { access: 'read' } }, async (request) => {
    const agent = agentOf(request);
    return { agents: await teamAgents(app.db, agent.orgId) };
  });

  app.post('/agents', { config: { access: 'manager' } }, async (request, reply) => {
    const manager = agentOf(request);
    const body = NewAgentRequestSchema.parse(request.body);
    const { agent, token } = await addAgentToOrg(app.db, manager.orgId, { ...body, org: manager.orgName });
    // Ids only in the log: names and e-mails are personal data.
    request.log.info({ agent: agent.id, role: agent.role, by: manager.id }, 'agent ajouté');
    return reply.code(201).send({ agent: entry(agent), token });
  });

  app.post('/agents/:id/revoke', { config: { access: 'manager' } }, async (request) => {
    const manager = agentOf(request);
    const { id } = AgentParamsSchema.parse(request.params);
    // A manager revoking their own token would lock the organisation out of this page.
    if (id === manager.id) throw new HttpError(409, 'Un responsable ne révoque pas son propre jeton ici.');
    const revoked = await revokeOrgAgent(app.db, manager.orgId, id);
    if (!revoked) throw new HttpError(404, 'Aucun agent actif de l’organisation ne porte cet identifiant.');
    request.log.info({ agent: id, by: manager.id }, 'jeton révoqué');
    return { revoked };
  });
}
