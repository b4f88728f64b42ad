// Push and pull (issue 12, "Protocol"): parse with the shared schemas, call one store function, answer.
import type { FastifyInstance } from 'fastify';
import { MAX_PULL_WAIT_S, PullQuerySchema, PushRequestSchema } from '../../lib/sync/protocol';
import type { FeedSignal } from '../feed-signal';
import { agentOf } from '../plugins/auth';
import { feedHead, pageJson, pullPage } from '../store/pull';
import { push } from '../store/push';

/** A push of 200 full complaints (long excerpts, letters as sent) stays under this. */
export const PUSH_BODY_LIMIT = 16 * 1024 * 1024;
/** How often a long-polling reader looks at the feed for writes made by another process. */
const RECHECK_MS = 1000;

export async function syncRoutes(app: FastifyInstance, opts: { signal: FeedSignal }): Promise<void> {
  app.post('/push', { config: { access: 'write' }, bodyLimit: PUSH_BODY_LIMIT }, async (request) => {
    const agent = agentOf(request);
    const { ops } = PushRequestSchema.parse(request.body);
    const result = await push(app.db, agent, ops);
    opts.signal.notify(agent.orgId);
    return { outcomes: result.outcomes, cursor: String(result.cursor) };
  });

  app.get('/pull', { config: { access: 'read' } }, async (request, reply) => {
    const agent = agentOf(request);
    const query = PullQuerySchema.parse(request.query);
    const cursor = Number(query.cursor);
    const deadline = Date.now() + Math.min(query.wait, MAX_PULL_WAIT_S) * 1000;
    // Long-poll: bounded by the deadline; each round is one cheap look at the organisation's counter.
    while (Date.now() < deadline && !opts.signal.isClosed) {
      if ((await feedHead(app.db, agent.orgId)) > cursor) break;
      await opts.signal.wait(agent.orgId, Math.min(RECHECK_MS, deadline - Date.now()));
    }
    const page = await pullPage(app.db, agent.orgId, cursor, query.limit);
    return reply.type('application/json; charset=utf-8').send(pageJson(page));
  });
}
