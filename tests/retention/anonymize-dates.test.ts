import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '@/lib/deadlines/policy';
import { setLang } from '@/lib/i18n';
import { amountRangeOf } from '@/lib/register/coarsen';
import { GENESIS_HASH, type HistoryEvent, hashEvent, LEGACY_SEALS_PATH } from '@/lib/register/history';
import type { Complaint } from '@/lib/register/schema';
import { anonymizeComplaint } from '@/lib/register/store/anonymize';
import { createComplaint, transitionComplaint } from '@/lib/register/store/complaints';
import { registerDb } from '@/lib/register/store/db';
import { getComplaint, getHistory, verifyComplaintChain } from '@/lib/register/store/queries';
import { computeStats, type DashboardStats } from '@/lib/stats/compute';
import { verifyChainSync } from '@/lib/transfer/chain';
import { freshDatabase } from '../support/complaints';
import { putStoredEvent, storedEvent, storedHistory } from '../support/history-records';
import { at, closedComplaint } from './fixtures';

beforeEach(async () => {
  setLang('fr');
  await freshDatabase();
});

const NOW = '2026-06-01T08:00:00.000Z';
const MARCH_2020 = '2020-02-29T23:00:00.000Z'; // 1 March 2020, 00:00 in Paris
const INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})/g;

async function stored(id: string) {
  const db = await registerDb();
  return { complaint: await db.get('complaints', id), history: (await storedHistory(id)) as HistoryEvent[] };
}

/** Rewrites the complaint's chain as the register sealed it before timestamps could be coarsened: the event
 *  hashes cover `at` itself (format 1), and nothing else changes. */
async function toFormatOne(id: string): Promise<void> {
  const db = await registerDb();
  const { complaint, history } = await stored(id);
  let prev = GENESIS_HASH;
  for (const event of history) {
    const { atSalt: _s, atDigest: _d, hash: _h, ...rest } = event;
    const old = { ...rest, prevHash: prev };
    const hash = await hashEvent(old);
    await putStoredEvent({ ...old, hash });
    prev = hash;
  }
  await db.put('complaints', { ...(complaint as Complaint), historyHead: prev });
}

describe('anonymisation reduces dates to the month', () => {
  it('leaves no exact date of the case in the record or its history, only months and the erasure’s own date', async () => {
    const c = await closedComplaint();
    const before = JSON.stringify(await stored(c.id));
    expect(before).toContain(c.receivedAt);
    await anonymizeComplaint(c.id, 'request', at(NOW));

    const after = await stored(c.id);
    const instants = new Set(JSON.stringify(after).match(INSTANT));
    expect([...instants].sort()).toEqual([MARCH_2020, NOW]);
    // The anonymisation's own event is the only one with an exact time; the others keep the month.
    expect(after.history.map((e) => e.at)).toEqual([...after.history.slice(0, -1).map(() => MARCH_2020), NOW]);
    for (const e of after.history.slice(0, -1)) {
      expect(e.atCoarsened).toBe(true);
      expect(e).not.toHaveProperty('atSalt'); // the salt is gone: the digest cannot be tested against guesses
    }
    // Days go to the first of their month too (the answer clock's due day, the payment day).
    expect(JSON.stringify(after.complaint)).not.toMatch(/"20\d\d-\d\d-(0[2-9]|[12]\d|3[01])"/);
  });

  it('keeps the amount as a bracket and removes the product text', async () => {
    const c = await closedComplaint();
    const { complaint: a } = await anonymizeComplaint(c.id, 'request', at(NOW));
    expect(a.product).toBe('');
    expect(a.compensation).toMatchObject({ amountEuros: null, amountRange: { min: 20, max: 50 } });
    expect(JSON.stringify(await stored(c.id))).not.toContain('Vase Lumen');
    expect(amountRangeOf(0)).toEqual({ min: 0, max: 10 });
    expect(amountRangeOf(50)).toEqual({ min: 50, max: 100 });
    expect(amountRangeOf(99.99)).toEqual({ min: 50, max: 100 });
    expect(amountRangeOf(25_000)).toEqual({ min: 10_000, max: null });
  });

  it('keeps a history that verifies, month included: a month moved afterwards breaks it', async () => {
    const c = await closedComplaint();
    await anonymizeComplaint(c.id, 'request', at(NOW));
    const verdict = await verifyComplaintChain(c.id);
    expect(verdict).toMatchObject({ ok: true });
    const { complaint, history } = await stored(c.id);
    expect(verifyChainSync(history, (complaint as Complaint).historyHead)).toEqual(verdict);

    const moved = history.map((e) => (e.seq === 3 ? { ...e, at: '2020-03-31T22:00:00.000Z' } : e)); // April
    expect(verifyChainSync(moved, (complaint as Complaint).historyHead)).toEqual({
      ok: false,
      brokenAt: 3,
      reason: 'hash',
    });
  });

  it('detects a changed time on an event that still has its exact time', async () => {
    const c = await closedComplaint();
    const { complaint, history } = await stored(c.id);
    const edited = history.map((e) => (e.seq === 2 ? { ...e, at: '2020-03-02T12:00:00.000Z' } : e));
    expect(verifyChainSync(edited, (complaint as Complaint).historyHead)).toEqual({
      ok: false,
      brokenAt: 2,
      reason: 'change',
    });
  });
});

describe('a history sealed before timestamps could be coarsened (format 1)', () => {
  it('still verifies as it is, and after anonymisation, with its times reduced to the month', async () => {
    const c = await closedComplaint();
    await toFormatOne(c.id);
    const length = (await getHistory(c.id)).length;
    expect(await verifyComplaintChain(c.id)).toMatchObject({ ok: true, length });

    await anonymizeComplaint(c.id, 'request', at(NOW));
    const { complaint, history } = await stored(c.id);
    expect(await verifyComplaintChain(c.id)).toMatchObject({ ok: true, length: length + 1 });
    expect(verifyChainSync(history, (complaint as Complaint).historyHead)).toMatchObject({ ok: true });
    expect(history.slice(0, -1).every((e) => e.at === MARCH_2020 && e.atCoarsened)).toBe(true);
    // The anonymisation vouches for each old event in its new form, and the chain covers that record.
    const seals = history.at(-1)?.changes.find((ch) => ch.path === LEGACY_SEALS_PATH)?.to;
    expect((seals as { seq: number }[]).map((s) => s.seq)).toEqual(history.slice(0, -1).map((e) => e.seq));
  });

  it('still detects an edited old event after anonymisation', async () => {
    const c = await closedComplaint();
    await toFormatOne(c.id);
    await anonymizeComplaint(c.id, 'request', at(NOW));
    const { complaint, history } = await stored(c.id);
    const forged = history.map((e) => (e.seq === 2 ? { ...e, actor: 'Quelqu’un d’autre' } : e));
    expect(verifyChainSync(forged, (complaint as Complaint).historyHead)).toEqual({
      ok: false,
      brokenAt: 2,
      reason: 'hash',
    });
  });

  it('leaves an old event that was already broken as it was, so the chain still says where', async () => {
    const c = await closedComplaint();
    await toFormatOne(c.id);
    const event = (await storedEvent(c.id, 2)) as HistoryEvent;
    await putStoredEvent({ ...event, actor: 'Modifié après coup' });
    await anonymizeComplaint(c.id, 'request', at(NOW));
    expect(await verifyComplaintChain(c.id)).toMatchObject({ ok: false, brokenAt: 2, reason: 'hash' });
    expect(((await storedEvent(c.id, 2)) as HistoryEvent).at).toBe(event.at);
  });
});

describe('the dashboard after anonymisation', () => {
  /** A complaint acknowledged 30 days late and not answered yet: its answer clock still runs. */
  async function lateAck(receivedAt: string): Promise<Complaint> {
    const c = await createComplaint(
      { receivedAt, channel: 'phone', customer: { name: 'Paul Durand' }, subject: 'Panne', category: 'sav' },
      DEFAULT_POLICY,
      at(receivedAt),
    );
    const ackAt = new Date(Date.parse(receivedAt) + 30 * 86_400_000).toISOString();
    return transitionComplaint(c.id, undefined, 'acknowledged', at(ackAt));
  }

  /** Every figure but the compensation euros: an anonymised amount is a bracket now, by design. */
  const figures = ({ months, compensation, ...rest }: DashboardStats) => ({
    ...rest,
    compensation: compensation.count,
    months: months.map((m) => ({ ...m, compensation: m.compensation.count })),
  });

  it('shows the same figures before and after some complaints are anonymised', async () => {
    const erased = [
      await closedComplaint('2020-04-06T07:30:00.000Z', '2020-04-20T10:00:00Z'),
      // 23:30 in Paris on 31 May: a May complaint, although its UTC date is the 31st.
      await lateAck('2020-05-31T21:30:00.000Z'),
    ];
    const kept = [
      await closedComplaint('2020-05-04T09:00:00.000Z', '2020-05-20T10:00:00Z'),
      await lateAck('2020-06-02T08:00:00.000Z'),
    ];
    const now = new Date('2020-08-15T10:00:00.000Z');
    const all = async () => Promise.all([...erased, ...kept].map(async (c) => (await getComplaint(c.id)) as Complaint));

    const before = computeStats(await all(), now);
    expect(before.meanHours.ack).not.toBeNull();
    expect(before.ack.metLate).toBe(2);
    for (const c of erased) await anonymizeComplaint(c.id, 'request', at('2020-08-10T08:00:00Z'));
    const after = computeStats(await all(), now);

    expect(figures(after)).toEqual(figures(before));
    // The 45 € granted on the erased complaint now counts at the floor of its bracket (20–50 €).
    expect(after.compensation.euros).toBe(before.compensation.euros - 45 + 20);
  });
});
