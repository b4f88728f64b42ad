// The dashboard's aggregates kept by the store in the transaction of every write, held equal to a full
// recomputation over the complaints after a long seeded random sequence of creations, transitions, edits,
// extensions, letters, notes, anonymisations and erasures, restores (finished or rolled back) and quarantines.
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '@/lib/deadlines/policy';
import { UserError } from '@/lib/i18n';
import { allowedTargets } from '@/lib/register/phases';
import type { Complaint, Phase } from '@/lib/register/schema';
import { anonymizeComplaint } from '@/lib/register/store/anonymize';
import {
  addNote,
  createComplaint,
  extendDeadline,
  recordLetter,
  transitionComplaint,
  updateComplaint,
} from '@/lib/register/store/complaints';
import { readAggregatedStats, repairStats } from '@/lib/register/store/dashboard-stats';
import { registerDb } from '@/lib/register/store/db';
import { quarantineInvalid } from '@/lib/register/store/quarantine';
import { getComplaint, getHistory, listAll } from '@/lib/register/store/queries';
import { openRegister } from '@/lib/register/store/register';
import { beginRestore, rollbackRestore } from '@/lib/register/store/restore-journal';
import { restoreBatch, restoreFinish } from '@/lib/register/store/restore-writer';
import { canonicalMonths, contributionOf, foldContributions, type MonthAggregate } from '@/lib/stats/aggregates';
import { computeStats } from '@/lib/stats/compute';
import { freshDatabase, newInput } from '../support/complaints';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const BASE = Date.parse('2026-03-20T10:00:00Z');

/** Mulberry32: the same sequence on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

async function storedMonths(): Promise<MonthAggregate[]> {
  const raws = await (await registerDb()).getAll('statsMonths');
  return raws.filter((m) => (m as MonthAggregate).month !== '~version') as MonthAggregate[];
}

/** The aggregates as stored against the ones made from scratch, and the figures at several instants. */
async function expectSameAsFullPass() {
  const complaints = await listAll();
  expect(canonicalMonths(await storedMonths())).toBe(
    canonicalMonths(foldContributions(complaints.map(contributionOf)).values()),
  );
  for (const now of [BASE - 40 * DAY, BASE, BASE + 2 * DAY, BASE + 45 * DAY, BASE + 400 * DAY]) {
    const at = new Date(now);
    expect(await readAggregatedStats(at)).toEqual(computeStats(complaints, at));
  }
}

beforeEach(freshDatabase);

describe('the dashboard aggregates in the store', () => {
  it('equal a full recomputation after a long random sequence of writes, erasures and restores', async () => {
    const r = random(20_260_320);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)] as T;
    const iso = (ms: number) => new Date(ms).toISOString();
    // A second register, the source of the backups restored into the product's (its references are of
    // another year, so they are never taken).
    const source = openRegister({ name: `stats-source-${Date.now()}` });
    const w = (ms: number) => ({ now: new Date(ms), actor: 'Agent test' });
    const ids: string[] = [];
    const sourceIds: string[] = [];
    let refused = 0;

    const received = () => BASE - Math.floor(r() * 420 * DAY);
    const input = () =>
      newInput({
        receivedAt: iso(received()),
        category: pick(['livraison', 'produit', 'facturation']),
        product: pick(['', 'Lampe Aurore']),
      });
    const later = (c: Complaint) => Math.min(BASE, Date.parse(c.receivedAt) + Math.floor(r() * 30 * DAY) + HOUR);

    /** What lets the next transition through, for the phases whose guard asks for fields. */
    const prepare = (c: Complaint, to: Phase) => {
      if (to === 'notComplaint') return { isComplaint: false, qualificationNote: 'Demande d’information' };
      if (to === 'registered' || to === 'acknowledged') return { isComplaint: true };
      if (to === 'answered' || to === 'unfounded') {
        const favourable = to === 'answered' && r() < 0.6;
        return {
          justified: favourable ? ('yes' as const) : ('no' as const),
          severity: pick([1, 2, 3, 4] as const),
          investigation: { ...c.investigation, rootCause: 'Emballage insuffisant', scope: 'isolated' as const },
          decision: {
            ...c.decision,
            outcome: favourable ? ('favourable' as const) : ('unfavourable' as const),
            reasons: 'Motifs exposés au client.',
          },
          compensation: favourable
            ? {
                ...c.compensation,
                kind: 'financial' as const,
                amountEuros: Math.round(r() * 20_000) / 100,
                method: 'originalPayment' as const,
                dueDay: iso(later(c)).slice(0, 10),
                executedAt: r() < 0.5 ? iso(later(c)) : null,
              }
            : c.compensation,
        };
      }
      if (to === 'mediation') return { mediation: { ...c.mediation, referredAt: iso(later(c)) } };
      if (to === 'closed' && c.phase === 'mediation')
        return { mediation: { ...c.mediation, outcome: 'agreement' as const } };
      return null;
    };

    const step = async (i: number) => {
      const roll = r();
      if (roll < 0.12 || ids.length < 3) {
        const c = await createComplaint(input(), DEFAULT_POLICY, w(BASE));
        ids.push(c.id);
        return;
      }
      const id = pick(ids);
      const c = await getComplaint(id);
      if (!c) return;
      const at = later(c);
      try {
        if (roll < 0.45) {
          const to = pick(allowedTargets(c.phase));
          if (!to) return;
          const patch = prepare(c, to);
          const base = patch ? await updateComplaint(id, undefined, patch, w(at)) : c;
          await transitionComplaint(id, base.rev, to, w(at), iso(at));
        } else if (roll < 0.6) {
          const patch = pick([
            { severity: pick([1, 2, 3, 4, null] as const) },
            { category: pick(['livraison', 'produit', 'facturation', 'garantie']) },
            { receivedAt: iso(received()) },
            { summary: `Résumé ${i}` },
          ]);
          await updateComplaint(id, undefined, patch, w(at));
        } else if (roll < 0.68) {
          const clock = pick(['ack', 'answer'] as const);
          const newDueAt = iso(Date.parse(c.clocks[clock].dueAt) + Math.floor(r() * 20 * DAY));
          await extendDeadline(id, undefined, clock, { newDueAt, reason: 'Expertise', customerToldAt: iso(at) }, w(at));
        } else if (roll < 0.74) {
          await recordLetter(
            id,
            {
              templateId: 'ack',
              templateVersion: 1,
              lang: 'fr',
              sha256: 'a'.repeat(64),
              at: iso(at),
              channel: 'reply',
            },
            w(at),
          );
        } else if (roll < 0.78) {
          await addNote(id, `Note ${i}`, w(at));
        } else if (roll < 0.83) {
          await anonymizeComplaint(id, 'request', w(BASE));
        } else if (roll < 0.95) {
          // A source complaint created or moved on, then a backup of some of them restored, kept or undone.
          if (sourceIds.length === 0 || r() < 0.5) {
            const s = await source.createComplaint(input(), DEFAULT_POLICY, w(Date.parse('2031-01-10T10:00:00Z')));
            sourceIds.push(s.id);
          }
          const moved = pick(sourceIds);
          const m = (await source.getComplaint(moved)) as Complaint;
          const to = pick(allowedTargets(m.phase));
          if (to) {
            const patch = prepare(m, to);
            const base = patch ? await source.updateComplaint(moved, undefined, patch, w(later(m))) : m;
            await source.transitionComplaint(moved, base.rev, to, w(later(m)), iso(later(m))).catch(() => undefined);
          }
          const lines: string[] = [];
          for (const sid of sourceIds.filter(() => r() < 0.7)) {
            const complaint = await source.getComplaint(sid);
            lines.push(JSON.stringify({ complaint, history: await source.getHistory(sid) }));
          }
          const restoreId = await beginRestore(new Date(BASE));
          await restoreBatch(restoreId, lines);
          if (r() < 0.5) await restoreFinish(restoreId, { referenceCounters: {}, quarantine: [] });
          else await rollbackRestore(restoreId);
        } else {
          // A record a newer schema refuses, moved to the quarantine: its share leaves the aggregates.
          const db = await registerDb();
          await db.put('complaints', { ...c, phase: 'lost' } as never);
          await quarantineInvalid(new Date(BASE));
          ids.splice(ids.indexOf(id), 1);
        }
      } catch (error) {
        // A guard or a deadline rule may refuse the step; the register then holds what it held.
        if (!(error instanceof UserError)) throw error;
        refused++;
      }
      // Restored complaints take part in the next steps too.
      for (const sid of sourceIds) if (!ids.includes(sid) && (await getComplaint(sid))) ids.push(sid);
    };

    for (let i = 0; i < 400; i++) {
      await step(i);
      if (i % 50 === 49) await expectSameAsFullPass();
    }
    await expectSameAsFullPass();
    const all = await listAll();
    // The sequence did reach the figures it is meant to test; most steps were allowed.
    expect(refused).toBeLessThan(60);
    expect(new Set(all.map((c) => c.phase)).size).toBeGreaterThan(4);
    expect(all.some((c) => c.anonymizedAt !== null)).toBe(true);
    expect(all.some((c) => c.compensation.kind !== 'none')).toBe(true);
    expect(all.some((c) => c.reference.startsWith('REC-2031'))).toBe(true);
    await source.deleteDatabase();
  }, 300_000);

  it('is rebuilt by the repair when it drifted or was never built', async () => {
    for (let i = 0; i < 5; i++) {
      await createComplaint(newInput({ category: i % 2 ? 'produit' : 'livraison' }), DEFAULT_POLICY, {
        now: new Date(BASE),
        actor: 'Agent test',
      });
    }
    const db = await registerDb();
    const [one] = await listAll();
    // Drift: a contribution lost, a month tampered with, the version of the figures changed.
    await db.delete('statsContributions', (one as Complaint).id);
    const [month] = await storedMonths();
    await db.put('statsMonths', { ...(month as MonthAggregate), received: 99 });
    expect(await repairStats()).toEqual({ recounted: 1, rebuilt: true });
    await expectSameAsFullPass();
    expect(await repairStats()).toEqual({ recounted: 0, rebuilt: false });

    await db.put('statsMonths', { month: '~version', version: 0 });
    expect(await readAggregatedStats(new Date(BASE))).toBeNull();
    expect((await repairStats()).recounted).toBe(5);
    await expectSameAsFullPass();
  });

  it('keeps history events readable for the restore source (sanity of the fixture)', async () => {
    const c = await createComplaint(newInput(), DEFAULT_POLICY, { now: new Date(BASE), actor: 'Agent test' });
    expect(await getHistory(c.id)).toHaveLength(1);
  });
});
