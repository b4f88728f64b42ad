// Assignment in the background (issue 13): a complaint logged in a team register is its author's; the
// badge counts the agent's own overdue and due-soon complaints (a manager may choose the whole team's); the
// thread chip names who holds it; a local register is counted and shown as before.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_POLICY } from '@/lib/deadlines/policy';
import { refreshBadge } from '@/lib/extension/background/badge';
import { chipView } from '@/lib/extension/background/webmail-scan';
import { BADGE_SCOPE_KEY, badgeHolder, readBadgeScope, saveBadgeScope } from '@/lib/extension/badge-scope';
import { assignComplaint, createComplaint } from '@/lib/register/store/complaints';
import { productSync } from '@/lib/register/store/sync-state';
import type { Role } from '@/lib/sync/protocol';
import { freshDatabase, newInput } from '../support/complaints';

const CLAIRE = { id: crypto.randomUUID(), name: 'Claire Martin' };
const PAUL = { id: crypto.randomUUID(), name: 'Paul Durand' };
const logged = new Date('2026-01-02T10:00:00Z');
const now = new Date('2026-01-06T10:00:00Z');

beforeEach(async () => {
  fakeBrowser.reset();
  await freshDatabase();
});

async function join(role: Role = 'agent') {
  await productSync.saveConnection({
    server: 'https://registre.example.fr',
    token: 'jeton-de-test-0123456789abcdef',
    agent: { ...CLAIRE, role, org: 'Maison Lumen' },
    connectedAt: logged.toISOString(),
  });
  return { now: logged, actor: CLAIRE.name, agent: { id: CLAIRE.id, role } };
}

/** Two overdue complaints at `now` (received 2 January) and one due soon (received 5 January). */
async function threeComplaints(w: Parameters<typeof createComplaint>[2]) {
  const a = await createComplaint(newInput({ receivedAt: '2026-01-02T09:00:00Z' }), DEFAULT_POLICY, w);
  const b = await createComplaint(newInput({ receivedAt: '2026-01-02T09:30:00Z' }), DEFAULT_POLICY, w);
  const c = await createComplaint(newInput({ receivedAt: '2026-01-05T09:00:00Z' }), DEFAULT_POLICY, w);
  return [a, b, c] as const;
}

describe('assignment in a team register', () => {
  it('assigns what the agent logs to them, and counts only their own on the badge', async () => {
    const w = await join();
    const [a, b] = await threeComplaints(w);
    expect(a.assignee).toEqual(CLAIRE);
    await assignComplaint(b.id, b.rev, PAUL, w);
    expect(await refreshBadge(now)).toEqual({ overdue: 1, dueSoon: 1 });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    // Claire no longer holds b: handing it back is for Paul or a manager.
    await expect(assignComplaint(b.id, undefined, CLAIRE, w)).rejects.toThrow(/Seul un responsable/);
  });

  it('lets a manager count the whole team, and keeps an agent’s badge to their own', async () => {
    const w = await join('manager');
    const [, b] = await threeComplaints(w);
    await assignComplaint(b.id, b.rev, PAUL, w);
    expect(await readBadgeScope()).toBe('mine');
    expect(await refreshBadge(now)).toEqual({ overdue: 1, dueSoon: 1 });
    await saveBadgeScope('team');
    expect(await fakeBrowser.storage.local.get(BADGE_SCOPE_KEY)).toEqual({ [BADGE_SCOPE_KEY]: 'team' });
    expect(await refreshBadge(now)).toEqual({ overdue: 2, dueSoon: 1 });
    const identity = (role: Role) => ({ agent: { id: CLAIRE.id, role } });
    expect(badgeHolder(identity('agent'), 'team')).toBe(CLAIRE.id);
    expect(badgeHolder(identity('manager'), 'team')).toBeNull();
    expect(badgeHolder(null, 'mine')).toBeNull();
  });

  it('names who holds the complaint on the thread chip, in French and in the spoken label', async () => {
    const w = await join();
    const [a] = await threeComplaints(w);
    const chip = chipView(a, now, 24);
    expect(chip.text).toMatch(/ · Claire Martin$/);
    expect(chip.label).toMatch(/Attribuée à Claire Martin\.$/);
  });

  it('leaves a local register as it was: no assignee, the whole register on the badge, the chip unchanged', async () => {
    const [a] = await threeComplaints({ now: logged, actor: 'Agent' });
    expect('assignee' in a).toBe(false);
    expect(await refreshBadge(now)).toEqual({ overdue: 2, dueSoon: 1 });
    // Reference · phase · countdown, as before assignment existed.
    expect(chipView(a, now, 24).text.split(' · ')).toHaveLength(3);
    expect(chipView(a, now, 24).label).not.toMatch(/Attribuée/);
  });
});
