// Requests through Fastify's inject(): the whole stack (parsers, hooks, handlers) without a socket.
import type { FastifyInstance } from 'fastify';
import type { Operation, Outcome } from '../../../lib/sync/protocol';

export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
}

export async function call<T = Record<string, unknown>>(
  app: FastifyInstance,
  token: string | null,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
): Promise<Reply<T>> {
  const res = await app.inject({
    method,
    url,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return { status: res.statusCode, body: res.body ? (JSON.parse(res.body) as T) : ({} as T) };
}

export async function pushOps(app: FastifyInstance, token: string, ops: Operation[]): Promise<Outcome[]> {
  const res = await call<{ outcomes: Outcome[] }>(app, token, 'POST', '/push', { ops });
  if (res.status !== 200) throw new Error(`push ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.outcomes;
}
