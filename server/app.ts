// The team server as a Fastify instance: configuration comes in as options (the Db, the logger, limits),
// each area is a plugin, and handlers only parse, call one store function and answer.
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Db } from './db/db';
import { FeedSignal } from './feed-signal';
import { openApiDocument } from './openapi';
import { bearer, installAuth } from './plugins/auth';
import { installErrors } from './plugins/errors';
import { agentRoutes } from './routes/agents';
import { registerRoutes } from './routes/register';
import { syncRoutes } from './routes/sync';
import { hashToken } from './store/agents';

export interface AppOptions {
  db: Db;
  schemaVersion: number;
  logger?: FastifyServerOptions['logger'];
  /** Requests per minute and token (per address without a token). */
  rateLimit?: number;
}

/** Request log lines: method, route and status only. Never headers (tokens) nor bodies (personal data). */
export const LOG_SERIALIZERS = {
  req: (req: { method: string; routeOptions?: { url?: string }; url: string; id: string }) => ({
    method: req.method,
    route: req.routeOptions?.url ?? req.url.split('?')[0],
    id: req.id,
  }),
};

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 256 * 1024,
    // Long-polls last up to 25 s: keep the socket timeouts above that.
    requestTimeout: 60_000,
    return503OnClosing: true,
  });
  const signal = new FeedSignal();
  app.decorate('db', opts.db);
  app.addHook('onClose', async () => signal.close());
  // Answer waiting long-polls first so that close() does not wait 25 s for them.
  app.addHook('preClose', async () => signal.close());
  installErrors(app);
  await app.register(rateLimit, {
    max: opts.rateLimit ?? 1200,
    timeWindow: 60_000,
    keyGenerator: (request) => {
      const token = bearer(request);
      return token ? hashToken(token) : request.ip;
    },
  });
  installAuth(app);
  app.get('/health', { config: { access: 'public' } }, async () => ({
    ok: true,
    engine: opts.db.engine,
    version: opts.schemaVersion,
  }));
  const document = openApiDocument();
  app.get('/openapi.json', { config: { access: 'public' } }, async () => document);
  await app.register(syncRoutes, { signal });
  await app.register(registerRoutes);
  await app.register(agentRoutes);
  return app;
}
