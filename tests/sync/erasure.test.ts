// @vitest-environment node
// Data protection in a team register, against a real team server (Fastify over the embedded PGlite, on
// loopback): an erasure goes through the outbox like any write, and no pull brings an erased value back,
// on either agent's copy or on the server; past times go to their month there as in a local erasure; a restore and an auditor's write are refused up front, and the
// server's 403 is reported as a refusal, not as an unreachable server.
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '@/lib/deadlines/policy';
import { pullAll, pushAll, SyncFailure, syncRound, whoAmI } from '@/lib/extension/background/sync-engine';
import { monthStartInstant } from '@/lib/register/coarsen';
import { openRegister } from '@/lib/register/store/register';
import { beginRestore } from '@/lib/register/store/restore-journal';
import { productSync } from '@/lib/register/store/sync-state';
import { addAgent, ensureOrg } from '../../server/store/agents';
import { newInput } from '../support/complaints';
import { type TeamAgent as Agent, useTeamServer } from './support/team';

const shared = useTeamServer('erasure');
const { join, team } = shared;

/** The customer's personal values, as typed by the agents. */
const PERSONAL = ['Odile', 'Ferrand', 'odile.ferrand@example.fr', 'Lilas', '06 12 34 56 78', 'msg-odile'];
const personalInput = () =>
  newInput({
    customer: { name: 'Odile Ferrand', email: 'odile.ferrand@example.fr' },
    source: { webmail: 'gmail', messageId: 'msg-odile', threadId: 'thread-odile' },
    excerpt: 'Bonjour, ici Odile Ferrand, 12 rue des Lilas : ma lampe est arrivée cassée.',
  });
const leaks = (text: string) => PERSONAL.filter((value) => text.includes(value));

/** Which of the instants `exact` (ms) are written in `text`, in any ISO form (JSON's `Z`, SQL's `+00:00`). */
const exactTimesIn = (text: string, exact: readonly number[]) => {
  const written = new Set(
    [...text.matchAll(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})/g)].map((m) => Date.parse(m[0])),
  );
  return exact.filter((ms) => written.has(ms)).map((ms) => new Date(ms).toISOString());
};

/** Everything an agent's IndexedDB holds: complaints, read model, histories, outbox, conflicts… */
async function localDump(agent: Agent): Promise<string> {
  const db = await openDB(agent.name);
  const out: unknown[] = [];
  for (const store of Array.from(db.objectStoreNames)) out.push(await db.getAll(store));
  db.close();
  return JSON.stringify(out);
}

/** Everything the server holds about complaint `id`: its row, its events, the outcomes of its operations. */
async function serverDump(org: string, id: string): Promise<string> {
  const orgId = await ensureOrg(shared.server.db, org);
  const { rows } = await shared.server.db.transaction({ org: orgId }, (tx) =>
    tx.query<{ t: string }>(
      `SELECT row_to_json(c)::text AS t FROM complaints c WHERE c.id = $1
       UNION ALL SELECT row_to_json(e)::text FROM events e WHERE e.complaint_id = $1
       UNION ALL SELECT row_to_json(o)::text FROM op_outcomes o WHERE o.complaint_id = $1`,
      [id],
    ),
  );
  expect(rows.length).toBeGreaterThan(2);
  return rows.map((r) => r.t).join('\n');
}

describe('an erasure in a team register', () => {
  it('goes to the server through the outbox, and no pull brings an erased value back on either side', async () => {
    const [claire, paul, org] = await team();
    await syncRound(claire.deps, claire.connection); // a block of references in hand
    const made = await claire.register.createComplaint(personalInput(), DEFAULT_POLICY, claire.w());
    await claire.register.addNote(made.id, 'Rappeler Odile au 06 12 34 56 78', claire.w());
    await syncRound(claire.deps, claire.connection);
    await pullAll(paul.deps, paul.connection);
    expect(leaks(await localDump(paul))).not.toEqual([]); // the test's values are there to be erased

    // Claire erases (the customer's request) while Paul, on the version before, writes one more personal value.
    const { complaint: erased } = await claire.register.anonymizeComplaint(made.id, 'request', claire.w());
    const ops = await claire.sync.pendingOps(10);
    const history = await claire.register.getHistory(made.id);
    expect(ops.map((e) => e.op.kind)).toEqual(['anonymize']);
    expect(ops[0]?.op.eventId).toBe(history.at(-1)?.id);
    expect(ops[0]?.op.hash).toBe(erased.historyHead);
    await paul.register.updateComplaint(made.id, undefined, { product: 'Lampe d’Odile Ferrand' }, paul.w());
    await pushAll(paul.deps, paul.connection);

    // Claire pulls before her erasure is sent: the team's version (with Paul's value) arrives under it.
    await pullAll(claire.deps, claire.connection);
    expect((await claire.register.getComplaint(made.id))?.anonymizedAt).toBe(erased.anonymizedAt);
    expect(leaks(await localDump(claire))).toEqual([]);
    expect((await claire.register.verifyComplaintChain(made.id)).ok).toBe(true);

    await syncRound(claire.deps, claire.connection);
    await syncRound(paul.deps, paul.connection);
    await syncRound(claire.deps, claire.connection);
    expect(await claire.sync.pendingCount()).toBe(0);
    expect(await paul.sync.pendingCount()).toBe(0);
    const [a, b] = [await claire.register.getComplaint(made.id), await paul.register.getComplaint(made.id)];
    expect(a?.anonymizedAt).not.toBeNull();
    expect(a).toEqual(b);
    expect(leaks(await localDump(claire))).toEqual([]);
    expect(leaks(await localDump(paul))).toEqual([]);
    expect(leaks(await serverDump(org, made.id))).toEqual([]);
    const [ha, hb] = [await claire.register.getHistory(made.id), await paul.register.getHistory(made.id)];
    expect(ha.map((e) => e.hash)).toEqual(hb.map((e) => e.hash));
    expect(ha.map((e) => e.type)).toContain('anonymized');
    expect((await claire.register.verifyComplaintChain(made.id)).ok).toBe(true);
    expect((await paul.register.verifyComplaintChain(made.id)).ok).toBe(true);
    // What a newcomer pulls from scratch holds no erased value either.
    const feed = await fetch(`${shared.url}/pull?cursor=0`, {
      headers: { authorization: `Bearer ${paul.connection.token}` },
    });
    expect(leaks(await feed.text())).toEqual([]);
  }, 60_000);

  it('takes out of the outbox a change made on the version before the erasure', async () => {
    const [claire, paul, org] = await team();
    const made = await claire.register.createComplaint(personalInput(), DEFAULT_POLICY, claire.w());
    await syncRound(claire.deps, claire.connection);
    await pullAll(paul.deps, paul.connection);

    // Paul, offline, notes a personal value; Claire erases and sends it first.
    await paul.register.addNote(made.id, 'Odile rappelée au 06 12 34 56 78', paul.w());
    await claire.register.anonymizeComplaint(made.id, 'request', claire.w());
    await syncRound(claire.deps, claire.connection);

    // Paul's pull: the erased version, and his stale note (which the server would refuse) leaves his outbox.
    await pullAll(paul.deps, paul.connection);
    expect(await paul.sync.pendingCount()).toBe(0);
    const seen = await paul.register.getComplaint(made.id);
    expect(seen?.anonymizedAt).not.toBeNull();
    expect(seen?.notes).toEqual([]);
    expect(leaks(await localDump(paul))).toEqual([]);
    expect((await paul.register.verifyComplaintChain(made.id)).ok).toBe(true);
    await syncRound(paul.deps, paul.connection);
    expect(await paul.register.getComplaint(made.id)).toEqual(await claire.register.getComplaint(made.id));
    expect(leaks(await serverDump(org, made.id))).toEqual([]);
  }, 60_000);

  it('reduces every past time to its month, on the server and in every pull, as a local erasure does', async () => {
    const [claire, paul, org] = await team();
    // The connection records keep the time each agent joined (`connectedAt`), which the dumps below search too:
    // on a fast machine the complaint could be made in that very millisecond and look like a time kept.
    const joined = Date.now();
    while (Date.now() === joined) await new Promise((resolve) => setTimeout(resolve, 1));
    const made = await claire.register.createComplaint(personalInput(), DEFAULT_POLICY, claire.w());
    await claire.register.addNote(made.id, 'Client rappelé', claire.w());
    await syncRound(claire.deps, claire.connection);
    await pullAll(paul.deps, paul.connection);
    await paul.register.updateComplaint(made.id, undefined, { product: 'Lampe Arco' }, paul.w());
    await syncRound(paul.deps, paul.connection);
    await pullAll(claire.deps, claire.connection);
    // The exact times of the complaint's past: its events (both agents') and the dates the record holds.
    const before = await claire.register.getComplaint(made.id);
    const past = await claire.register.getHistory(made.id);
    const exact = [
      ...past.map((e) => e.at),
      before?.receivedAt,
      before?.createdAt,
      before?.loggedAt,
      ...(before?.notes.map((n) => n.at) ?? []),
    ].map((at) => Date.parse(at ?? ''));
    expect(past.map((e) => e.type)).toEqual(['created', 'referenceAssigned', 'noteAdded', 'updated']);
    expect(exactTimesIn(await serverDump(org, made.id), exact)).not.toEqual([]); // there to be coarsened

    await claire.register.anonymizeComplaint(made.id, 'request', claire.w());
    expect(exactTimesIn(await localDump(claire), exact)).toEqual([]); // before it is even sent
    await syncRound(claire.deps, claire.connection);
    await syncRound(paul.deps, paul.connection);
    const newcomer = await join(org, 'Inès Garnier', 'agent');
    await pullAll(newcomer.deps, newcomer.connection);

    expect(exactTimesIn(await serverDump(org, made.id), exact)).toEqual([]);
    const feed = await fetch(`${shared.url}/pull?cursor=0`, {
      headers: { authorization: `Bearer ${newcomer.connection.token}` },
    });
    expect(exactTimesIn(await feed.text(), exact)).toEqual([]);
    const histories = [];
    for (const agent of [claire, paul, newcomer]) {
      expect(exactTimesIn(await localDump(agent), exact)).toEqual([]);
      expect((await agent.register.verifyComplaintChain(made.id)).ok).toBe(true);
      histories.push(await agent.register.getHistory(made.id));
    }
    const [mine, ...theirs] = histories;
    for (const other of theirs) expect(other).toEqual(mine);
    const erasedPast = mine?.filter((e) => e.seq < past.length + 1) ?? [];
    expect(erasedPast.map((e) => [e.atCoarsened, e.at])).toEqual(past.map((e) => [true, monthStartInstant(e.at)]));
  }, 60_000);

  it('leaves the end-of-retention anonymisation to a manager, as the server does', async () => {
    const [claire] = await team();
    const made = await claire.register.createComplaint(personalInput(), DEFAULT_POLICY, claire.w());
    await expect(
      claire.register.anonymizeComplaint(made.id, 'retention', claire.w(), { years: 1, notComplaintYears: 1 }),
    ).rejects.toThrow(/seul un responsable/);
    expect((await claire.register.getComplaint(made.id))?.anonymizedAt).toBeNull();
    expect((await claire.sync.pendingOps(10)).map((e) => e.op.kind)).toEqual(['create']);
  });
});

describe('a restore into a team register', () => {
  it('is refused in French before anything is touched', async () => {
    const product = openRegister();
    const made = await product.createComplaint(newInput(), DEFAULT_POLICY, { now: new Date(), actor: 'Agent' });
    const { token } = await addAgent(shared.server.db, {
      org: shared.newOrg('Maison Restauration'),
      name: 'Léa Roux',
      role: 'agent',
    });
    const agent = await whoAmI({ store: productSync, fetch, now: () => new Date() }, shared.url, token);
    await productSync.saveConnection({ server: shared.url, token, agent, connectedAt: new Date().toISOString() });
    await expect(beginRestore(new Date())).rejects.toThrow(/Restauration refusée : .*registre d’équipe/);
    expect((await product.getComplaint(made.id))?.reference).toBe(made.reference);
    await product.close();
  });
});

describe('an auditor', () => {
  it('is refused a write up front, in French, and nothing waits in the outbox', async () => {
    const [claire, , org] = await team();
    const made = await claire.register.createComplaint(personalInput(), DEFAULT_POLICY, claire.w());
    await syncRound(claire.deps, claire.connection);
    const audit = await join(org, 'Inès Garnier', 'auditor');
    await pullAll(audit.deps, audit.connection);
    expect(await audit.register.getComplaint(made.id)).toEqual(await claire.register.getComplaint(made.id));

    const w = audit.w();
    await expect(audit.register.addNote(made.id, 'Vu', w)).rejects.toThrow(/auditeur.*Rien n’a été modifié/);
    await expect(audit.register.updateComplaint(made.id, undefined, { product: 'Lampe' }, w)).rejects.toThrow(
      /auditeur/,
    );
    await expect(audit.register.createComplaint(newInput(), DEFAULT_POLICY, w)).rejects.toThrow(/auditeur/);
    await expect(audit.register.anonymizeComplaint(made.id, 'request', w)).rejects.toThrow(/auditeur/);
    expect(await audit.sync.pendingCount()).toBe(0);
    expect(await audit.register.getComplaint(made.id)).toEqual(await claire.register.getComplaint(made.id));
  });

  it('hears the server’s 403 as a refusal of its rights, not as an unreachable server', async () => {
    const [claire, , org] = await team();
    await claire.register.createComplaint(newInput(), DEFAULT_POLICY, claire.w());
    // Changes written before the agent's role became auditor on the server.
    const audit = await join(org, 'Inès Garnier', 'auditor');
    const failure = await pushAll(claire.deps, { ...claire.connection, token: audit.connection.token }).catch(
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(SyncFailure);
    expect((failure as SyncFailure).problem).toBe('forbidden');
    expect((failure as SyncFailure).message).toMatch(/403.*auditeur.*restent en attente/);
    expect(await claire.sync.pendingCount()).toBe(1);
  });
});
