// Managers add and revoke agents through the running server (the embedded folder is locked while it runs,
// so the command line cannot open it then), on both engines.
import { afterAll, describe, expect, it } from 'vitest';
import { addAgent, hashToken } from '../../server/store/agents';
import { closeSharedPglite, ENGINES, openTestRegister } from './support/engines';
import { call } from './support/http';

afterAll(closeSharedPglite);

describe.each(ENGINES)('agents managed through the server on %s', (engine) => {
  it('lets a manager add an agent whose token works at once, and revoke it', async () => {
    const reg = await openTestRegister(engine);
    try {
      const manager = await addAgent(reg.db, { org: 'Maison Lumen', name: 'Marc Responsable', role: 'manager' });
      const added = await call<{ agent: { id: string; role: string; name: string }; token: string }>(
        reg.app,
        manager.token,
        'POST',
        '/agents',
        { name: 'Claire Martin', email: 'claire@lumen.example', role: 'agent' },
      );
      expect(added.status).toBe(201);
      expect(added.body.agent).toMatchObject({ name: 'Claire Martin', role: 'agent' });
      const me = await call<{ agent: { name: string; org: string } }>(reg.app, added.body.token, 'GET', '/me');
      expect(me.body.agent).toMatchObject({ name: 'Claire Martin', org: 'Maison Lumen' });
      // Only the token's SHA-256 is stored.
      const { rows } = await reg.db.transaction({ org: manager.agent.orgId }, (tx) =>
        tx.query<{ token_hash: string }>('SELECT token_hash FROM agents WHERE id = $1', [added.body.agent.id]),
      );
      expect(rows).toEqual([{ token_hash: hashToken(added.body.token) }]);

      const listed = await call<{ agents: { name: string }[] }>(reg.app, manager.token, 'GET', '/agents');
      expect(listed.body.agents.map((a) => a.name).sort()).toEqual(['Claire Martin', 'Marc Responsable']);

      const revoked = await call(reg.app, manager.token, 'POST', `/agents/${added.body.agent.id}/revoke`);
      expect(revoked).toEqual({ status: 200, body: { revoked: 1 } });
      expect((await call(reg.app, added.body.token, 'GET', '/me')).status).toBe(401);
      const self = await call(reg.app, manager.token, 'POST', `/agents/${manager.agent.id}/revoke`);
      expect(self.status).toBe(409);
    } finally {
      await reg.close();
    }
  });

  it('refuses agents and auditors, another organisation’s agents and a bad body, in French', async () => {
    const reg = await openTestRegister(engine);
    try {
      const claire = await addAgent(reg.db, { org: 'Maison Lumen', name: 'Claire Martin', role: 'agent' });
      const audrey = await addAgent(reg.db, { org: 'Maison Lumen', name: 'Audrey Audit', role: 'auditor' });
      const other = await addAgent(reg.db, { org: 'Autre Maison', name: 'Olga Autre', role: 'manager' });
      for (const token of [claire.token, audrey.token]) {
        const res = await call(reg.app, token, 'POST', '/agents', { name: 'Intrus', role: 'manager' });
        expect(res.status).toBe(403);
        expect((await call(reg.app, token, 'GET', '/agents')).status).toBe(403);
      }
      // Row-level security: a manager of another organisation neither sees nor revokes Maison Lumen's agents.
      const theirs = await call<{ agents: { name: string }[] }>(reg.app, other.token, 'GET', '/agents');
      expect(theirs.body.agents.map((a) => a.name)).toEqual(['Olga Autre']);
      const cross = await call(reg.app, other.token, 'POST', `/agents/${claire.agent.id}/revoke`);
      expect(cross.status).toBe(404);
      expect((await call(reg.app, claire.token, 'GET', '/me')).status).toBe(200);
      const bad = await call<{ error: string }>(reg.app, other.token, 'POST', '/agents', {
        name: '',
        role: 'superuser',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error).toMatch(/Requête invalide/);
    } finally {
      await reg.close();
    }
  });
});
