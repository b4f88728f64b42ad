// Organisations never see each other's rows (API and raw SQL as the service role), and anonymisation
// leaves no personal value in the database while the chain still verifies. Both engines.

import { afterAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../lib/register/history';
import type { Complaint } from '../../lib/register/schema';
import type { Queryable } from '../../server/db/db';
import { pgDb } from '../../server/db/pg';
import { addAgent } from '../../server/store/agents';
import { TABLES as ORG_TABLES } from '../../server/transfer';
import { closeSharedPglite, ENGINES, openTestRegister, type TestRegister } from './support/engines';
import { call } from './support/http';
import { input, SimAgent } from './support/sim-agent';

afterAll(closeSharedPglite);

/** Every table of the register: the organisations and the tables the transfer moves. */
const TABLES = ['orgs', ...ORG_TABLES];
const at = (minutes: number) => new Date(Date.UTC(2026, 2, 2, 10, minutes));

/** Raw SQL as the service's own role, scoped to `org` (or to none). */
async function asService<T>(
  reg: TestRegister,
  org: string | undefined,
  work: (tx: Queryable) => Promise<T>,
): Promise<T> {
  if (reg.engine === 'embedded') return reg.db.transaction({ org }, work);
  const db = pgDb({ url: reg.url as string, max: 1 });
  try {
    return await db.transaction({ org }, work);
  } finally {
    await db.close();
  }
}

const count = (tx: Queryable, table: string) =>
  tx.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`).then((r) => Number(r.rows[0]?.n));

describe.each(ENGINES)('isolation and erasure on %s', (engine) => {
  it('never shows an agent another organisation’s rows, through the API or raw SQL', async () => {
    const reg = await openTestRegister(engine);
    try {
      const lumen = await addAgent(reg.db, { org: 'Maison Lumen', name: 'Claire Martin', role: 'manager' });
      const other = await addAgent(reg.db, { org: 'Atelier Nord', name: 'Luc Petit', role: 'manager' });
      const claire = new SimAgent(reg.app, lumen.token, 'Claire Martin');
      const luc = new SimAgent(reg.app, other.token, 'Luc Petit');
      const c = await claire.create(input(), at(0));
      await claire.push();
      await call(reg.app, lumen.token, 'PUT', '/settings', { retentionYears: 9 });

      await luc.pull();
      expect(luc.complaints.size).toBe(0);
      expect((await call(reg.app, other.token, 'GET', '/audit/register')).body).toEqual({ rows: [] });
      expect((await call(reg.app, other.token, 'GET', '/settings')).body.retentionYears).toBe(5);

      for (const table of TABLES) {
        expect(await asService(reg, other.agent.orgId, (tx) => count(tx, table)), table).toBe(
          table === 'orgs' || table === 'agents' ? 1 : 0,
        );
        expect(await asService(reg, undefined, (tx) => count(tx, table)), `${table} unscoped`).toBe(0);
      }
      // Writing a row for the other organisation is refused by the policy's WITH CHECK.
      await expect(
        asService(reg, other.agent.orgId, (tx) =>
          tx
            .query("UPDATE complaints SET phase = 'closed' WHERE id = $1 RETURNING id", [c.id])
            .then((r) => r.rows.length),
        ),
      ).resolves.toBe(0);
      await expect(
        asService(reg, other.agent.orgId, (tx) =>
          tx.query('INSERT INTO reference_counters (org_id, year, last) VALUES ($1, 2026, 99)', [lumen.agent.orgId]),
        ),
      ).rejects.toThrow(/row-level security|sécurité/);
      // Pushing onto the other organisation's complaint id finds nothing there.
      luc.complaints.set(c.id, claire.complaints.get(c.id) as never);
      await luc.act(c.id, { kind: 'note', text: 'intrusion' }, at(1));
      expect((await luc.push())[0]).toMatchObject({ status: 'refused', reason: 'Réclamation inconnue du registre.' });
    } finally {
      await reg.close();
    }
  });

  it('anonymises a complaint: no personal value left in any table, and the chain still verifies', async () => {
    const reg = await openTestRegister(engine);
    try {
      const lumen = await addAgent(reg.db, { org: 'Maison Lumen', name: 'Paul Durand', role: 'manager' });
      const paul = new SimAgent(reg.app, lumen.token, 'Paul Durand');
      const personal = {
        customer: { name: 'Zoé Quintard', email: 'zoe.quintard@example.fr', phone: '0612345678' },
        subject: 'Commande 77881 Quintard',
        excerpt: 'Je suis Zoé Quintard, mon colis est cassé.',
      };
      const c = await paul.create(input(personal), at(0));
      await paul.act(c.id, { kind: 'update', patch: { summary: 'Mme Quintard demande un remboursement' } }, at(1));
      await paul.act(c.id, { kind: 'note', text: 'Zoé Quintard rappelée au 0612345678' }, at(2));
      await paul.push();
      await paul.pull();
      await paul.act(c.id, { kind: 'anonymize', reason: 'request' }, at(3));
      expect((await paul.push())[0]?.status).toBe('applied');

      for (const table of TABLES) {
        const hits = await asService(reg, lumen.agent.orgId, (tx) =>
          tx.query<{ n: string }>(
            `SELECT count(*) AS n FROM ${table} t WHERE t::text ~* '(quintard|zoe|zoé|0612345678|77881)'`,
          ),
        );
        expect(Number(hits.rows[0]?.n), table).toBe(0);
      }
      const reader = new SimAgent(reg.app, lumen.token, 'Paul Durand');
      await reader.pull();
      const snapshot = reader.complaints.get(c.id);
      expect(snapshot?.anonymizedAt).not.toBeNull();
      const verdict = await verifyChain(reader.history(c.id) as never, snapshot?.historyHead);
      expect(verdict).toMatchObject({ ok: true, length: snapshot?.rev });
      expect((verdict as { redacted: number }).redacted).toBeGreaterThan(0);
      // A stale edit made before the erasure cannot bring the data back.
      const stale = new SimAgent(reg.app, lumen.token, 'Paul Durand');
      stale.complaints.set(c.id, {
        ...(snapshot as Complaint),
        rev: 4,
        historyHead: reader.history(c.id)[3]?.hash as string,
        anonymizedAt: null,
      });
      await stale.act(c.id, { kind: 'update', patch: { product: 'Zoé Quintard' } }, at(4));
      expect((await stale.push())[0]).toMatchObject({ status: 'refused' });
    } finally {
      await reg.close();
    }
  });
});
