// @vitest-environment node
// Joining a team with a register that already holds complaints (issue 13), against a real team server:
// nothing is sent before the agent confirms; then each complaint goes with its history; a reference the
// team already numbered gets an official one from the server (the old one stays in the history), a number
// the team never handed out is kept.
import { describe, expect, it } from 'vitest';
import { parisDay } from '@/lib/deadlines/paris-time';
import { DEFAULT_POLICY } from '@/lib/deadlines/policy';
import { pullAll, syncRound, whoAmI } from '@/lib/extension/background/sync-engine';
import { registerConnection } from '@/lib/register/store/db';
import { syncOn } from '@/lib/register/store/sync-state';
import { isProvisional } from '@/lib/sync/references';
import { addAgent } from '../../server/store/agents';
import { newInput } from '../support/complaints';
import { useTeamServer } from './support/team';

const shared = useTeamServer('onboard');
const year = parisDay(new Date()).slice(0, 4);
const local = { now: new Date(), actor: 'Paul (poste local)' };

describe('joining a team with complaints already in the register', () => {
  it('sends them only once confirmed, with their history, renumbering only a reference the team holds', async () => {
    // The team: Claire has logged REC-YYYY-0001 from a block of 50 (the team's counter is at 50).
    const org = shared.newOrg();
    const claire = await shared.join(org, 'Claire Martin', 'agent');
    await syncRound(claire.deps, claire.connection);
    const hers = await claire.register.createComplaint(
      newInput({ subject: 'Lampe de Claire' }),
      DEFAULT_POLICY,
      claire.w(),
    );
    expect(hers.reference).toBe(`REC-${year}-0001`);
    await syncRound(claire.deps, claire.connection);

    // Paul's register, kept alone until now: REC-YYYY-0001 (taken by the team) and REC-YYYY-0500 (a number the team never handed out).
    const name = 'onboard-paul-local';
    const paulRegister = shared.localRegister(name);
    const clash = await paulRegister.createComplaint(newInput({ subject: 'Colis de Paul' }), DEFAULT_POLICY, local);
    await paulRegister.addNote(clash.id, 'Client rappelé', local);
    await paulRegister.transitionComplaint(clash.id, undefined, 'acknowledged', local);
    await (await registerConnection(name).db()).put('meta', 499, `refCounter:${year}`);
    const free = await paulRegister.createComplaint(newInput({ subject: 'Facture de Paul' }), DEFAULT_POLICY, local);
    expect([clash.reference, free.reference]).toEqual([`REC-${year}-0001`, `REC-${year}-0500`]);

    // Paul joins: nothing is sent, not even a change made after joining, until he confirms.
    const { token } = await addAgent(shared.server.db, { org, name: 'Paul Durand', role: 'agent' });
    const sync = syncOn(registerConnection(name));
    const deps = { store: sync, fetch, now: () => new Date() };
    const agent = await whoAmI(deps, shared.url, token);
    const connection = { server: shared.url, token, agent, connectedAt: new Date().toISOString() };
    await sync.saveConnection(connection);
    expect(await sync.waitingCount()).toBe(2);
    await paulRegister.updateComplaint(free.id, undefined, { product: 'Lampe Arco' }, local);
    await syncRound(deps, connection);
    expect(await sync.pendingCount()).toBe(0);
    await pullAll(claire.deps, claire.connection);
    expect(await claire.register.getComplaint(clash.id)).toBeNull();
    expect(await claire.register.getComplaint(free.id)).toBeNull();

    // He confirms: both go, with their history.
    expect(await sync.sendWaiting({ id: agent.id, name: agent.name, role: agent.role })).toEqual({
      queued: 2,
      kept: 0,
    });
    expect(await sync.waitingCount()).toBe(0);
    const round = await syncRound(deps, connection);
    expect(round.refusals).toEqual([]);
    expect(await sync.pendingCount()).toBe(0);
    await pullAll(claire.deps, claire.connection);

    const renumbered = await claire.register.getComplaint(clash.id);
    expect(renumbered?.reference).toMatch(/^REC-\d{4}-\d{4}$/);
    expect(renumbered?.reference).not.toBe(`REC-${year}-0001`);
    expect(isProvisional(renumbered?.reference ?? '')).toBe(false);
    expect(renumbered?.notes.map((n) => n.text)).toEqual(['Client rappelé']);
    expect(renumbered?.phase).toBe('acknowledged');
    const history = await claire.register.getHistory(clash.id);
    // The server renumbers it as it takes it, before the steps that followed.
    expect(history.map((e) => e.type)).toEqual(['created', 'referenceAssigned', 'noteAdded', 'transition']);
    expect(history[1]?.changes[0]).toMatchObject({
      path: 'reference',
      from: `REC-${year}-0001`,
      to: renumbered?.reference,
    });
    // The time of each step is the one Paul recorded, and the team names him.
    expect(history[0]?.at).toBe(clash.createdAt);
    expect(history.map((e) => e.actor)).toEqual(['Paul Durand', 'Registre d’équipe', 'Paul Durand', 'Paul Durand']);

    const kept = await claire.register.getComplaint(free.id);
    expect(kept?.reference).toBe(`REC-${year}-0500`);
    expect(kept?.product).toBe('Lampe Arco');
    expect((await claire.register.getHistory(free.id)).map((e) => e.type)).toEqual(['created', 'updated']);

    // Both copies agree and every chain verifies; Claire's own complaint kept its number.
    for (const id of [clash.id, free.id]) {
      expect(await paulRegister.getComplaint(id)).toEqual(await claire.register.getComplaint(id));
      expect((await paulRegister.verifyComplaintChain(id)).ok).toBe(true);
      expect((await claire.register.verifyComplaintChain(id)).ok).toBe(true);
    }
    expect((await paulRegister.getComplaint(hers.id))?.reference).toBe(`REC-${year}-0001`);

    // The team's numbering moved past the number Paul kept: no block can hand it out again.
    const blocked = await fetch(`${shared.url}/references/blocks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${claire.connection.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ size: 10, year: Number(year) }),
    });
    expect(((await blocked.json()) as { first: number }).first).toBeGreaterThan(500);
  });
});
