// Assignment in the team register (issue 13), on both engines: a complaint is its author's when logged; a
// manager or the agent holding it hands it on; anyone else is refused in French; the change is an event of
// the chain that every agent pulls; the team's names are readable by every role.
import { afterAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../lib/register/history';
import { localOperation } from '../../lib/sync/operations';
import { addAgent } from '../../server/store/agents';
import { closeSharedPglite, ENGINES, openTestRegister, type TestRegister } from './support/engines';
import { call, pushOps } from './support/http';
import { input, SimAgent } from './support/sim-agent';

afterAll(closeSharedPglite);

const at = (minutes: number) => new Date(Date.UTC(2026, 2, 2, 10, minutes));

async function team(reg: TestRegister) {
  const org = 'Maison Lumen';
  const claire = await addAgent(reg.db, { org, name: 'Claire Martin', role: 'agent' });
  const paul = await addAgent(reg.db, { org, name: 'Paul Durand', role: 'agent' });
  const marc = await addAgent(reg.db, { org, name: 'Marc Responsable', role: 'manager' });
  const audrey = await addAgent(reg.db, { org, name: 'Audrey Audit', role: 'auditor' });
  const sim = (a: typeof claire) => new SimAgent(reg.app, a.token, a.agent.name);
  return { claire, paul, marc, audrey, sims: { claire: sim(claire), paul: sim(paul), marc: sim(marc) } };
}

async function assigneeColumn(reg: TestRegister, orgId: string, id: string): Promise<string | null> {
  const { rows } = await reg.db.transaction({ org: orgId }, (tx) =>
    tx.query<{ assignee: string | null }>('SELECT assignee FROM complaints WHERE org_id = $1 AND id = $2', [orgId, id]),
  );
  return rows[0]?.assignee ?? null;
}

describe.each(ENGINES)('assignment on %s', (engine) => {
  it('assigns a complaint to its author, lets the holder and a manager hand it on, refuses anyone else', async () => {
    const reg = await openTestRegister(engine);
    try {
      const { claire, paul, marc, sims } = await team(reg);
      const created = await sims.claire.create(input(), at(0));
      expect(created.assignee).toEqual({ id: claire.agent.id, name: 'Claire Martin' });
      // The server seals the very same creation: the assignee comes from the token's agent on both sides.
      expect((await sims.claire.push())[0]).toMatchObject({ status: 'applied', sameHash: true });
      expect(await assigneeColumn(reg, claire.agent.orgId, created.id)).toBe(claire.agent.id);
      const id = created.id;
      // The server gave the official reference (an event of its own): every copy takes it.
      for (const sim of Object.values(sims)) await sim.pull();

      // Paul neither holds it nor manages: his extension refuses it up front, and an operation made without
      // that check (an older or altered client) is refused by the server, in French, with nothing written.
      const take = { kind: 'assign', assignee: { id: paul.agent.id, name: 'Paul Durand' } } as const;
      await expect(sims.paul.act(id, take, at(1))).rejects.toThrow(/Seul un responsable ou l’agent/);
      const forged = await localOperation(sims.paul.complaints.get(id) ?? null, take, {
        now: at(1),
        actor: 'Paul Durand',
      });
      const refused = (await pushOps(reg.app, paul.token, [forged.op]))[0];
      expect(refused).toMatchObject({ status: 'refused' });
      if (refused?.status === 'refused') expect(refused.reason).toMatch(/Seul un responsable ou l’agent/);

      // Claire holds it: she hands it to Paul.
      await sims.claire.act(id, { kind: 'assign', assignee: { id: paul.agent.id, name: 'Paul Durand' } }, at(2));
      expect((await sims.claire.push())[0]).toMatchObject({ status: 'applied', sameHash: true });
      expect(await assigneeColumn(reg, claire.agent.orgId, id)).toBe(paul.agent.id);

      // Claire no longer holds it; the manager takes it back for her.
      await sims.claire.pull();
      const back = { kind: 'assign', assignee: { id: claire.agent.id, name: 'Claire Martin' } } as const;
      await expect(sims.claire.act(id, back, at(3))).rejects.toThrow(/Seul un responsable/);
      const again = await localOperation(sims.claire.complaints.get(id) ?? null, back, { now: at(3), actor: 'x' });
      expect((await pushOps(reg.app, claire.token, [again.op]))[0]?.status).toBe('refused');
      await sims.marc.pull();
      await sims.marc.act(id, { kind: 'assign', assignee: { id: claire.agent.id, name: 'Claire Martin' } }, at(4));
      expect((await sims.marc.push())[0]).toMatchObject({ status: 'applied', sameHash: true });

      await sims.paul.pull();
      const events = sims.paul.history(id);
      expect(events.filter((e) => e.type === 'assigned').map((e) => [e.actor, e.changes[0]?.to])).toEqual([
        ['Claire Martin', { id: paul.agent.id, name: 'Paul Durand' }],
        ['Marc Responsable', { id: claire.agent.id, name: 'Claire Martin' }],
      ]);
      expect(sims.paul.complaints.get(id)?.assignee).toEqual({ id: claire.agent.id, name: 'Claire Martin' });
      expect((await verifyChain(events, sims.paul.complaints.get(id)?.historyHead)).ok).toBe(true);
      expect(marc.agent.role).toBe('manager');
    } finally {
      await reg.close();
    }
  });

  it('refuses an assignee outside the team, revoked, an auditor, or under another name', async () => {
    const reg = await openTestRegister(engine);
    try {
      const { audrey, marc, sims } = await team(reg);
      const other = await addAgent(reg.db, { org: 'Autre Maison', name: 'Olga Autre', role: 'agent' });
      const created = await sims.marc.create(input(), at(0));
      await sims.marc.push();
      await sims.marc.pull();
      const id = created.id;
      const gone = await call<{ agent: { id: string } }>(reg.app, marc.token, 'POST', '/agents', { name: 'Parti' });
      await call(reg.app, marc.token, 'POST', `/agents/${gone.body.agent.id}/revoke`);
      const wrong = [
        { id: other.agent.id, name: 'Olga Autre' },
        { id: gone.body.agent.id, name: 'Parti' },
        { id: audrey.agent.id, name: 'Audrey Audit' },
        { id: marc.agent.id, name: 'Quelqu’un d’autre' },
      ];
      for (const [i, assignee] of wrong.entries()) {
        await sims.marc.act(id, { kind: 'assign', assignee }, at(1 + i));
        const outcome = (await sims.marc.push())[0];
        expect(outcome).toMatchObject({ status: 'refused', reason: expect.stringMatching(/ne fait pas partie/) });
        await sims.marc.pull();
      }
    } finally {
      await reg.close();
    }
  });

  it('gives every role the team’s active names, and an auditor no write', async () => {
    const reg = await openTestRegister(engine);
    try {
      const { claire, audrey, marc, paul } = await team(reg);
      await addAgent(reg.db, { org: 'Autre Maison', name: 'Olga Autre', role: 'agent' });
      await call(reg.app, marc.token, 'POST', `/agents/${paul.agent.id}/revoke`);
      for (const who of [claire, audrey, marc]) {
        const res = await call<{ agents: { name: string; role: string }[] }>(reg.app, who.token, 'GET', '/team');
        expect(res.status).toBe(200);
        expect(res.body.agents.map((a) => a.name)).toEqual(['Audrey Audit', 'Claire Martin', 'Marc Responsable']);
        // Names and roles only: no e-mail, no token hash.
        expect(Object.keys(res.body.agents[0] ?? {}).sort()).toEqual(['id', 'name', 'role']);
      }
      expect((await call(reg.app, null, 'GET', '/team')).status).toBe(401);
      const sim = new SimAgent(reg.app, audrey.token, 'Audrey Audit');
      await sim.create(input(), at(0));
      await expect(sim.push()).rejects.toThrow(/push 403/);
    } finally {
      await reg.close();
    }
  });
});
