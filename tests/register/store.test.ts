import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '@/lib/deadlines/policy';
import { GENESIS_HASH, sealEvent } from '@/lib/register/history';
import { addNote, createComplaint, transitionComplaint, updateComplaint } from '@/lib/register/store/complaints';
import { DB_NAME, registerDb } from '@/lib/register/store/db';
import { listQuarantine, quarantineInvalid } from '@/lib/register/store/quarantine';
import {
  countDueSoon,
  countOverdue,
  findByCustomerEmail,
  findByMessageId,
  findByThreadId,
  getComplaint,
  getHistory,
  listAll,
  listUrgent,
  onInvalidRecord,
  verifyComplaintChain,
} from '@/lib/register/store/queries';
import { complaint, freshDatabase, newInput } from '../support/complaints';
import { putStoredEvent, storedEvent } from '../support/history-records';

const w = (iso = '2026-03-02T10:00:00Z') => ({ now: new Date(iso), actor: 'Agent test' });

beforeEach(freshDatabase);

describe('the register store', () => {
  it('creates a complaint with its reference, its deadlines and its first history event', async () => {
    const c = await createComplaint(newInput(), DEFAULT_POLICY, w());
    expect(c.reference).toBe('REC-2026-0001');
    expect(c.rev).toBe(1);
    expect(c.clocks.ack.dueAt).toBe('2026-03-04T09:00:00.000Z'); // 48 h after receipt
    expect(c.clocks.answer.dueDay).toBe('2026-03-12'); // 10 calendar days, day of receipt not counted
    expect(await getComplaint(c.id)).toEqual(c);
    const history = await getHistory(c.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ type: 'created', seq: 1, prevHash: GENESIS_HASH, hash: c.historyHead });
  });

  it('never reuses a reference, numbering per year', async () => {
    const a = await createComplaint(newInput(), DEFAULT_POLICY, w());
    const b = await createComplaint(newInput(), DEFAULT_POLICY, w());
    const db = await registerDb();
    await db.delete('complaints', b.id);
    const c = await createComplaint(newInput(), DEFAULT_POLICY, w());
    const d = await createComplaint(newInput(), DEFAULT_POLICY, w('2027-01-01T00:30:00+01:00'));
    expect([a.reference, b.reference, c.reference, d.reference]).toEqual([
      'REC-2026-0001',
      'REC-2026-0002',
      'REC-2026-0003',
      'REC-2027-0001',
    ]);
  });

  it('writes the change and its history event together, and the chain verifies', async () => {
    const c = await createComplaint(newInput(), DEFAULT_POLICY, w());
    const updated = await updateComplaint(c.id, c.rev, { severity: 3, summary: 'Carton écrasé' }, w());
    const acked = await transitionComplaint(c.id, updated.rev, 'acknowledged', w('2026-03-02T11:00:00Z'));
    expect(acked.rev).toBe(3);
    const history = await getHistory(c.id);
    expect(history.map((e) => e.type)).toEqual(['created', 'updated', 'transition']);
    expect(history[1]?.changes.map(({ path, from, to }) => ({ path, from, to }))).toEqual([
      { path: 'severity', from: null, to: 3 },
      { path: 'summary', from: '', to: 'Carton écrasé' },
    ]);
    expect(await verifyComplaintChain(c.id)).toEqual({ ok: true, length: 3, redacted: 0 });
  });

  it('detects a history event edited behind the register’s back', async () => {
    const c = await createComplaint(newInput(), DEFAULT_POLICY, w());
    await updateComplaint(c.id, c.rev, { severity: 2 }, w());
    const event = (await storedEvent(c.id, 2)) as { complaintId: string; seq: number };
    await putStoredEvent({ ...event, actor: 'Intrus' });
    expect(await verifyComplaintChain(c.id)).toEqual({ ok: false, brokenAt: 2, reason: 'hash' });
  });

  it('refuses an edit made on a stale copy, with a French message, and keeps the newer data', async () => {
    const c = await createComplaint(newInput(), DEFAULT_POLICY, w());
    await updateComplaint(c.id, c.rev, { summary: 'première' }, w());
    await expect(updateComplaint(c.id, c.rev, { summary: 'seconde' }, w())).rejects.toThrow(/modifiée entre-temps/);
    expect((await getComplaint(c.id))?.summary).toBe('première');
  });

  it('keeps every concurrent write, each with its own history event', async () => {
    const c = await createComplaint(newInput(), DEFAULT_POLICY, w());
    await Promise.all(Array.from({ length: 10 }, (_, i) => addNote(c.id, `note ${i}`, w())));
    const saved = await getComplaint(c.id);
    expect(saved?.notes).toHaveLength(10);
    expect(saved?.rev).toBe(11);
    expect(await verifyComplaintChain(c.id)).toEqual({ ok: true, length: 11, redacted: 0 });
    const refs = await Promise.all(Array.from({ length: 5 }, () => createComplaint(newInput(), DEFAULT_POLICY, w())));
    expect(new Set(refs.map((r) => r.reference)).size).toBe(5);
  });

  it('counts overdue and due-soon complaints on the index and lists the most urgent first', async () => {
    const old = await createComplaint(newInput({ receivedAt: '2026-02-01T09:00:00Z' }), DEFAULT_POLICY, w());
    const recent = await createComplaint(newInput({ receivedAt: '2026-03-01T12:00:00Z' }), DEFAULT_POLICY, w());
    const fresh = await createComplaint(newInput({ receivedAt: '2026-03-02T09:00:00Z' }), DEFAULT_POLICY, w());
    const now = new Date('2026-03-03T10:00:00Z');
    expect(await countOverdue(now)).toBe(1); // old: acknowledgement was due 02-03 09:00Z
    expect(await countDueSoon(now, 24)).toBe(2); // recent: 03-03 12:00Z (in 2 h); fresh: 03-04 09:00Z (in 23 h)
    expect(await countDueSoon(now, 12)).toBe(1);
    await transitionComplaint(old.id, old.rev, 'acknowledged', w());
    // old's answer (due 02-11, end of day) is still overdue after the acknowledgement.
    expect(await countOverdue(now)).toBe(1);
    const urgent = await listUrgent(50);
    expect(urgent.map((c) => c.id)).toEqual([old.id, recent.id, fresh.id]);
  });

  it('finds complaints by thread id, message id and customer email', async () => {
    const c = await createComplaint(
      newInput({ customer: { name: 'Paul', email: 'Paul.Durand@Example.fr' } }),
      DEFAULT_POLICY,
      w(),
    );
    expect((await findByThreadId('thread-f:1')).map((x) => x.id)).toEqual([c.id]);
    expect((await findByMessageId('msg-f:1')).map((x) => x.id)).toEqual([c.id]);
    expect((await findByCustomerEmail('paul.durand@example.fr')).map((x) => x.id)).toEqual([c.id]);
    expect(await findByThreadId('thread-f:2')).toEqual([]);
  });

  it('keeps a corrupt record aside, reports it, and never drops it', async () => {
    const good = await createComplaint(newInput(), DEFAULT_POLICY, w());
    const db = await registerDb();
    const corrupt = {
      ...good,
      id: crypto.randomUUID(),
      reference: 'REC-2026-9999',
      phase: 'lost',
      nextDueAt: undefined,
    };
    await db.put('complaints', corrupt as never);
    const reported: string[] = [];
    const stop = onInvalidRecord((r) => reported.push(r.key));
    expect((await listAll()).map((c) => c.id)).toEqual([good.id]);
    expect(reported).toEqual([corrupt.id]);
    const moved = await quarantineInvalid(new Date('2026-03-05T00:00:00Z'));
    expect(moved).toHaveLength(1);
    expect((await listQuarantine())[0]).toMatchObject({ key: `complaints:${corrupt.id}`, raw: corrupt });
    expect(moved[0]?.issues).toMatch(/phase/);
    stop();
  });

  it('tells every listener and the reading caller of an unreadable record, each only until it stops', async () => {
    const good = await createComplaint(newInput(), DEFAULT_POLICY, w());
    const corrupt = { ...good, id: crypto.randomUUID(), reference: 'REC-2026-9999', phase: 'lost' };
    await (await registerDb()).put('complaints', corrupt as never);
    const background: string[] = [];
    const page: string[] = [];
    const caller: string[] = [];
    const stopBackground = onInvalidRecord((r) => background.push(r.key));
    const stopPage = onInvalidRecord((r) => page.push(r.key));
    expect((await listAll({ onInvalid: (r) => caller.push(r.key) })).map((c) => c.id)).toEqual([good.id]);
    expect(background).toEqual([corrupt.id]);
    expect(page).toEqual([corrupt.id]);
    expect(caller).toEqual([corrupt.id]);
    stopPage();
    expect(await getComplaint(corrupt.id)).toBeNull();
    expect(background).toEqual([corrupt.id, corrupt.id]);
    expect(page).toEqual([corrupt.id]);
    expect(caller).toEqual([corrupt.id]);
    stopBackground();
  });

  it('migrates a version 1 database with data in it, indexing the old records', async () => {
    await freshDatabase();
    const old = complaint({ receivedAt: '2026-01-05T09:00:00Z' });
    const { nextDueAt: _dropped, ...v1Record } = old;
    const v1 = await openDB(DB_NAME, 1, {
      upgrade(db) {
        db.createObjectStore('complaints', { keyPath: 'id' }).createIndex('reference', 'reference', { unique: true });
        db.createObjectStore('history', { keyPath: ['complaintId', 'seq'] });
        db.createObjectStore('meta');
      },
    });
    await v1.put('complaints', v1Record);
    await v1.put(
      'history',
      await sealEvent(
        { id: crypto.randomUUID(), complaintId: old.id, at: old.createdAt, actor: 'x', type: 'created', changes: [] },
        GENESIS_HASH,
        0,
      ),
    );
    await v1.put('meta', 7, 'refCounter:2026');
    v1.close();

    expect(await getComplaint(old.id)).toMatchObject({ id: old.id, nextDueAt: old.clocks.ack.dueAt });
    expect(await countOverdue(new Date('2026-03-01T00:00:00Z'))).toBe(1);
    expect((await findByThreadId('thread-f:1')).map((c) => c.id)).toEqual([old.id]);
    const next = await createComplaint(newInput(), DEFAULT_POLICY, w());
    expect(next.reference).toBe('REC-2026-0008');
  });
});
