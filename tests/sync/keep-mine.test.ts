// @vitest-environment node
// « Garder la mienne » through the background's own message handler (`team/resolve`, issue 13), for the two
// kinds of conflict whose choice is not a plain field edit: a reassignment and an erasure. This browser's
// register is the background's (productSync), joined to a real team server (Fastify over the embedded
// PGlite, on loopback) with another agent's register beside it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/extension/background/start';
import { type EngineDeps, pullAll, syncRound, whoAmI } from '@/lib/extension/background/sync-engine';
import { send } from '@/lib/extension/protocol';
import { getComplaint } from '@/lib/register/store/queries';
import { productSync } from '@/lib/register/store/sync-state';
import type { Role } from '@/lib/sync/protocol';
import { addAgent } from '../../server/store/agents';
import { newInput } from '../support/complaints';
import { useTeamServer } from './support/team';

const shared = useTeamServer('keep-mine');
const deps: EngineDeps = { store: productSync, fetch, now: () => new Date() };

afterEach(() => vi.restoreAllMocks());

/** This browser's register joined to `org` as `name`, its background started (no host permission: the
 *  background's own rounds stay idle, the test syncs by hand). */
async function productJoins(org: string, name: string, role: Role) {
  fakeBrowser.reset();
  startBackground();
  const { token } = await addAgent(shared.server.db, { org, name, role });
  const agent = await whoAmI(deps, shared.url, token);
  const connection = { server: shared.url, token, agent, connectedAt: new Date().toISOString() };
  await productSync.saveConnection(connection);
  return connection;
}

describe('« Garder la mienne » through the background', () => {
  it('hands the complaint again to the agent I chose, on the team’s newest version, and queues that', async () => {
    const org = shared.newOrg();
    const claire = await productJoins(org, 'Claire Martin', 'manager');
    const paul = await shared.join(org, 'Paul Durand', 'manager');
    const zoe = await shared.join(org, 'Zoé Lambert', 'agent');
    const made = await send({ type: 'complaint/create', input: newInput() });
    await syncRound(deps, claire);
    await pullAll(paul.deps, paul.connection);

    // Both managers reassign the same complaint at once: Paul to himself (sent first), Claire to Zoé.
    const paulAsAssignee = { id: paul.connection.agent.id, name: 'Paul Durand' };
    const zoeAsAssignee = { id: zoe.connection.agent.id, name: 'Zoé Lambert' };
    await paul.register.assignComplaint(made.id, undefined, paulAsAssignee, paul.w());
    await syncRound(paul.deps, paul.connection);
    const mine = await getComplaint(made.id);
    await send({ type: 'complaint/assign', id: made.id, rev: mine?.rev ?? 0, assignee: zoeAsAssignee });
    await syncRound(deps, claire);
    const [conflict] = await productSync.listConflicts(made.id);
    expect(conflict?.paths).toEqual(['assignee']);
    expect((await getComplaint(made.id))?.assignee).toEqual(paulAsAssignee);
    expect(await productSync.pendingCount()).toBe(0);
    const teamRev = (await getComplaint(made.id))?.rev ?? 0;

    const kept = await send({ type: 'team/resolve', key: conflict?.key ?? '', keep: 'mine' });
    expect(kept?.assignee).toEqual(zoeAsAssignee);
    expect(kept?.rev).toBe(teamRev + 1);
    expect(await getComplaint(made.id)).toEqual(kept);
    expect(await productSync.listConflicts()).toEqual([]);
    const outbox = await productSync.pendingOps(10);
    expect(outbox.map((e) => e.op)).toEqual([
      expect.objectContaining({ kind: 'assign', complaintId: made.id, assignee: zoeAsAssignee }),
    ]);
    expect(outbox[0]?.op.base.rev).toBe(teamRev);

    // Sent, it applies on the team's version: Paul sees Zoé hold it.
    await syncRound(deps, claire);
    expect(await productSync.pendingCount()).toBe(0);
    await pullAll(paul.deps, paul.connection);
    expect((await paul.register.getComplaint(made.id))?.assignee).toEqual(zoeAsAssignee);
  }, 60_000);

  it('erases the complaint again on the team’s newest version, and queues the erasure', async () => {
    const org = shared.newOrg();
    const claire = await productJoins(org, 'Claire Martin', 'agent');
    const paul = await shared.join(org, 'Paul Durand', 'manager');
    const made = await send({
      type: 'complaint/create',
      input: newInput({ customer: { name: 'Odile Ferrand', email: 'odile.ferrand@example.fr' } }),
    });
    await syncRound(deps, claire);
    await pullAll(paul.deps, paul.connection);

    // Paul corrects the customer's name while Claire, on the version before, erases at the customer's request.
    const corrected = { civility: 'madame' as const, name: 'Odile Ferrand-Lilas', email: 'odile.ferrand@example.fr' };
    await paul.register.updateComplaint(made.id, undefined, { customer: corrected }, paul.w());
    await syncRound(paul.deps, paul.connection);
    await send({ type: 'complaint/anonymize', id: made.id, reason: 'request' });
    // The server answers an erasure with a conflict only when what it holds forked from Claire's base (an
    // erasure's own paths are touched by nothing else): its answer is given to her outbox as the push
    // would (settle), with the team's version; the pull and everything after are the real ones.
    const sent = await productSync.pendingOps(10);
    const theirs = (await paul.register.getComplaint(made.id)) ?? expect.unreachable('Paul’s copy');
    const eventId = sent[0]?.op.eventId ?? '';
    await productSync.settle(
      sent,
      [{ eventId, status: 'conflict', paths: ['customer.name'], complaint: theirs }],
      new Date(),
    );
    await pullAll(deps, claire);
    const [conflict] = await productSync.listConflicts(made.id);
    expect(conflict?.op.kind).toBe('anonymize');
    expect(conflict?.paths).toEqual(['customer.name']);
    // Until Claire chooses, her register shows the team's version (not erased) and keeps her erasure aside.
    expect((await getComplaint(made.id))?.anonymizedAt).toBeNull();
    expect(await productSync.pendingCount()).toBe(0);
    const teamRev = (await getComplaint(made.id))?.rev ?? 0;

    const kept = await send({ type: 'team/resolve', key: conflict?.key ?? '', keep: 'mine' });
    expect(kept?.anonymizedAt).not.toBeNull();
    expect(JSON.stringify(kept)).not.toContain('Ferrand');
    expect(await getComplaint(made.id)).toEqual(kept);
    // No conflict keeps the customer's name either (it held both versions of it).
    expect(await productSync.listConflicts()).toEqual([]);
    const outbox = await productSync.pendingOps(10);
    expect(outbox.map((e) => e.op)).toEqual([
      expect.objectContaining({ kind: 'anonymize', complaintId: made.id, reason: 'request' }),
    ]);
    expect(outbox[0]?.op.base.rev).toBe(teamRev);

    await syncRound(deps, claire);
    expect(await productSync.pendingCount()).toBe(0);
    await pullAll(paul.deps, paul.connection);
    const seen = await paul.register.getComplaint(made.id);
    expect(seen?.anonymizedAt).toBe(kept?.anonymizedAt);
    expect(JSON.stringify(seen)).not.toContain('Ferrand');
  }, 60_000);
});
