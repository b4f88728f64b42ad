// Push and pull between two simulated agents working offline, then online, on both engines.
import { afterAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../lib/register/history';
import { addAgent } from '../../server/store/agents';
import { closeSharedPglite, ENGINES, openTestRegister, type TestRegister } from './support/engines';
import { call } from './support/http';
import { input, SimAgent } from './support/sim-agent';

afterAll(closeSharedPglite);

const at = (minutes: number) => new Date(Date.UTC(2026, 2, 2, 10, minutes));

async function twoAgents(reg: TestRegister) {
  const claire = await addAgent(reg.db, { org: 'Maison Lumen', name: 'Claire Martin', role: 'agent' });
  const paul = await addAgent(reg.db, { org: 'Maison Lumen', name: 'Paul Durand', role: 'manager' });
  return [
    new SimAgent(reg.app, claire.token, 'Claire Martin'),
    new SimAgent(reg.app, paul.token, 'Paul Durand'),
  ] as const;
}

/** The organisation's feed counter, read as the service role: row-level security shows the row by name only. */
async function feedSeq(reg: TestRegister): Promise<number> {
  const { rows } = await reg.db.unscoped(async (tx) => {
    await tx.query("SELECT set_config('app.org_name', $1, true)", ['Maison Lumen']);
    return tx.query<{ n: string }>('SELECT feed_seq AS n FROM orgs WHERE name = $1', ['Maison Lumen']);
  });
  return Number(rows[0]?.n);
}

describe.each(ENGINES)('push and pull on %s', (engine) => {
  it('merges edits of different fields, conflicts on the same field, refuses a step no longer allowed', async () => {
    const reg = await openTestRegister(engine);
    try {
      const [claire, paul] = await twoAgents(reg);
      const created = await claire.create(input(), at(0));
      expect((await claire.push())[0]).toMatchObject({ status: 'applied', sameHash: true });
      await claire.pull();
      await paul.pull();
      const id = created.id;
      expect(paul.complaints.get(id)?.reference).toMatch(/^REC-2026-0001$/);

      // Offline: different fields.
      await claire.act(id, { kind: 'update', patch: { product: 'Lampe Arco' } }, at(5));
      await paul.act(id, { kind: 'update', patch: { summary: 'Pied de lampe fendu à la livraison' } }, at(6));
      expect((await claire.push())[0]).toMatchObject({ status: 'applied', sameHash: true });
      const merged = (await paul.push())[0];
      expect(merged?.status).toBe('merged');
      if (merged?.status === 'merged') {
        expect(merged.complaint.product).toBe('Lampe Arco');
        expect(merged.complaint.summary).toBe('Pied de lampe fendu à la livraison');
      }

      // Offline: the same field.
      await claire.pull();
      await paul.pull();
      await claire.act(id, { kind: 'update', patch: { subject: 'Lampe cassée' } }, at(10));
      await paul.act(id, { kind: 'update', patch: { subject: 'Pied fendu' } }, at(11));
      await claire.act(id, { kind: 'note', text: 'Client rappelé' }, at(12));
      await paul.act(id, { kind: 'note', text: 'Photo reçue' }, at(13));
      expect((await claire.push()).map((o) => o.status)).toEqual(['applied', 'applied']);
      const [conflict, note] = await paul.push();
      expect(conflict).toMatchObject({ status: 'conflict', paths: ['subject'] });
      if (conflict?.status === 'conflict') expect(conflict.complaint.subject).toBe('Lampe cassée');
      // A note is an append: it merges beside the other agent's note.
      expect(note?.status).toBe('merged');

      // Offline: both acknowledge; the second finds the step already taken.
      await claire.pull();
      await paul.pull();
      await claire.act(id, { kind: 'transition', to: 'acknowledged' }, at(20));
      await paul.act(id, { kind: 'transition', to: 'acknowledged' }, at(21));
      expect((await claire.push())[0]?.status).toBe('applied');
      const refused = (await paul.push())[0];
      expect(refused?.status).toBe('refused');
      if (refused?.status === 'refused')
        expect(refused.reason).toMatch(/Passage .*impossible|n’est pas possible|impossible/i);

      await claire.pull();
      await paul.pull();
      const mine = claire.complaints.get(id);
      expect(paul.complaints.get(id)).toEqual(mine);
      expect(mine?.notes.map((n) => n.text)).toEqual(['Client rappelé', 'Photo reçue']);
      expect(paul.history(id).map((e) => e.hash)).toEqual(claire.history(id).map((e) => e.hash));
      expect(await verifyChain(claire.history(id) as never, mine?.historyHead)).toMatchObject({
        ok: true,
        length: mine?.rev,
      });
    } finally {
      await reg.close();
    }
  });

  it('stores a full push of 200 operations whole, and another agent pulls the very same register', async () => {
    const reg = await openTestRegister(engine);
    try {
      const [claire, paul] = await twoAgents(reg);
      // 100 complaints with a note each: rows go to the database in several JSON chunks (register-sql.ts).
      const ids: string[] = [];
      for (let i = 0; i < 100; i++) {
        const c = await claire.create(input({ subject: `Colis n° ${i} arrivé abîmé` }), at(i % 60));
        await claire.act(c.id, { kind: 'note', text: `Client rappelé (${i})` }, at(i % 60));
        ids.push(c.id);
      }
      expect(claire.pending).toHaveLength(200);
      const outcomes = await claire.push();
      // A creation is applied as sealed; its note follows the server's referenceAssigned event (merged).
      expect(outcomes.map((o) => o.status)).toEqual(ids.flatMap(() => ['applied', 'merged']));
      expect(await feedSeq(reg)).toBe(300); // 200 events and 100 referenceAssigned
      await claire.pull();
      await paul.pull();
      expect(paul.complaints.size).toBe(100);
      for (const id of ids) {
        expect(paul.complaints.get(id)).toEqual(claire.complaints.get(id));
        expect(paul.history(id).map((e) => e.hash)).toEqual(claire.history(id).map((e) => e.hash));
        expect(await verifyChain(paul.history(id) as never, paul.complaints.get(id)?.historyHead)).toMatchObject({
          ok: true,
          length: 3, // created, referenceAssigned (the official reference), noteAdded
        });
      }
    } finally {
      await reg.close();
    }
  });

  it('answers a repeated push with the stored outcomes and writes nothing', async () => {
    const reg = await openTestRegister(engine);
    try {
      const [claire] = await twoAgents(reg);
      const c = await claire.create(input(), at(0));
      await claire.act(c.id, { kind: 'note', text: 'Premier appel' }, at(1));
      const ops = [...claire.pending];
      const first = await claire.push();
      const before = await feedSeq(reg);
      expect(before).toBeGreaterThan(0);
      claire.pending = ops;
      const again = await claire.push();
      expect(again).toEqual(first);
      expect(await feedSeq(reg)).toBe(before);
    } finally {
      await reg.close();
    }
  });

  it('answers a corrupt or foreign body with a French 400 and changes nothing', async () => {
    const reg = await openTestRegister(engine);
    try {
      const [claire] = await twoAgents(reg);
      await claire.create(input(), at(0));
      await claire.push();
      const before = await feedSeq(reg);
      const res = await reg.app.inject({
        method: 'POST',
        url: '/push',
        headers: { authorization: `Bearer ${claire.token}`, 'content-type': 'application/json' },
        payload: '{"ops": [ {"kind": "create", ',
      });
      expect(res.statusCode).toBe(400);
      expect(JSON.parse(res.body).error).toMatch(/^Requête invalide/);
      const foreign = await call(reg.app, claire.token, 'POST', '/push', { ops: [{ kind: 'drop table', id: 1 }] });
      expect(foreign.status).toBe(400);
      expect(foreign.body.error).toMatch(/^Requête invalide/);
      const tooMany = await call(reg.app, claire.token, 'POST', '/push', { ops: Array(201).fill({}) });
      expect(tooMany.status).toBe(400);
      const xml = await reg.app.inject({
        method: 'POST',
        url: '/push',
        headers: { authorization: `Bearer ${claire.token}`, 'content-type': 'application/xml' },
        payload: '<ops/>',
      });
      expect(xml.statusCode).toBe(400);
      expect(await feedSeq(reg)).toBe(before);
    } finally {
      await reg.close();
    }
  });

  it('holds a long-poll until a push arrives', async () => {
    const reg = await openTestRegister(engine);
    try {
      const [claire, paul] = await twoAgents(reg);
      const started = Date.now();
      const waiting = call<{ events: { type: string }[] }>(reg.app, paul.token, 'GET', '/pull?cursor=0&wait=20');
      await new Promise((r) => setTimeout(r, 300));
      await claire.create(input(), at(0));
      await claire.push();
      const page = await waiting;
      // A provisional reference comes back replaced by the next official one, in the same commit.
      expect(page.body.events.map((e) => e.type)).toEqual(['created', 'referenceAssigned']);
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      await reg.close();
    }
  });
});
