import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BADGE_ORANGE, BADGE_RED, badgeFor } from '@/lib/badge';
import { DEFAULT_POLICY } from '@/lib/deadlines/policy';
import { refreshBadge } from '@/lib/extension/background/badge';
import { createComplaint, transitionComplaint } from '@/lib/register/store/complaints';
import { freshDatabase, newInput } from '../support/complaints';

beforeEach(async () => {
  fakeBrowser.reset();
  await freshDatabase();
});

describe('the toolbar badge', () => {
  it('shows the overdue count in red, with both counts in the French tooltip', () => {
    expect(badgeFor({ overdue: 3, dueSoon: 2 })).toEqual({
      text: '3',
      color: BADGE_RED,
      title: '3 réclamation(s) en retard, 2 à échéance proche',
    });
  });

  it('shows the due-soon count in orange when nothing is overdue', () => {
    expect(badgeFor({ overdue: 0, dueSoon: 4 })).toMatchObject({ text: '4', color: BADGE_ORANGE });
  });

  it('shows nothing when all is well', () => {
    expect(badgeFor({ overdue: 0, dueSoon: 0 })).toMatchObject({
      text: '',
      title: 'Registre des réclamations : aucune échéance proche',
    });
  });

  it('fits large counts in the badge', () => {
    expect(badgeFor({ overdue: 12345, dueSoon: 0 }).text).toBe('999+');
  });

  it('counts the register and clears once the overdue complaints are acknowledged and answered', async () => {
    const w = { now: new Date('2026-01-02T10:00:00Z'), actor: 'test' };
    const a = await createComplaint(newInput({ receivedAt: '2026-01-02T09:00:00Z' }), DEFAULT_POLICY, w);
    await createComplaint(newInput({ receivedAt: '2026-01-05T09:00:00Z' }), DEFAULT_POLICY, w);
    const now = new Date('2026-01-06T10:00:00Z');
    expect(await refreshBadge(now)).toEqual({ overdue: 1, dueSoon: 1 });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(await fakeBrowser.action.getTitle({})).toBe('1 réclamation(s) en retard, 1 à échéance proche');
    await transitionComplaint(a.id, a.rev, 'acknowledged', { now, actor: 'test' });
    expect(await refreshBadge(now)).toEqual({ overdue: 0, dueSoon: 1 });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0xe3, 0x74, 0x00, 255]);
  });
});
