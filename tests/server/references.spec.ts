// Official references stay unique across the organisation: blocks per agent and year, provisional
// references replaced by the server, 50 agents creating at once across New Year's night in Paris.
import { afterAll, describe, expect, it } from 'vitest';
import { addAgent } from '../../server/store/agents';
import { closeSharedPglite, ENGINES, openTestRegister } from './support/engines';
import { call } from './support/http';
import { input, SimAgent } from './support/sim-agent';

afterAll(closeSharedPglite);

// 31 December 2026, 23:00 UTC is midnight in Paris (UTC+1 in winter): the Paris year turns there.
const NEW_YEAR = Date.UTC(2026, 11, 31, 23, 0, 0);

describe.each(ENGINES)('references on %s', (engine) => {
  it('gives 1,000 distinct references to 50 concurrent creators × 20 complaints across a Paris year boundary', async () => {
    const reg = await openTestRegister(engine);
    try {
      const creators = await Promise.all(
        Array.from({ length: 50 }, async (_, i) => {
          const { token } = await addAgent(reg.db, { org: 'Maison Lumen', name: `Agent ${i}`, role: 'agent' });
          return new SimAgent(reg.app, token, `Agent ${i}`);
        }),
      );
      await Promise.all(
        creators.map(async (agent, i) => {
          // Half the agents hold blocks (one per year); the others work with provisional references.
          const blocks = i % 2 === 0;
          const block = async (year: number) => {
            const res = await call<{ first: number }>(reg.app, agent.token, 'POST', '/references/blocks', {
              year,
              size: 10,
            });
            expect(res.status, JSON.stringify(res.body)).toBe(200);
            return res.body.first;
          };
          const firsts = blocks ? { 2026: await block(2026), 2027: await block(2027) } : null;
          for (let j = 0; j < 20; j++) {
            const before = j < 10;
            const when = new Date(NEW_YEAR + (before ? -1 : 1) * (1000 + i * 20 + j) * 1000);
            const year = before ? 2026 : 2027;
            const ref = firsts ? `REC-${year}-${String(firsts[year] + (j % 10)).padStart(4, '0')}` : undefined;
            await agent.create(input({ receivedAt: when.toISOString() }), when, ref);
            const [outcome] = await agent.push();
            expect(outcome?.status).toBe('applied');
          }
        }),
      );
      const reader = creators[0] as SimAgent;
      await reader.pull();
      const refs = [...reader.complaints.values()].map((c) => c.reference);
      expect(refs).toHaveLength(1000);
      expect(new Set(refs).size).toBe(1000);
      for (const year of [2026, 2027]) {
        const numbers = refs.filter((r) => r.startsWith(`REC-${year}-`)).map((r) => Number(r.slice(9)));
        expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 500 }, (_, k) => k + 1));
      }
      // Each complaint's year is the Paris year of its creation.
      for (const c of reader.complaints.values()) {
        expect(c.reference.slice(4, 8)).toBe(new Date(c.createdAt).getTime() < NEW_YEAR ? '2026' : '2027');
      }
    } finally {
      await reg.close();
    }
  });

  it('keeps the provisional reference in the history and refuses a reference outside the agent’s blocks', async () => {
    const reg = await openTestRegister(engine);
    try {
      const { token } = await addAgent(reg.db, { org: 'Maison Lumen', name: 'Claire Martin', role: 'agent' });
      const claire = new SimAgent(reg.app, token, 'Claire Martin');
      const now = new Date('2026-03-02T10:00:00Z');
      const c = await claire.create(input(), now, 'REC-2026-91234567');
      const [outcome] = await claire.push();
      expect(outcome).toMatchObject({ status: 'applied', reference: 'REC-2026-0001' });
      await claire.pull();
      const [created, assigned] = claire.history(c.id);
      expect(created?.type).toBe('created');
      expect(assigned).toMatchObject({
        type: 'referenceAssigned',
        changes: [{ path: 'reference', from: 'REC-2026-91234567', to: 'REC-2026-0001' }],
      });
      await claire.create(input(), now, 'REC-2026-0002');
      const [outside] = await claire.push();
      expect(outside).toMatchObject({
        status: 'refused',
        reason: 'La référence REC-2026-0002 n’appartient à aucun bloc remis à cet agent.',
      });
    } finally {
      await reg.close();
    }
  });
});
