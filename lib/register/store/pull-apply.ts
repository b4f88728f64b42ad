// Applying the team server's feed (issue 13). Each pulled page is applied in ONE transaction with the outbox
// replayed on top, so the local copy is always "the server's register plus my changes not yet acknowledged".
import { parisDay } from '../../deadlines/paris-time';
import { t } from '../../i18n';
import { OperationSchema, type SyncEvent, SyncEventSchema } from '../../sync/protocol';
import { provisionalReference } from '../../sync/references';
import { assignReference, runOperation } from '../../sync/replay';
import { verifyChainSync } from '../../transfer/chain';
import { erasedEvent, redactionsFor } from '../anonymize';
import { GENESIS_HASH, type HistoryEvent, sealEvent } from '../history';
import { type Complaint, ComplaintSchema } from '../schema';
import { COMPLAINT_STORES, putComplaint, type QuarantinedRecord, type RegisterConnection } from './db';
import { mergeEvents, putEvents, recordOf, storedEvents } from './history-record';
import { dropConflictsOf } from './outbox';
import { describeIssues } from './queries';
import { type AnyTx, IdentitySchema, SYNC_KEYS } from './sync-identity';

export function pullApplyOn(connection: RegisterConnection) {
  const db = () => connection.liveDb();

  /**
   * Applies one page of the server's feed in ONE transaction: events, then each snapshot whose chain
   * verifies (a record that fails its schema or its chain goes to the quarantine and is reported), the
   * operations still in the outbox replayed on top, and the cursor. Returns what was set aside, and the
   * complaints whose local copy changed: the agent's own events coming back from the server (the echo of
   * every push) change nothing, and the pages need not read the register again for them.
   */
  async function applyPull(
    page: { events: unknown[]; complaints: unknown[]; cursor: string },
    now: Date,
  ): Promise<{ complaints: number; changed: string[]; quarantined: QuarantinedRecord[] }> {
    const at = now.toISOString();
    const quarantined: QuarantinedRecord[] = [];
    const events: SyncEvent[] = [];
    for (const raw of page.events) {
      const parsed = SyncEventSchema.safeParse(raw);
      if (parsed.success) events.push(parsed.data);
      else {
        const r = raw as { complaintId?: unknown; seq?: unknown };
        quarantined.push({
          key: `pulled:history:${String(r?.complaintId)}#${String(r?.seq)}:${at}`,
          store: 'history',
          raw,
          issues: describeIssues(parsed.error),
          at,
        });
      }
    }
    const snapshots: Complaint[] = [];
    for (const raw of page.complaints) {
      const parsed = ComplaintSchema.safeParse(raw);
      if (parsed.success) snapshots.push(parsed.data);
      else {
        quarantined.push({
          key: `pulled:complaints:${String((raw as { id?: unknown })?.id)}:${at}`,
          store: 'complaints',
          raw,
          issues: describeIssues(parsed.error),
          at,
        });
      }
    }
    const byComplaint = new Map<string, SyncEvent[]>();
    for (const e of events) byComplaint.set(e.complaintId, [...(byComplaint.get(e.complaintId) ?? []), e]);

    const tx = (await db()).transaction(
      [...COMPLAINT_STORES, 'histories', 'outbox', 'sync', 'quarantine'],
      'readwrite',
    );
    const histories = tx.objectStore('histories');
    const identity = IdentitySchema.safeParse(await tx.objectStore('sync').get(SYNC_KEYS.identity));
    const actor = identity.success ? identity.data.agent.name : 'agent';
    const snapshotOf = new Map(snapshots.map((c) => [c.id, c]));
    let applied = 0;
    const changed = new Set<string>();
    for (const id of new Set([...byComplaint.keys(), ...snapshotOf.keys()])) {
      let chain = mergeEvents(await storedEvents(histories, id), byComplaint.get(id) ?? []);
      const snapshot = snapshotOf.get(id);
      if (!snapshot) {
        // Its snapshot comes with its newest event, in a later page: keep the events until then.
        await histories.put(recordOf(id, chain));
        continue;
      }
      // My events beyond the server's head were optimistic: the outbox replays them on the server's version.
      chain = chain.filter((e) => !(((e as { seq?: unknown }).seq as number) > snapshot.rev));
      const parsed = chain.map((e) => SyncEventSchema.safeParse(e));
      const events = parsed.flatMap((r) => (r.success ? [r.data] : []));
      const verdict = events.length === parsed.length ? verifyChainSync(events, snapshot.historyHead) : null;
      if (!verdict?.ok) {
        quarantined.push({
          key: `pulled:complaints:${id}:${at}`,
          store: 'complaints',
          raw: snapshot,
          issues: t('sync.brokenChain'),
          at,
        });
        continue;
      }
      let current = snapshot;
      let pending = (await tx.objectStore('outbox').index('complaintId').getAll(id))
        .map((r) => ({ seq: Number(r.seq), op: OperationSchema.parse(r.op) }))
        .sort((a, b) => a.seq - b.seq);
      // An operation whose event the feed already holds reached the server before its push was answered
      // (the long-poll woke first): the server has it, so it leaves the outbox and is not applied twice.
      const onServer = new Set(events.map((e) => e.id));
      for (const e of pending) if (onServer.has(e.op.eventId)) await tx.objectStore('outbox').delete(e.seq);
      pending = pending.filter((e) => !onServer.has(e.op.eventId));
      const erasedAt = events.find((e) => e.type === 'anonymized')?.seq;
      if (erasedAt !== undefined) {
        // Anonymised by the team: an operation made on an older version would bring erased values back (the
        // server refuses it: replay.ts decide), so it leaves the outbox now rather than wait there.
        for (const e of pending) if (e.op.base.rev < erasedAt) await tx.objectStore('outbox').delete(e.seq);
        pending = pending.filter((e) => e.op.base.rev >= erasedAt);
      }
      let refused = false;
      for (const { op } of pending) {
        // After a refusal the later operations would build on a version the server will not have; an
        // anonymisation still applies, so that no pulled version shows what the agent erased.
        if (refused && op.kind !== 'anonymize') continue;
        try {
          const outcome = runOperation(current, op, actor);
          const sealed = await sealEvent(outcome.event, current.historyHead, current.rev, op.salts);
          events.push(sealed);
          current = { ...outcome.complaint, historyHead: sealed.hash };
        } catch {
          // Refused on the newer version: the server will say so when it is pushed.
          refused = true;
        }
      }
      let kept: HistoryEvent[] = events;
      if (current.anonymizedAt) {
        // Whichever versions of its past events the page brought, they are kept redacted as the server keeps
        // them (digests stay: the chain verifies), and no conflict keeps a personal value either.
        // Past times go to their month too (the anonymisation's own event and later ones keep theirs).
        const erasure = events.find((e) => e.type === 'anonymized')?.seq ?? Number.POSITIVE_INFINITY;
        kept = events.map((e) => (e.seq < erasure ? erasedEvent(e) : (redactionsFor([e])[0] ?? e)));
        await dropConflictsOf(tx, id);
      }
      const moved = await makeRoomFor(tx, current, now);
      if (moved) changed.add(moved);
      // The same chain (length and head hash) is the same record: the register replays it alike everywhere.
      const stored = await tx.objectStore('complaints').get(id);
      if (stored?.rev !== current.rev || stored.historyHead !== current.historyHead) changed.add(id);
      await histories.put(recordOf(id, kept));
      await putComplaint(tx, current);
      applied++;
    }
    for (const record of quarantined) await tx.objectStore('quarantine').put(record);
    await tx.objectStore('sync').put(page.cursor, SYNC_KEYS.cursor);
    await tx.done;
    return { complaints: applied, changed: [...changed], quarantined };
  }

  return { applyPull };
}

/**
 * A complaint of this register that holds the reference a pulled one carries (logged here before the
 * register joined the team) moves to a provisional reference, by a `referenceAssigned` event on its own
 * chain: its old reference stays in its history, and the server gives it an official one when it is sent. Returns its id (null when no complaint held it).
 */
async function makeRoomFor(tx: AnyTx, incoming: Complaint, now: Date): Promise<string | null> {
  const holder = ComplaintSchema.safeParse(
    await tx.objectStore('complaints').index('reference').get(incoming.reference),
  );
  if (!holder.success || holder.data.id === incoming.id) return null;
  const year = Number(holder.data.reference.slice(4, 8)) || Number(parisDay(now).slice(0, 4));
  const moved = assignReference(holder.data, provisionalReference(year, Math.random()), {
    now,
    actor: holder.data.loggedBy,
    id: crypto.randomUUID(),
  });
  const sealed = await sealEvent(moved.event, holder.data.historyHead ?? GENESIS_HASH, holder.data.rev);
  await putEvents(tx.objectStore('histories'), holder.data.id, [sealed]);
  await putComplaint(tx, { ...moved.complaint, historyHead: sealed.hash });
  return holder.data.id;
}
