// Conditional reads of the organisation's settings and letters (server/conditional-get.ts): every agent asks
// for them after each sync round and long-poll wake-up, so a repeat is answered 304 with no body; a manager's
// PUT or DELETE gives a new ETag; another organisation's change never moves this one's. Both engines.
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { addAgent } from '../../server/store/agents';
import { closeSharedPglite, ENGINES, openTestRegister } from './support/engines';
import { call } from './support/http';

afterAll(closeSharedPglite);

interface Read {
  status: number;
  etag: string | undefined;
  body: string;
}

/** A GET with `If-None-Match: ifNoneMatch` when given; the raw answer. */
async function read(app: FastifyInstance, token: string, url: string, ifNoneMatch?: string): Promise<Read> {
  const res = await app.inject({
    method: 'GET',
    url,
    headers: { authorization: `Bearer ${token}`, ...(ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {}) },
  });
  const etag = res.headers.etag;
  return { status: res.statusCode, etag: typeof etag === 'string' ? etag : undefined, body: res.body };
}

const letter = { templateId: 'accuse-reception', lang: 'fr', source: 'Bonjour {{reference}}', version: 2 };

describe.each(ENGINES)('conditional reads of settings and letters on %s', (engine) => {
  it('answers 304 to a repeat, and 200 with a new ETag after a manager’s PUT or DELETE', async () => {
    const reg = await openTestRegister(engine);
    try {
      const boss = await addAgent(reg.db, { org: 'Maison Lumen', name: 'Paul Durand', role: 'manager' });
      const agent = await addAgent(reg.db, { org: 'Maison Lumen', name: 'Claire Martin', role: 'agent' });

      const first = await read(reg.app, agent.token, '/settings');
      expect(first.status).toBe(200);
      expect(first.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
      const repeat = await read(reg.app, agent.token, '/settings', first.etag);
      expect([repeat.status, repeat.etag, repeat.body]).toEqual([304, first.etag, '']);
      // RFC 9110: If-None-Match compares weakly and may list several tags.
      expect((await read(reg.app, agent.token, '/settings', `"autre", W/${first.etag}`)).status).toBe(304);
      // The tag never stands in for the token.
      const anonymous = await reg.app.inject({ method: 'GET', url: '/settings', headers: { 'if-none-match': '*' } });
      expect(anonymous.statusCode).toBe(401);

      const changed = { ...JSON.parse(first.body), retentionYears: 7 };
      expect((await call(reg.app, boss.token, 'PUT', '/settings', changed)).status).toBe(200);
      const after = await read(reg.app, agent.token, '/settings', first.etag);
      expect(after.status).toBe(200);
      expect(after.etag).not.toBe(first.etag);
      expect(JSON.parse(after.body).retentionYears).toBe(7);
      expect((await read(reg.app, agent.token, '/settings', after.etag)).status).toBe(304);

      const none = await read(reg.app, agent.token, '/templates');
      expect((await read(reg.app, agent.token, '/templates', none.etag)).status).toBe(304);
      expect((await call(reg.app, boss.token, 'PUT', '/templates', letter)).status).toBe(200);
      const one = await read(reg.app, agent.token, '/templates', none.etag);
      expect([one.status, JSON.parse(one.body)]).toEqual([200, { templates: [letter] }]);
      expect(one.etag).not.toBe(none.etag);
      expect((await read(reg.app, agent.token, '/templates', one.etag)).status).toBe(304);
      expect((await call(reg.app, boss.token, 'DELETE', '/templates/accuse-reception/fr')).status).toBe(200);
      const gone = await read(reg.app, agent.token, '/templates', one.etag);
      expect([gone.status, JSON.parse(gone.body)]).toEqual([200, { templates: [] }]);
      // Derived from the content: the same letters as at first, the same tag.
      expect(gone.etag).toBe(none.etag);
    } finally {
      await reg.close();
    }
  });

  it('never moves another organisation’s ETags, nor takes them', async () => {
    const reg = await openTestRegister(engine);
    try {
      const lumen = await addAgent(reg.db, { org: 'Maison Lumen', name: 'Paul Durand', role: 'manager' });
      const nord = await addAgent(reg.db, { org: 'Atelier Nord', name: 'Luc Petit', role: 'agent' });
      const settings = await read(reg.app, nord.token, '/settings');
      const templates = await read(reg.app, nord.token, '/templates');
      // The same default content, but each organisation's own tag: one's never matches the other's.
      const lumenSettings = await read(reg.app, lumen.token, '/settings');
      expect(lumenSettings.body).toBe(settings.body);
      expect(lumenSettings.etag).not.toBe(settings.etag);
      expect((await read(reg.app, lumen.token, '/settings', settings.etag)).status).toBe(200);

      await call(reg.app, lumen.token, 'PUT', '/settings', { ...JSON.parse(settings.body), retentionYears: 9 });
      await call(reg.app, lumen.token, 'PUT', '/templates', letter);
      expect((await read(reg.app, nord.token, '/settings', settings.etag)).status).toBe(304);
      expect((await read(reg.app, nord.token, '/templates', templates.etag)).status).toBe(304);
      await call(reg.app, lumen.token, 'DELETE', '/templates/accuse-reception/fr');
      expect((await read(reg.app, nord.token, '/templates', templates.etag)).status).toBe(304);
      expect((await read(reg.app, lumen.token, '/settings', lumenSettings.etag)).status).toBe(200);
    } finally {
      await reg.close();
    }
  });
});
