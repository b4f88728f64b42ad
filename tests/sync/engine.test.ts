// @vitest-environment node
// Two agents' registers (IndexedDB, opened by name) syncing through a real team server (Fastify over the
// embedded PGlite, listening on loopback) with the background's sync steps: the outbox written with each
// change, pushes, pulls with the outbox replayed on top, references from blocks or provisional, conflicts.
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '@/lib/deadlines/policy';
import { pullAll, pushAll, SyncFailure, syncRound } from '@/lib/extension/background/sync-engine';
import { registerConnection } from '@/lib/register/store/db';
import { syncOn } from '@/lib/register/store/sync-state';
import { isProvisional } from '@/lib/sync/references';
import { revokeAgent } from '../../server/store/agents';
import { newInput } from '../support/complaints';
import { useTeamServer } from './support/team';

const shared = useTeamServer('register');
const { team, localRegister } = shared;

describe('the outbox', () => {
  it('records each write’s operation in the same transaction, and nothing for a register that never joined', async () => {
    const local = localRegister('register-local');
    await local.createComplaint(newInput(), DEFAULT_POLICY, { now: new Date(), actor: 'Agent' });
    expect(await syncOn(registerConnection('register-local')).pendingCount()).toBe(0);

    const [claire] = await team();
    const made = await claire.register.createComplaint(newInput(), DEFAULT_POLICY, claire.w());
    await claire.register.addNote(made.id, 'Client rappelé', claire.w());
    const ops = await claire.sync.pendingOps(10);
    const history = await claire.register.getHistory(made.id);
    expect(ops.map((e) => e.op.kind)).toEqual(['create', 'note']);
    expect(ops.map((e) => e.op.eventId)).toEqual(history.map((e) => e.id));
    expect(ops.map((e) => e.op.hash)).toEqual(history.map((e) => e.hash));

    // A write refused by the revision check leaves no operation behind.
    await expect(
      claire.register.updateComplaint(made.id, 1, { subject: 'Copie périmée' }, claire.w()),
    ).rejects.toThrow();
    expect(await claire.sync.pendingCount()).toBe(2);
  });
});

describe('syncing two agents through the team server', () => {
  it('brings A’s complaint to B with an official reference and a chain that verifies', async () => {
    const [claire, paul] = await team();
    await syncRound(claire.deps, claire.connection); // takes a block of references
    const made = await claire.register.createComplaint(newInput(), DEFAULT_POLICY, claire.w());
    expect(made.reference).toMatch(/^REC-\d{4}-0001$/);
    await syncRound(claire.deps, claire.connection);
    expect(await claire.sync.pendingCount()).toBe(0);

    const { ids } = await pullAll(paul.deps, paul.connection);
    expect(ids).toEqual([made.id]);
    const seen = await paul.register.getComplaint(made.id);
    expect(seen?.reference).toBe(made.reference);
    expect((await paul.register.getHistory(made.id)).map((e) => e.actor)).toEqual(['Claire Martin']);
    expect((await paul.register.verifyComplaintChain(made.id)).ok).toBe(true);
  });

  it('announces each page of a long pull as it lands, so that a joining agent’s list fills page by page', async () => {
    const [claire, paul] = await team();
    await syncRound(claire.deps, claire.connection);
    const made = [];
    for (let i = 0; i < 3; i++)
      made.push(await claire.register.createComplaint(newInput(), DEFAULT_POLICY, claire.w()));
    await syncRound(claire.deps, claire.connection);

    const pages: string[][] = [];
    const readable: boolean[] = [];
    const { ids } = await pullAll(paul.deps, paul.connection, {
      limit: 1,
      onPage: async (pageIds) => {
        pages.push(pageIds);
        // What a page announces is already in the register when the list reads it.
        for (const id of pageIds) readable.push(Boolean(await paul.register.getComplaint(id)));
      },
    });
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(readable.every(Boolean)).toBe(true);
    expect(new Set(pages.flat()).size).toBeLessThanOrEqual(ids.length);
    expect([...ids].sort()).toEqual(made.map((c) => c.id).sort());
  });

  it('replays the operations still in the outbox on top of pulled changes, then converges', async () => {
    const [claire, paul] = await team();
    await syncRound(claire.deps, claire.connection); // a block of references in hand
    const made = await claire.register.createComplaint(newInput(), DEFAULT_POLICY, claire.w());
    await syncRound(claire.deps, claire.connection);
    await pullAll(paul.deps, paul.connection);

    // Paul adds a note offline while Claire edits the product and pushes.
    await paul.register.addNote(made.id, 'Photo reçue', paul.w());
    await claire.register.updateComplaint(made.id, undefined, { product: 'Lampe Arco' }, claire.w());
    await pushAll(claire.deps, claire.connection);

    // Paul pulls before pushing: Claire's edit is under his note, still waiting.
    await pullAll(paul.deps, paul.connection);
    const mixed = await paul.register.getComplaint(made.id);
    expect(mixed?.product).toBe('Lampe Arco');
    expect(mixed?.notes.map((n) => n.text)).toEqual(['Photo reçue']);
    expect(await paul.sync.pendingCount()).toBe(1);
    expect((await paul.register.verifyComplaintChain(made.id)).ok).toBe(true);

    await syncRound(paul.deps, paul.connection);
    await syncRound(claire.deps, claire.connection);
    const [a, b] = [await claire.register.getComplaint(made.id), await paul.register.getComplaint(made.id)];
    expect(a).toEqual(b);
    expect(a?.notes.map((n) => n.text)).toEqual(['Photo reçue']);
    const [ha, hb] = [await claire.register.getHistory(made.id), await paul.register.getHistory(made.id)];
    expect(ha.map((e) => e.hash)).toEqual(hb.map((e) => e.hash));
    expect(ha.map((e) => e.actor)).toEqual(['Claire Martin', 'Claire Martin', 'Paul Durand']);
    expect((await claire.register.verifyComplaintChain(made.id)).ok).toBe(true);
  });

  it('sends the same operations twice without changing anything (a worker stopped before it settled)', async () => {
    const [claire] = await team();
    await syncRound(claire.deps, claire.connection); // a block of references in hand
    const made = await claire.register.createComplaint(newInput(), DEFAULT_POLICY, claire.w());
    const batch = await claire.sync.pendingOps(10);
    const body = JSON.stringify({ ops: batch.map((e) => e.op) });
    const headers = { authorization: `Bearer ${claire.connection.token}`, 'content-type': 'application/json' };
    // The first push reached the server, but the worker stopped before settling the outbox.
    await fetch(`${shared.url}/push`, { method: 'POST', headers, body });
    await syncRound(claire.deps, claire.connection);
    expect(await claire.sync.pendingCount()).toBe(0);
    const history = await claire.register.getHistory(made.id);
    expect(history).toHaveLength(1);
    expect((await claire.register.verifyComplaintChain(made.id)).ok).toBe(true);
  });

  it('applies its own note once when the feed brings it back before the push has answered (the long-poll)', async () => {
    const [claire] = await team();
    await syncRound(claire.deps, claire.connection);
    const made = await claire.register.createComplaint(newInput(), DEFAULT_POLICY, claire.w());
    await syncRound(claire.deps, claire.connection);
    await claire.register.addNote(made.id, 'Client rappelé', claire.w());
    const batch = await claire.sync.pendingOps(10);
    const body = JSON.stringify({ ops: batch.map((e) => e.op) });
    const headers = { authorization: `Bearer ${claire.connection.token}`, 'content-type': 'application/json' };
    // The push has reached the server; its answer is still on its way when the long-poll wakes with the note.
    await fetch(`${shared.url}/push`, { method: 'POST', headers, body });
    await pullAll(claire.deps, claire.connection);
    const seen = await claire.register.getComplaint(made.id);
    expect(seen?.notes.map((n) => n.text)).toEqual(['Client rappelé']);
    expect((await claire.register.getHistory(made.id)).map((e) => e.type)).toEqual(['created', 'noteAdded']);
    // The server holds it: it leaves the outbox, and the next write builds on the team's version.
    expect(await claire.sync.pendingCount()).toBe(0);
    await claire.register.addNote(made.id, 'Avoir envoyé', claire.w());
    await syncRound(claire.deps, claire.connection);
    expect(await claire.sync.pendingCount()).toBe(0);
    const after = await claire.register.getComplaint(made.id);
    expect(after?.notes.map((n) => n.text)).toEqual(['Client rappelé', 'Avoir envoyé']);
    expect((await claire.register.verifyComplaintChain(made.id)).ok).toBe(true);
  });

  it('gives a provisional reference once the block is used up offline, then the official one', async () => {
    const [claire] = await team();
    // No block taken: offline from the start.
    const made = await claire.register.createComplaint(newInput(), DEFAULT_POLICY, claire.w());
    expect(isProvisional(made.reference)).toBe(true);
    await syncRound(claire.deps, claire.connection);
    const now = await claire.register.getComplaint(made.id);
    expect(now?.reference).toMatch(/^REC-\d{4}-\d{4}$/);
    expect(isProvisional(now?.reference ?? '')).toBe(false);
    const history = await claire.register.getHistory(made.id);
    expect(history.map((e) => e.type)).toEqual(['created', 'referenceAssigned']);
    expect(history[1]?.changes[0]).toMatchObject({ path: 'reference', from: made.reference, to: now?.reference });
    expect((await claire.register.verifyComplaintChain(made.id)).ok).toBe(true);
  });

  it('keeps a conflict to show, resolved either way', async () => {
    const [claire, paul] = await team();
    const made = await claire.register.createComplaint(newInput(), DEFAULT_POLICY, claire.w());
    await syncRound(claire.deps, claire.connection);
    await pullAll(paul.deps, paul.connection);

    await claire.register.updateComplaint(made.id, undefined, { subject: 'Lampe cassée' }, claire.w());
    await paul.register.updateComplaint(made.id, undefined, { subject: 'Pied fendu' }, paul.w());
    await syncRound(claire.deps, claire.connection);
    await syncRound(paul.deps, paul.connection);

    const [conflict] = await paul.sync.listConflicts(made.id);
    expect(conflict?.paths).toEqual(['subject']);
    expect(conflict?.op).toMatchObject({ kind: 'update', patch: { subject: 'Pied fendu' } });
    expect(conflict?.theirs.subject).toBe('Lampe cassée');
    // Until Paul chooses, his register shows the team's value and keeps his own in the conflict.
    expect((await paul.register.getComplaint(made.id))?.subject).toBe('Lampe cassée');

    // "Garder la mienne": his value, written again on the newest version.
    if (conflict?.op.kind !== 'update') throw new Error('update expected');
    await paul.register.updateComplaint(made.id, undefined, { subject: conflict.op.patch.subject }, paul.w());
    await paul.sync.dropConflict(conflict.key);
    await syncRound(paul.deps, paul.connection);
    await syncRound(claire.deps, claire.connection);
    expect((await claire.register.getComplaint(made.id))?.subject).toBe('Pied fendu');
    expect(await paul.sync.listConflicts()).toEqual([]);

    // And the other way: Claire edits again, Paul too; Paul keeps Claire's.
    await claire.register.updateComplaint(made.id, undefined, { subject: 'Lampe Arco cassée' }, claire.w());
    await paul.register.updateComplaint(made.id, undefined, { subject: 'Pied de lampe fendu' }, paul.w());
    await syncRound(claire.deps, claire.connection);
    await syncRound(paul.deps, paul.connection);
    const [second] = await paul.sync.listConflicts(made.id);
    expect(second).toBeDefined();
    await paul.sync.dropConflict(second?.key ?? '');
    await syncRound(claire.deps, claire.connection);
    expect((await paul.register.getComplaint(made.id))?.subject).toBe('Lampe Arco cassée');
    expect((await claire.register.getComplaint(made.id))?.subject).toBe('Lampe Arco cassée');
    expect((await paul.register.verifyComplaintChain(made.id)).ok).toBe(true);
  });

  it('says when the token is revoked and keeps the changes in the outbox', async () => {
    const [claire, , org] = await team();
    await claire.register.createComplaint(newInput(), DEFAULT_POLICY, claire.w());
    await revokeAgent(shared.server.db, org, 'Claire Martin');
    const failure = await syncRound(claire.deps, claire.connection).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SyncFailure);
    expect((failure as SyncFailure).problem).toBe('revoked');
    expect((failure as SyncFailure).message).toMatch(/révoqué/);
    expect(await claire.sync.pendingCount()).toBe(1);
  });

  it('says the server is unreachable when nothing answers', async () => {
    const [claire] = await team();
    const away = { ...claire.connection, server: 'http://127.0.0.1:9' };
    const failure = await pullAll(claire.deps, away).catch((e: unknown) => e);
    expect((failure as SyncFailure).problem).toBe('unreachable');
  });
});
