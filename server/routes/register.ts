// The organisation's shared parts: references, settings, templates and the auditors' view.
import type { FastifyInstance } from 'fastify';
import {
  PROTOCOL_VERSION,
  ReferenceBlockRequestSchema,
  SettingsBodySchema,
  TemplateBodySchema,
  TemplateKeySchema,
} from '../../lib/sync/protocol';
import { sendConditional } from '../conditional-get';
import { agentOf } from '../plugins/auth';
import { handBlock, parisYear } from '../store/references';
import {
  auditRegister,
  deleteTemplate,
  readSettings,
  readTemplates,
  writeSettings,
  writeTemplate,
} from '../store/settings';

export async function registerRoutes(app: FastifyInstance): Promise<void> {
  // The extension checks a token here and learns whom it names (issue 13), and the protocol spoken.
  app.get('/me', { config: { access: 'read' } }, async (request) => {
    const agent = agentOf(request);
    return {
      agent: { id: agent.id, name: agent.name, role: agent.role, org: agent.orgName },
      protocol: PROTOCOL_VERSION,
    };
  });

  app.post('/references/blocks', { config: { access: 'write' } }, async (request) => {
    const agent = agentOf(request);
    const body = ReferenceBlockRequestSchema.parse(request.body ?? {});
    return handBlock(app.db, agent.orgId, agent.id, body.year ?? parisYear(new Date()), body.size);
  });

  // Read by every agent after each round and long-poll wake-up: conditional (ETag, 304 when unchanged).
  app.get('/settings', { config: { access: 'read' } }, async (request, reply) => {
    const org = agentOf(request).orgId;
    return sendConditional(request, reply, org, await readSettings(app.db, org));
  });
  app.put('/settings', { config: { access: 'manager' } }, async (request) => {
    const agent = agentOf(request);
    const settings = SettingsBodySchema.parse(request.body);
    await writeSettings(app.db, agent.orgId, agent.id, settings);
    return settings;
  });

  app.get('/templates', { config: { access: 'read' } }, async (request, reply) => {
    const org = agentOf(request).orgId;
    return sendConditional(request, reply, org, { templates: await readTemplates(app.db, org) });
  });
  app.put('/templates', { config: { access: 'manager' } }, async (request) => {
    const agent = agentOf(request);
    const template = TemplateBodySchema.parse(request.body);
    await writeTemplate(app.db, agent.orgId, agent.id, template);
    return template;
  });
  // A manager's « Réinitialiser »: the organisation's copy goes, and every agent's next sync brings the
  // shipped letter back. Repeating it changes nothing (`deleted: false`).
  app.delete('/templates/:templateId/:lang', { config: { access: 'manager' } }, async (request) => {
    const agent = agentOf(request);
    const { templateId, lang } = TemplateKeySchema.parse(request.params);
    return { deleted: await deleteTemplate(app.db, agent.orgId, templateId, lang) };
  });

  // Auditors (and managers) read the register as the SQL view gives it; agents work case by case.
  app.get('/audit/register', { config: { access: 'read' } }, async (request, reply) => {
    const agent = agentOf(request);
    if (agent.role === 'agent') return reply.code(403).send({ error: 'Réservé aux auditeurs et aux responsables.' });
    return { rows: await auditRegister(app.db, agent.orgId) };
  });
}
