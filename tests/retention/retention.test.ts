import { beforeEach, describe, expect, it } from 'vitest';
import {
  anonymisationDueAt,
  dueForAnonymisation,
  initials,
  retentionPeriodsOf,
  retentionStartOf,
} from '@/lib/register/retention';
import type { Complaint, Phase } from '@/lib/register/schema';
import { addNote } from '@/lib/register/store/complaints';
import { registerDb } from '@/lib/register/store/db';
import { forEachComplaint, getComplaint, getHistory } from '@/lib/register/store/queries';
import { listDueForAnonymisation } from '@/lib/register/store/retention';
import { DEFAULT_SETTINGS } from '@/lib/settings/schema';
import { complaint, freshDatabase } from '../support/complaints';
import { answeredComplaint } from './fixtures';

beforeEach(freshDatabase);

const closed = (closedAt: string, name = 'Claire Martin'): Complaint => {
  const c = complaint({ customer: { name, email: 'c@example.fr' } });
  return { ...c, phase: 'closed', closure: { closedAt, summary: '' } };
};
const periods = (years = 5, notComplaintYears = 1) => ({ years, notComplaintYears });
const due = (c: Complaint, now: string, years = 5) => dueForAnonymisation(c, new Date(now), periods(years));

describe('complaints due for anonymisation', () => {
  it('keeps the data up to the anniversary of the closure day in Paris, and is due from the next day (winter)', () => {
    // 23:30 in Paris on 15 March 2021: the closure day is the 15th.
    const c = closed('2021-03-15T22:30:00.000Z');
    expect(anonymisationDueAt(c, periods(5))).toBe('2026-03-15T23:00:00.000Z'); // 16 March 2026, 00:00 in Paris
    expect(due(c, '2026-03-15T22:59:59.999Z')).toBe(false);
    expect(due(c, '2026-03-15T23:00:00.000Z')).toBe(true);
  });

  it('counts the closure day in Paris, not in UTC (summer time)', () => {
    // 00:30 in Paris on 11 July 2021 is still the 10th in UTC.
    const c = closed('2021-07-10T22:30:00.000Z');
    expect(due(c, '2026-07-11T21:59:59.999Z')).toBe(false); // 11 July 23:59 in Paris: the anniversary
    expect(due(c, '2026-07-11T22:00:00.000Z')).toBe(true); // 12 July 00:00 in Paris
  });

  it('keeps a complaint closed on 29 February up to 28 February, then it is due', () => {
    const c = closed('2024-02-29T12:00:00.000Z');
    expect(anonymisationDueAt(c, periods(1))).toBe('2025-02-28T23:00:00.000Z'); // 1 March 2025 in Paris
    expect(due(c, '2025-02-28T22:59:00.000Z', 1)).toBe(false);
    expect(due(c, '2025-02-28T23:00:00.000Z', 1)).toBe(true);
  });

  it('follows the retention period of the settings', () => {
    const c = closed('2022-01-10T10:00:00.000Z');
    expect(due(c, '2024-01-11T10:00:00.000Z', 1)).toBe(true);
    expect(due(c, '2024-01-11T10:00:00.000Z', 5)).toBe(false);
    expect(due(c, '2027-01-11T10:00:00.000Z', 5)).toBe(true);
  });

  it('counts a message filed as not a complaint from its last event, with its own period', () => {
    const base = complaint();
    const c: Complaint = { ...base, phase: 'notComplaint', isComplaint: false, updatedAt: '2020-05-04T08:00:00.000Z' };
    const at = (now: string, p: { years: number; notComplaintYears: number }) =>
      dueForAnonymisation(c, new Date(now), p);
    expect(at('2025-05-04T20:00:00.000Z', periods(1, 5))).toBe(false);
    expect(at('2025-05-05T08:00:00.000Z', periods(1, 5))).toBe(true);
    // The complaints' period does not apply to it.
    expect(at('2021-05-05T08:00:00.000Z', periods(5, 1))).toBe(true);
  });

  it('gives "not a complaint" a one-year default period, shorter than the complaints’ five', () => {
    const c: Complaint = {
      ...complaint(),
      phase: 'notComplaint',
      isComplaint: false,
      updatedAt: '2024-06-10T08:00:00.000Z',
    };
    const defaults = retentionPeriodsOf(DEFAULT_SETTINGS);
    expect(defaults).toEqual({ years: 5, notComplaintYears: 1 });
    expect(dueForAnonymisation(c, new Date('2025-06-10T20:00:00.000Z'), defaults)).toBe(false);
    expect(dueForAnonymisation(c, new Date('2025-06-10T22:00:00.000Z'), defaults)).toBe(true); // 11 June in Paris
  });

  it('lets a complaint that is never closed expire from its last event (answered and left, unfounded)', () => {
    for (const phase of ['answered', 'unfounded'] satisfies Phase[]) {
      const c: Complaint = { ...complaint(), phase, updatedAt: '2020-09-01T10:00:00.000Z' };
      expect(retentionStartOf(c), phase).toEqual({ at: '2020-09-01T10:00:00.000Z', basis: 'lastEvent' });
      expect(due(c, '2025-09-01T20:00:00.000Z'), phase).toBe(false);
      expect(due(c, '2025-09-01T22:00:00.000Z'), phase).toBe(true);
    }
  });

  it('takes the last event from the store: a note added later pushes the expiry back', async () => {
    const c = await answeredComplaint();
    const answeredAt = (await getComplaint(c.id))?.updatedAt as string;
    expect(retentionStartOf(c)?.at).toBe(answeredAt);
    const later = await addNote(c.id, 'Client relancé', { now: new Date('2021-02-01T09:00:00Z'), actor: 'A' });
    const history = await getHistory(c.id);
    expect(retentionStartOf(later)).toEqual({ at: history.at(-1)?.at, basis: 'lastEvent' });
    expect(due(later, '2026-01-15T10:00:00.000Z')).toBe(false);
    expect(due(later, '2026-02-02T10:00:00.000Z')).toBe(true);
  });

  it('never selects an open complaint, one reopened for mediation, or one already anonymised', () => {
    const long = '2040-01-01T00:00:00.000Z';
    for (const phase of ['registered', 'acknowledged', 'investigating', 'followingUp', 'mediation'] satisfies Phase[]) {
      const c: Complaint = { ...complaint(), phase, updatedAt: '2020-01-01T00:00:00.000Z' };
      expect(due(c, long), phase).toBe(false);
    }
    const anonymised = { ...closed('2020-01-01T00:00:00.000Z'), anonymizedAt: '2030-01-01T00:00:00.000Z' };
    expect(due(anonymised, long)).toBe(false);
  });

  it('lists exactly the complaints closed more than N years ago, oldest first, with initials only', async () => {
    const db = await registerDb();
    const old = closed('2019-06-01T10:00:00.000Z', 'Jean-Pierre Éloi');
    const older = closed('2018-02-01T10:00:00.000Z', 'anne roux');
    const recent = closed('2023-06-01T10:00:00.000Z');
    const onTheDay = closed('2021-03-15T10:00:00.000Z');
    const open: Complaint = { ...complaint(), updatedAt: '2018-01-01T00:00:00.000Z' };
    for (const c of [old, older, recent, onTheDay, open]) await db.put('complaints', c);
    const left: Complaint = { ...complaint(), phase: 'answered', updatedAt: '2018-05-01T00:00:00.000Z' };
    await db.put('complaints', left);
    const list = await listDueForAnonymisation(new Date('2026-03-15T12:00:00.000Z'), periods(5));
    const row = (c: Complaint, since: string | null, basis: string, initials: string) => ({
      id: c.id,
      reference: c.reference,
      phase: c.phase,
      since,
      basis,
      initials,
    });
    expect(list).toEqual([
      row(older, older.closure.closedAt, 'closed', 'A. R.'),
      row(left, left.updatedAt, 'lastEvent', 'C. M.'),
      row(old, old.closure.closedAt, 'closed', 'J. P. É.'),
    ]);
  });

  it('stops reading the register once the page no longer needs the list (an aborted read)', async () => {
    const db = await registerDb();
    const many = Array.from({ length: 7 }, (_, i) => closed(`2019-0${i + 1}-01T10:00:00.000Z`));
    for (const c of many) await db.put('complaints', c);
    const now = new Date('2026-03-15T12:00:00.000Z');
    expect(await listDueForAnonymisation(now, periods(5), new AbortController().signal)).toHaveLength(7);

    const aborted = new AbortController();
    aborted.abort();
    await expect(listDueForAnonymisation(now, periods(5), aborted.signal)).rejects.toThrow();

    // Aborted after the first batch: the pass reads no further batch.
    const visited: string[] = [];
    const stop = new AbortController();
    const pass = forEachComplaint(
      (c) => {
        visited.push(c.id);
        if (visited.length === 3) stop.abort();
      },
      { batch: 3, signal: stop.signal },
    );
    await expect(pass).rejects.toThrow();
    expect(visited).toHaveLength(3);
  });

  it('shortens a name to its initials', () => {
    expect(initials('Claire Martin')).toBe('C. M.');
    expect(initials('  ')).toBe('');
    expect(initials('<img src=x onerror=alert(1)>')).toBe('I. S. O.');
  });
});
