// Start-up and access rules of the team server, on both engines.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertConfinedRole } from '../../server/db/db';
import { pgDb } from '../../server/db/pg';
import { lockFolder } from '../../server/lock';
import { addAgent, listAgents, revokeAgent } from '../../server/store/agents';
import { closeSharedPglite, ENGINES, openTestRegister } from './support/engines';
import { call, pushOps } from './support/http';
import { adminUrl } from './support/pg-admin';
import { input, SimAgent } from './support/sim-agent';

afterAll(closeSharedPglite);

describe.each(ENGINES)('access on %s', (engine) => {
  it('answers /health without a token and refuses the protocol without one', async () => {
    const reg = await openTestRegister(engine);
    try {
      const health = await call(reg.app, null, 'GET', '/health');
      expect(health).toEqual({ status: 200, body: { ok: true, engine: reg.db.engine, version: 3 } });
      const anonymous = await call(reg.app, null, 'GET', '/pull');
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.error).toMatch(/jeton/);
    } finally {
      await reg.close();
    }
  });

  it('gives a revoked token 401 from the next request on, and an auditor’s push 403', async () => {
    const reg = await openTestRegister(engine);
    try {
      const claire = await addAgent(reg.db, { org: 'Maison Lumen', name: 'Claire Martin', role: 'agent' });
      const audrey = await addAgent(reg.db, { org: 'Maison Lumen', name: 'Audrey Audit', role: 'auditor' });
      const sim = new SimAgent(reg.app, claire.token, 'Claire Martin');
      await sim.create(input(), new Date('2026-03-02T10:00:00Z'));
      const [first] = await sim.push();
      expect(first?.status).toBe('applied');

      const auditor = new SimAgent(reg.app, audrey.token, 'Audrey Audit');
      await auditor.create(input(), new Date('2026-03-02T10:00:00Z'));
      const refused = await call(reg.app, audrey.token, 'POST', '/push', { ops: auditor.pending });
      expect(refused.status).toBe(403);
      expect(refused.body.error).toMatch(/auditeur/);
      expect((await call(reg.app, audrey.token, 'GET', '/pull')).status).toBe(200);
      expect((await call(reg.app, audrey.token, 'GET', '/audit/register')).status).toBe(200);

      expect(await revokeAgent(reg.db, 'Maison Lumen', claire.agent.id)).toBe(1);
      const revoked = await call(reg.app, claire.token, 'GET', '/pull');
      expect(revoked.status).toBe(401);
      expect(revoked.body.error).toBe('Jeton inconnu ou révoqué.');
      expect((await listAgents(reg.db, 'Maison Lumen')).map((a) => [a.name, a.revokedAt !== null])).toEqual([
        ['Audrey Audit', false],
        ['Claire Martin', true],
      ]);
      await expect(pushOps(reg.app, 'x'.repeat(43), sim.pending)).rejects.toThrow(/401/);
    } finally {
      await reg.close();
    }
  });

  it('lets only managers write settings and templates, and everyone read them', async () => {
    const reg = await openTestRegister(engine);
    try {
      const agent = await addAgent(reg.db, { org: 'Maison Lumen', name: 'Claire Martin', role: 'agent' });
      const boss = await addAgent(reg.db, { org: 'Maison Lumen', name: 'Paul Durand', role: 'manager' });
      const settings = (await call(reg.app, agent.token, 'GET', '/settings')).body;
      const changed = { ...settings, retentionYears: 7 };
      expect((await call(reg.app, agent.token, 'PUT', '/settings', changed)).status).toBe(403);
      expect((await call(reg.app, boss.token, 'PUT', '/settings', changed)).status).toBe(200);
      expect((await call(reg.app, agent.token, 'GET', '/settings')).body.retentionYears).toBe(7);
      const template = { templateId: 'accuse-reception', lang: 'fr', source: 'Bonjour {{customer.name}}', version: 2 };
      expect((await call(reg.app, agent.token, 'PUT', '/templates', template)).status).toBe(403);
      expect((await call(reg.app, boss.token, 'PUT', '/templates', template)).status).toBe(200);
      expect((await call(reg.app, agent.token, 'GET', '/templates')).body).toEqual({ templates: [template] });
    } finally {
      await reg.close();
    }
  });

  it('lets only a manager delete the organisation’s copy of a letter, and only their own organisation’s', async () => {
    const reg = await openTestRegister(engine);
    try {
      const agent = await addAgent(reg.db, { org: 'Maison Lumen', name: 'Claire Martin', role: 'agent' });
      const auditor = await addAgent(reg.db, { org: 'Maison Lumen', name: 'Audrey Audit', role: 'auditor' });
      const boss = await addAgent(reg.db, { org: 'Maison Lumen', name: 'Paul Durand', role: 'manager' });
      const other = await addAgent(reg.db, { org: 'Atelier Voisin', name: 'Léa Roux', role: 'manager' });
      const fr = { templateId: 'accuse-reception', lang: 'fr', source: 'Bonjour {{customer.name}}', version: 2 };
      const en = { ...fr, lang: 'en', source: 'Hello {{customer.name}}' };
      for (const template of [fr, en]) {
        expect((await call(reg.app, boss.token, 'PUT', '/templates', template)).status).toBe(200);
        expect((await call(reg.app, other.token, 'PUT', '/templates', template)).status).toBe(200);
      }
      const url = '/templates/accuse-reception/fr';

      for (const refused of [agent, auditor]) {
        const answer = await call(reg.app, refused.token, 'DELETE', url);
        expect(answer).toEqual({ status: 403, body: { error: 'Réservé aux responsables du service client.' } });
      }
      expect((await call(reg.app, agent.token, 'GET', '/templates')).body).toEqual({ templates: [en, fr] });

      // Row-level security: the manager of another organisation deletes their own copy, never this one.
      expect(await call(reg.app, other.token, 'DELETE', url)).toEqual({ status: 200, body: { deleted: true } });
      expect((await call(reg.app, agent.token, 'GET', '/templates')).body).toEqual({ templates: [en, fr] });

      expect(await call(reg.app, boss.token, 'DELETE', url)).toEqual({ status: 200, body: { deleted: true } });
      expect((await call(reg.app, agent.token, 'GET', '/templates')).body).toEqual({ templates: [en] });
      expect(await call(reg.app, boss.token, 'DELETE', url)).toEqual({ status: 200, body: { deleted: false } });

      const unknown = await call(reg.app, boss.token, 'DELETE', '/templates/lettre-inconnue/fr');
      expect(unknown.status).toBe(400);
      expect(unknown.body.error).toMatch(/^Requête invalide/);
      expect((await call(reg.app, boss.token, 'DELETE', '/templates/accuse-reception/de')).status).toBe(400);
    } finally {
      await reg.close();
    }
  });
});

describe('start-up guards', () => {
  it('refuses to run as a superuser (real PostgreSQL)', async () => {
    const db = pgDb({ url: adminUrl(), max: 1 });
    try {
      await expect(assertConfinedRole(db)).rejects.toThrow(/Refus de démarrer.*superutilisateur ou BYPASSRLS/);
    } finally {
      await db.close();
    }
  });

  it('says in French that an embedded data folder is already in use', () => {
    const dir = mkdtempSync(join(tmpdir(), 'registre-lock-'));
    const release = lockFolder(dir);
    try {
      // The same process holds it: simulate another one by writing a live foreign pid (our parent).
      release();
      const again = lockFolder(dir);
      again();
      writeFileSync(join(dir, 'server.lock'), String(process.ppid));
      expect(() => lockFolder(dir)).toThrow(/déjà utilisé par un autre serveur \(processus \d+\)/);
      // A lock left by a dead process is taken over.
      writeFileSync(join(dir, 'server.lock'), '999999');
      lockFolder(dir)();
    } finally {
      release();
    }
  });
});
