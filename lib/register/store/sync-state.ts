// The team register's local side (issue 13): the outbox of operations waiting for the server, the
// connection (apart from the settings: no backup or export reads this store), the feed cursor, reference
// blocks, and conflicts to show. Pulled pages are applied here in ONE transaction with the outbox replayed
// on top, so the local copy is always "the server's register plus my changes not yet acknowledged".
import type { IDBPTransaction, StoreNames } from 'idb';
import type { z } from 'zod';
import { parisDay } from '../../deadlines/paris-time';
import { t, UserError } from '../../i18n';
import { type TeamConnection, TeamConnectionSchema, type TeamIdentity, TokenSchema } from '../../sync/connection';
import {
  type Operation,
  OperationSchema,
  type Outcome,
  type ReferenceBlockSchema,
  type SyncEvent,
  SyncEventSchema,
} from '../../sync/protocol';
import { provisionalReference } from '../../sync/references';
import { assignReference, runOperation } from '../../sync/replay';
import { verifyChainSync } from '../../transfer/chain';
import { redactionsFor } from '../anonymize';
import { GENESIS_HASH, type HistoryEvent, sealEvent } from '../history';
import { formatReference } from '../reference-format';
import { type Complaint, ComplaintSchema } from '../schema';
import {
  COMPLAINT_STORES,
  defaultConnection,
  putComplaint,
  type QuarantinedRecord,
  type RegisterConnection,
  type RegisterDB,
} from './db';
import { mergeEvents, putEvents, recordOf, storedEvents } from './history-record';
import { describeIssues } from './queries';
import type { ReferenceAllocator } from './references';
import { localAllocatorOn } from './references';

const IDENTITY = 'identity';
const TOKEN = 'token';
const CURSOR = 'cursor';
const BLOCKS = 'blocks';
const CONFLICT = 'conflict:';

type AnyTx = IDBPTransaction<RegisterDB, ArrayLike<StoreNames<RegisterDB>>, 'readwrite'>;

export interface OutboxEntry {
  seq: number;
  op: Operation;
}

/** A block of official references with the next number still free in it. */
export interface HeldBlock extends z.infer<typeof ReferenceBlockSchema> {
  next: number;
}

/** A change of mine the server could not merge: shown beside the server's value until the agent chooses. */
export interface Conflict {
  key: string;
  complaintId: string;
  op: Operation;
  paths: string[];
  /** The server's version when it answered. */
  theirs: Complaint;
  at: string;
}

/** Stores written with a complaint when the register belongs to a team (the outbox beside the write). */
export const OUTBOX_STORES = ['outbox', 'sync'] as const;

/**
 * Records `op` in the outbox inside the caller's transaction (which must include OUTBOX_STORES), when this
 * register has joined a team: the write and its operation commit or fail together.
 */
export async function recordOperation(tx: AnyTx, op: Operation): Promise<void> {
  if ((await tx.objectStore('sync').get(IDENTITY)) === undefined) return;
  await tx.objectStore('outbox').add({ op });
}

/**
 * Drops, inside the caller's transaction, the conflicts kept for complaint `id`: each holds both versions
 * of a field, personal values included, which an anonymisation must not leave behind.
 */
export async function dropConflictsOf(tx: AnyTx, id: string): Promise<void> {
  const prefix = `${CONFLICT}${id}:`;
  await tx.objectStore('sync').delete(IDBKeyRange.bound(prefix, `${prefix}\uffff`));
}

/** The sync side of one register (see register.ts); the module-level functions below use the product's. */
export function syncOn(connection: RegisterConnection) {
  // liveDb: a wipe or another context's reset may have closed the connection under us (see db.ts).
  const db = () => connection.liveDb();

  async function getIdentity(): Promise<TeamIdentity | null> {
    const raw = await (await db()).get('sync', IDENTITY);
    const parsed = TeamConnectionSchema.omit({ token: true }).safeParse(raw);
    return parsed.success ? parsed.data : null;
  }

  /** Refuses, before anything is written, a write by an auditor: the server would answer 403 to its push. */
  async function assertWritable(): Promise<TeamIdentity | null> {
    const identity = await getIdentity();
    if (identity?.agent.role === 'auditor') throw new UserError('team.error.readOnly');
    return identity;
  }

  /** The connection with its token, or null when the register is not (or no longer) connected. */
  async function getConnection(): Promise<TeamConnection | null> {
    const tx = (await db()).transaction('sync');
    const [identity, token] = await Promise.all([tx.store.get(IDENTITY), tx.store.get(TOKEN)]);
    const parsed = TeamConnectionSchema.safeParse({ ...(identity as object), token });
    return parsed.success ? parsed.data : null;
  }

  /** Joins (or re-joins) a team. Another server or organisation starts the feed from scratch. */
  async function saveConnection(c: TeamConnection): Promise<void> {
    const { token, ...identity } = TeamConnectionSchema.parse(c);
    const tx = (await db()).transaction('sync', 'readwrite');
    const previous = TeamConnectionSchema.omit({ token: true }).safeParse(await tx.store.get(IDENTITY));
    if (
      !previous.success ||
      previous.data.server !== identity.server ||
      previous.data.agent.org !== identity.agent.org
    ) {
      await Promise.all([tx.store.delete(CURSOR), tx.store.delete(BLOCKS)]);
    }
    await Promise.all([tx.store.put(identity, IDENTITY), tx.store.put(TokenSchema.parse(token), TOKEN)]);
    await tx.done;
  }

  /** Forgets the token only: the local copy, the outbox and the team's identity stay (reconnecting resumes). */
  async function forgetToken(): Promise<void> {
    await (await db()).delete('sync', TOKEN);
  }

  async function pendingCount(): Promise<number> {
    return (await db()).count('outbox');
  }

  /** The oldest `limit` operations waiting, in the order they were made. */
  async function pendingOps(limit: number): Promise<OutboxEntry[]> {
    const raws = await (await db()).getAll('outbox', undefined, limit);
    return raws.map((r) => ({ seq: Number(r.seq), op: OperationSchema.parse(r.op) }));
  }

  async function getCursor(): Promise<string> {
    const raw = await (await db()).get('sync', CURSOR);
    return typeof raw === 'string' && /^\d{1,18}$/.test(raw) ? raw : '0';
  }

  /**
   * Takes the push's outcomes: every answered operation leaves the outbox (a repeated push would only
   * get the same answer); conflicts are kept to be shown; refusals come back in French.
   */
  async function settle(sent: readonly OutboxEntry[], outcomes: readonly Outcome[], now: Date): Promise<string[]> {
    const bySeq = new Map(sent.map((e) => [e.op.eventId, e]));
    const tx = (await db()).transaction(['outbox', 'sync'], 'readwrite');
    const refusals: string[] = [];
    for (const outcome of outcomes) {
      const entry = bySeq.get(outcome.eventId);
      if (!entry) continue;
      await tx.objectStore('outbox').delete(entry.seq);
      if (outcome.status === 'conflict') {
        const key = `${CONFLICT}${entry.op.complaintId}:${entry.op.eventId}`;
        const conflict: Conflict = {
          key,
          complaintId: entry.op.complaintId,
          op: entry.op,
          paths: outcome.paths,
          theirs: outcome.complaint,
          at: now.toISOString(),
        };
        await tx.objectStore('sync').put(conflict, key);
      } else if (outcome.status === 'refused') refusals.push(outcome.reason);
    }
    await tx.done;
    return refusals;
  }

  async function listConflicts(complaintId?: string): Promise<Conflict[]> {
    const prefix = complaintId ? `${CONFLICT}${complaintId}:` : CONFLICT;
    const raws = await (await db()).getAll('sync', IDBKeyRange.bound(prefix, `${prefix}\uffff`));
    return raws as Conflict[];
  }

  async function dropConflict(key: string): Promise<void> {
    if (key.startsWith(CONFLICT)) await (await db()).delete('sync', key);
  }

  /** Keeps a block the server handed out; its numbers are used before any provisional reference. */
  async function addBlock(block: z.infer<typeof ReferenceBlockSchema>): Promise<void> {
    const tx = (await db()).transaction('sync', 'readwrite');
    const blocks = ((await tx.store.get(BLOCKS)) as HeldBlock[] | undefined) ?? [];
    await tx.store.put([...blocks, { ...block, next: block.first }], BLOCKS);
    await tx.done;
  }

  /** Official numbers still free for `year`. */
  async function referencesLeft(year: number): Promise<number> {
    const blocks = ((await (await db()).get('sync', BLOCKS)) as HeldBlock[] | undefined) ?? [];
    return blocks.filter((b) => b.year === year).reduce((n, b) => n + Math.max(0, b.last - b.next + 1), 0);
  }

  const local = localAllocatorOn(connection);
  /**
   * References: the local counter for a register that never joined a team; in a team, the next number of
   * the agent's blocks, or a provisional reference when they are used up (offline).
   */
  const allocator: ReferenceAllocator = {
    async next(now) {
      const tx = (await db()).transaction('sync', 'readwrite');
      if ((await tx.store.get(IDENTITY)) === undefined) {
        await tx.done;
        return local.next(now);
      }
      const year = Number(parisDay(now).slice(0, 4));
      const blocks = ((await tx.store.get(BLOCKS)) as HeldBlock[] | undefined) ?? [];
      const block = blocks.find((b) => b.year === year && b.next <= b.last);
      if (!block) {
        await tx.done;
        return provisionalReference(year, Math.random());
      }
      const reference = formatReference(year, block.next);
      block.next += 1;
      // Used-up blocks are dropped; the others stay in the order the server handed them out.
      await tx.store.put(
        blocks.filter((b) => b.next <= b.last),
        BLOCKS,
      );
      await tx.done;
      return reference;
    },
  };

  /**
   * Applies one page of the server's feed in ONE transaction: events, then each snapshot whose chain
   * verifies (a record that fails its schema or its chain goes to the quarantine and is reported), the
   * operations still in the outbox replayed on top, and the cursor. Returns what was set aside.
   */
  async function applyPull(
    page: { events: unknown[]; complaints: unknown[]; cursor: string },
    now: Date,
  ): Promise<{ complaints: number; quarantined: QuarantinedRecord[] }> {
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
    const identity = TeamConnectionSchema.omit({ token: true }).safeParse(await tx.objectStore('sync').get(IDENTITY));
    const actor = identity.success ? identity.data.agent.name : 'agent';
    const snapshotOf = new Map(snapshots.map((c) => [c.id, c]));
    let applied = 0;
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
        kept = events.map((e) => redactionsFor([e])[0] ?? e);
        await dropConflictsOf(tx, id);
      }
      await makeRoomFor(tx, current, now);
      await histories.put(recordOf(id, kept));
      await putComplaint(tx, current);
      applied++;
    }
    for (const record of quarantined) await tx.objectStore('quarantine').put(record);
    await tx.objectStore('sync').put(page.cursor, CURSOR);
    await tx.done;
    return { complaints: applied, quarantined };
  }

  return {
    getIdentity,
    assertWritable,
    getConnection,
    saveConnection,
    forgetToken,
    pendingCount,
    pendingOps,
    getCursor,
    settle,
    listConflicts,
    dropConflict,
    addBlock,
    referencesLeft,
    allocator,
    applyPull,
  };
}

/**
 * A complaint of this register that holds the reference a pulled one carries (logged here before the
 * register joined the team) moves to a provisional reference, by a `referenceAssigned` event on its own
 * chain: its old reference stays in its history, and the server gives it an official one when it is sent.
 */
async function makeRoomFor(tx: AnyTx, incoming: Complaint, now: Date): Promise<void> {
  const holder = ComplaintSchema.safeParse(
    await tx.objectStore('complaints').index('reference').get(incoming.reference),
  );
  if (!holder.success || holder.data.id === incoming.id) return;
  const year = Number(holder.data.reference.slice(4, 8)) || Number(parisDay(now).slice(0, 4));
  const moved = assignReference(holder.data, provisionalReference(year, Math.random()), {
    now,
    actor: holder.data.loggedBy,
    id: crypto.randomUUID(),
  });
  const sealed = await sealEvent(moved.event, holder.data.historyHead ?? GENESIS_HASH, holder.data.rev);
  await putEvents(tx.objectStore('histories'), holder.data.id, [sealed]);
  await putComplaint(tx, { ...moved.complaint, historyHead: sealed.hash });
}

export type SyncStore = ReturnType<typeof syncOn>;

/** The product's register's sync side. */
export const productSync = syncOn(defaultConnection);
export const {
  getIdentity,
  getConnection,
  saveConnection,
  forgetToken,
  pendingCount,
  pendingOps,
  getCursor,
  settle,
  listConflicts,
  dropConflict,
  addBlock,
  referencesLeft,
  applyPull,
} = productSync;
