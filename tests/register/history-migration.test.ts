// The v5 migration: a register written by version 4 (one IndexedDB record per history event, hex hashes)
// is opened by this version, which moves each complaint's history into one compact record. Everything the
// agents relied on must hold across it: the same events for every reader, every chain verifying (the
// anonymised one with its redactions included), a broken chain still broken at the same event, an
// unreadable event still reported, and a restore left unfinished by version 4 still rolled back exactly.
import { beforeEach, describe, expect, it } from 'vitest';
import { setLang } from '@/lib/i18n';
import type { HistoryEvent } from '@/lib/register/history';
import { rowOf } from '@/lib/register/rows';
import type { Complaint } from '@/lib/register/schema';
import { anonymizeComplaint } from '@/lib/register/store/anonymize';
import { addNote } from '@/lib/register/store/complaints';
import { DB_NAME, DB_VERSION, openRegisterDb, registerDb } from '@/lib/register/store/db';
import { getComplaint, getHistory, listAll, verifyComplaintChain } from '@/lib/register/store/queries';
import { countRegister, readBackupBatches } from '@/lib/register/store/register-dump';
import { rollbackRestore, unfinishedRestore } from '@/lib/register/store/restore-journal';
import { verifyRegister } from '@/lib/register/store/verify';
import { verifyChainSync } from '@/lib/transfer/chain';
import { at } from '../retention/fixtures';
import { freshDatabase } from '../support/complaints';
import { putStoredEvent, storedHistory } from '../support/history-records';
import { fillRealisticRegister } from '../support/realistic-register';

beforeEach(async () => {
  setLang('fr');
  await freshDatabase();
});

const NOW = '2026-06-01T08:00:00.000Z';

interface Written {
  complaint: Complaint;
  events: Record<string, unknown>[];
}

/** A register as agents fill it (tests/support/realistic-register.ts), with what the store holds of it. */
async function realisticRegister(): Promise<Written[]> {
  const { closed, anonymised, open, fresh } = await fillRealisticRegister(NOW);
  const out: Written[] = [];
  for (const id of [closed, anonymised, open, fresh]) {
    const complaint = (await getComplaint(id)) as Complaint;
    out.push({ complaint, events: (await storedHistory(id)) as Record<string, unknown>[] });
  }
  return out;
}

/** The same register written as version 4 wrote it: one record per event in `history`, keyed [id, seq]. */
async function writeAsVersion4(
  register: readonly Written[],
  journal?: { marker: unknown; entries: [string, unknown][] },
) {
  await freshDatabase();
  const v4 = await openRegisterDb(DB_NAME, 4);
  expect([...v4.objectStoreNames]).not.toContain('histories');
  const tx = v4.transaction(['complaints', 'rows', 'history', 'restoreJournal'], 'readwrite');
  for (const { complaint, events } of register) {
    void tx.objectStore('complaints').put(complaint);
    void tx.objectStore('rows').put(rowOf(complaint));
    for (const e of events) void tx.objectStore('history').put(e);
  }
  if (journal) {
    void tx.objectStore('restoreJournal').put(journal.marker, '@restore');
    for (const [key, value] of journal.entries) void tx.objectStore('restoreJournal').put(value, key);
  }
  await tx.done;
  v4.close();
}

describe('the v5 migration of the history', () => {
  it('moves every event into one record per complaint: the same events for every reader, every chain intact', async () => {
    const register = await realisticRegister();
    const anonymised = register[1] as Written;
    expect(anonymised.complaint.anonymizedAt).not.toBeNull();
    expect(JSON.stringify(anonymised.events)).toContain('"redacted":true');
    const before = await Promise.all(register.map(({ complaint }) => getHistory(complaint.id)));
    const total = register.reduce((n, w) => n + w.events.length, 0);
    await writeAsVersion4(register);

    const db = await registerDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).not.toContain('history');
    expect(await db.count('histories')).toBe(register.length);
    for (const [i, { complaint, events }] of register.entries()) {
      // Raw, as stored before; parsed, as the pages read it; and the chain, with both hashers.
      expect(await storedHistory(complaint.id)).toEqual(events);
      const history = await getHistory(complaint.id);
      expect(history).toEqual(before[i]);
      expect(await verifyComplaintChain(complaint.id)).toEqual({
        ok: true,
        length: events.length,
        redacted: history.reduce((n, e) => n + e.changes.filter((c) => c.redacted).length, 0),
      });
      expect(verifyChainSync(history, complaint.historyHead)).toMatchObject({ ok: true });
    }
    expect((await verifyComplaintChain(anonymised.complaint.id)).ok && anonymised.events.length).toBeGreaterThan(1);
    expect((await listAll()).map((c) => c.id).sort()).toEqual(register.map((w) => w.complaint.id).sort());

    // The backup reads the same events, and its head counts them without reading a history.
    const entries: { id: string; history: HistoryEvent[] }[] = [];
    await readBackupBatches(
      (batch, invalid) => {
        expect(invalid).toEqual([]);
        for (const e of batch) entries.push({ id: e.complaint.id, history: e.history });
      },
      new Date(NOW),
      2,
    );
    expect(Object.fromEntries(entries.map((e) => [e.id, e.history]))).toEqual(
      Object.fromEntries(register.map((w, i) => [w.complaint.id, before[i]])),
    );
    expect(await countRegister()).toEqual({ complaints: register.length, historyEvents: total });

    // And the register goes on: a new event links to the migrated chain; an anonymisation redacts it.
    const open = register[2] as Written;
    await addNote(open.complaint.id, 'Rappel après la mise à jour.', at(NOW));
    expect(await verifyComplaintChain(open.complaint.id)).toMatchObject({ ok: true, length: open.events.length + 1 });
    await anonymizeComplaint(open.complaint.id, 'request', at(NOW));
    const after = await verifyComplaintChain(open.complaint.id);
    expect(after).toMatchObject({ ok: true, length: open.events.length + 2 });
    expect(JSON.stringify(await db.getAll('histories'))).not.toContain('Client rappelé');
  });

  it('keeps an edited event breaking the chain at the same place, and an unreadable one reported, not dropped', async () => {
    const register = await realisticRegister();
    const closed = register[0] as Written;
    const open = register[2] as Written;
    const edited = { ...(closed.events[1] as Record<string, unknown>), actor: 'Modifié après coup' };
    const unreadable = { ...(open.events[1] as Record<string, unknown>), type: 'legacyNote', hash: 'pas un hash' };
    closed.events[1] = edited;
    open.events[1] = unreadable;
    await writeAsVersion4(register);

    expect(await verifyComplaintChain(closed.complaint.id)).toEqual({ ok: false, brokenAt: 2, reason: 'hash' });
    const reported: string[] = [];
    const history = await getHistory(open.complaint.id, { onInvalid: (r) => reported.push(`${r.store}:${r.key}`) });
    expect(reported).toEqual([`history:${open.complaint.id}#2`]);
    expect(history.map((e) => e.seq)).toEqual([1, 3]);
    expect(await storedHistory(open.complaint.id)).toEqual(open.events);
    // The backup sets the complaint and its events aside, whole, rather than losing the unreadable one.
    const aside: unknown[] = [];
    await readBackupBatches((_, invalid) => void aside.push(...invalid.map((q) => q.raw)), new Date(NOW), 10);
    expect(aside).toContainEqual(unreadable);
  });

  it('rolls back a restore that version 4 left unfinished, giving the history back as it was', async () => {
    const register = await realisticRegister();
    const open = register[2] as Written;
    const fresh = register[3] as Written;
    const kept = open.events.slice(0, 2);
    // Version 4 journaled `open` with two events and `fresh` as absent, then wrote the third and `fresh`.
    const journal = {
      marker: { id: crypto.randomUUID(), startedAt: NOW, state: 'writing' },
      entries: [
        [
          `c:${open.complaint.id}`,
          { kind: 'complaint', id: open.complaint.id, complaint: null, row: null, history: kept },
        ],
        [
          `c:${fresh.complaint.id}`,
          { kind: 'complaint', id: fresh.complaint.id, complaint: null, row: null, history: [] },
        ],
      ] as [string, unknown][],
    };
    await writeAsVersion4(register, journal);

    expect(await unfinishedRestore()).toMatchObject({ state: 'writing' });
    expect(await rollbackRestore()).toBe(true);
    expect(await storedHistory(open.complaint.id)).toEqual(kept);
    expect(await storedHistory(fresh.complaint.id)).toEqual([]);
    expect(await (await registerDb()).get('histories', fresh.complaint.id)).toBeUndefined();
  });
});

describe('the verification of the whole register', () => {
  it('checks every chain from its one record and names the complaints whose chain breaks, and where', async () => {
    const register = await realisticRegister();
    const closed = register[0] as Written;
    const open = register[2] as Written;
    const first = await verifyRegister();
    expect(first).toEqual({
      complaints: register.length,
      events: register.reduce((n, w) => n + w.events.length, 0),
      broken: [],
    });
    await putStoredEvent({ ...(closed.events[2] as { complaintId: string; seq: number }), actor: 'Intrus' });
    await putStoredEvent({ ...(open.events[0] as { complaintId: string; seq: number }), type: 'legacyNote' });
    const second = await verifyRegister();
    expect(second.broken).toHaveLength(2);
    expect(second.broken).toContainEqual({
      id: closed.complaint.id,
      reference: closed.complaint.reference,
      verdict: { ok: false, brokenAt: 3, reason: 'hash' },
    });
    expect(second.broken).toContainEqual({
      id: open.complaint.id,
      reference: open.complaint.reference,
      verdict: { ok: false, reason: 'unreadable' },
    });
  });
});
