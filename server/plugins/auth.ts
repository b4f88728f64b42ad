// Who is asking: a per-agent bearer token, checked against its SHA-256 on every request (so a revocation
// takes effect at once). Each route declares in its config the access it needs:
// public (health, OpenAPI) · read (everyone, auditors included) · write (agents and managers) · manager.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/db';
import { type Agent, agentByToken } from '../store/agents';
import { HttpError } from './errors';

export type Access = 'public' | 'read' | 'write' | 'manager';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    agent: Agent | null;
  }
  interface FastifyInstance {
    db: Db;
  }
}

export const bearer = (request: FastifyRequest): string | null => {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header);
  return match?.[1] ?? null;
};

/** The authenticated agent of a request that passed the hook. */
export function agentOf(request: FastifyRequest): Agent {
  if (!request.agent) throw new HttpError(401, 'Authentification requise.');
  return request.agent;
}

export function installAuth(app: FastifyInstance): void {
  app.decorateRequest('agent', null);
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access ?? 'read';
    if (access === 'public' || !request.routeOptions.url) return;
    const token = bearer(request);
    if (!token) throw new HttpError(401, 'Authentification requise : jeton d’agent manquant.');
    const agent = await agentByToken(app.db, token);
    if (!agent || agent.revokedAt) throw new HttpError(401, 'Jeton inconnu ou révoqué.');
    request.agent = agent;
    // Log the agent's id, never a name or an e-mail (personal data).
    request.log.debug({ agent: agent.id }, 'agent authentifié');
    if (access === 'write' && agent.role === 'auditor') {
      throw new HttpError(403, 'Un auditeur consulte le registre mais n’y écrit pas.');
    }
    if (access === 'manager' && agent.role !== 'manager') {
      throw new HttpError(403, 'Réservé aux responsables du service client.');
    }
  });
}
