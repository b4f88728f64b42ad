// A push: up to 200 operations in ONE transaction, holding the organisation's feed counter (so positions
// follow commit order). Each operation is replayed by lib/sync/replay.ts; this module only loads what the
// replay needs, seals the events and writes the rows. Idempotent by event id through op_outcomes.
import { randomUUID } from 'node:crypto';
import { erasedPast } from '../../lib/register/anonymize';
import { GENESIS_HASH, type HistoryEvent, sealEvent } from '../../lib/register/history';
import type { Complaint } from '../../lib/register/schema';
import type { Operation, Outcome, SyncEvent } from '../../lib/sync/protocol';
import { isProvisional, parseOfficial } from '../../lib/sync/references';
import { assignReference, decide } from '../../lib/sync/replay';
import { type Db, type Queryable, retrying } from '../db/db';
import { type Agent, refuseAssignee } from './agents';
import { agentBlocks, type Block, claimNumber, inBlocks, nextReference, parisYear } from './references';
import {
  advanceFeed,
  type EventRow,
  eventAt,
  heldReferences,
  insertEvents,
  insertOutcomes,
  loadComplaints,
  loadEvents,
  lockFeed,
  replaceEvents,
  type StoredOutcome,
  storedOutcomes,
  upsertComplaints,
} from './register-sql';
import { nodeSha256 } from './sha256';

/** The actor of the events the server writes on its own (referenceAssigned). */
export const SERVER_ACTOR = 'Registre d’équipe';

export interface PushResult {
  outcomes: Outcome[];
  cursor: number;
}

/** `ops` as parsed by PushRequestSchema (the replay validates only what each operation changes). */
export function push(db: Db, agent: Agent, ops: readonly Operation[]): Promise<PushResult> {
  return retrying(() => db.transaction({ org: agent.orgId }, (tx) => new Batch(tx, agent).run(ops)));
}

const key = (complaintId: string, seq: number) => `${complaintId}:${seq}`;

class Batch {
  private pos = 0;
  private state = new Map<string, Complaint>();
  private written = new Map<string, EventRow>();
  private replaced = new Map<string, EventRow>();
  private touched = new Set<string>();
  private references = new Set<string>();
  private blocks: Block[] = [];
  private held = new Map<string, string>();

  constructor(
    private tx: Queryable,
    private agent: Agent,
  ) {}

  private get org() {
    return this.agent.orgId;
  }

  async run(ops: readonly Operation[]): Promise<PushResult> {
    const prior = await storedOutcomes(
      this.tx,
      this.org,
      ops.map((o) => o.eventId),
    );
    this.state = await loadComplaints(this.tx, this.org, [...new Set(ops.map((o) => o.complaintId))]);
    // One query each for every creation of the batch: the agent's blocks and the references already held.
    const official = ops.flatMap((o) => (o.kind === 'create' && !isProvisional(o.reference) ? [o.reference] : []));
    if (official.length) {
      this.blocks = await agentBlocks(this.tx, this.org, this.agent.id);
      this.held = await heldReferences(this.tx, this.org, official);
    }
    const fresh: { eventId: string; outcome: StoredOutcome }[] = [];
    const results: { eventId: string; outcome: StoredOutcome }[] = [];
    for (const op of ops) {
      const known = prior.get(op.eventId);
      if (known) {
        results.push({ eventId: op.eventId, outcome: known });
        continue;
      }
      const outcome = await this.apply(op);
      prior.set(op.eventId, outcome);
      fresh.push({ eventId: op.eventId, outcome });
      results.push({ eventId: op.eventId, outcome });
    }
    // The feed counter is locked only now, for the writes: replaying the next batch overlaps this one's
    // writes. A batch that replayed on rows changed meanwhile fails on the (complaint, seq) or reference
    // keys at its insert and is replayed whole (retrying); positions still follow commit order.
    const base = await lockFeed(this.tx, this.org);
    for (const row of [...this.written.values(), ...this.replaced.values()]) row.feedPos += base;
    this.pos += base;
    await upsertComplaints(
      this.tx,
      this.org,
      [...this.touched].map((id) => ({ complaint: this.state.get(id) as Complaint, feedPos: this.lastPos(id) })),
    );
    await insertEvents(this.tx, this.org, [...this.written.values()]);
    await replaceEvents(this.tx, this.org, [...this.replaced.values()]);
    await insertOutcomes(this.tx, this.org, fresh);
    await advanceFeed(this.tx, this.org, this.pos);
    const outcomes: Outcome[] = [];
    for (const r of results) outcomes.push(await this.wire(r.eventId, r.outcome));
    return { outcomes, cursor: this.pos };
  }

  private lastPos(id: string): number {
    const c = this.state.get(id) as Complaint;
    return this.written.get(key(id, c.rev))?.feedPos ?? this.pos;
  }

  /** Events stored after the op's base: what changed meanwhile (and the base itself if its hash differs). */
  private async since(current: Complaint, op: Operation): Promise<HistoryEvent[]> {
    const stored = await loadEvents(this.tx, this.org, current.id, Math.max(op.base.rev, 1));
    const pending = [...this.written.values()]
      .map((r) => r.event as HistoryEvent)
      .filter((e) => e.complaintId === current.id);
    const bySeq = new Map([...stored, ...pending].map((e) => [e.seq, e]));
    return [...bySeq.values()].filter((e) => e.seq > op.base.rev || (e.seq === op.base.rev && e.hash !== op.base.head));
  }

  private refuseReference(op: Operation & { kind: 'create' }): string | null {
    if (isProvisional(op.reference)) return null;
    const official = parseOfficial(op.reference);
    if (!official || !inBlocks(this.blocks, official.year, official.n)) {
      return `La référence ${op.reference} n’appartient à aucun bloc remis à cet agent.`;
    }
    const holder = this.held.get(op.reference);
    if (this.references.has(op.reference) || (holder !== undefined && holder !== op.complaintId)) {
      return `La référence ${op.reference} est déjà utilisée dans le registre.`;
    }
    return null;
  }

  /** Onboarding (issue 13): a complaint logged before its agent joined keeps its reference when the team
   *  never handed that number out (the counter moves past it); otherwise it gets an official one. */
  private async keepsOwn(op: Operation & { kind: 'create' }): Promise<boolean> {
    const own = parseOfficial(op.reference);
    if (!own || this.references.has(op.reference)) return false;
    const holder = this.held.get(op.reference);
    if (holder !== undefined && holder !== op.complaintId) return false;
    return claimNumber(this.tx, this.org, own.year, own.n);
  }

  private record(event: HistoryEvent | SyncEvent): void {
    this.pos += 1;
    this.written.set(key(event.complaintId, event.seq), {
      event: event as SyncEvent,
      feedPos: this.pos,
      agentId: this.agent.id,
    });
  }

  private async apply(op: Operation): Promise<StoredOutcome> {
    const complaintId = op.complaintId;
    if (op.kind === 'anonymize' && op.reason === 'retention' && this.agent.role !== 'manager') {
      return {
        status: 'refused',
        complaintId,
        reason: 'Seul un responsable anonymise au titre de la durée de conservation.',
      };
    }
    const current = this.state.get(complaintId) ?? null;
    const fresh = current !== null && op.base.rev === current.rev && op.base.head === current.historyHead;
    // Only a stale operation needs to know what changed meanwhile.
    const since = current && !fresh ? await this.since(current, op) : [];
    if (op.kind === 'assign') {
      const reason = await refuseAssignee(this.tx, this.org, op.assignee);
      if (reason) return { status: 'refused', complaintId, reason };
    }
    const { id, name, role } = this.agent;
    // `current` comes parsed from its row (or from the replay of this batch), `op` from the request's schema.
    const decision = decide(current, since, op, { id, name, role }, true);
    if (decision.status === 'conflict') return { status: 'conflict', complaintId, paths: decision.paths };
    if (decision.status === 'refused')
      return { status: 'refused', complaintId, reason: decision.reason, key: decision.key };
    if (op.kind === 'create' && !op.onboarding) {
      const reason = this.refuseReference(op);
      if (reason) return { status: 'refused', complaintId, reason };
    }
    const salts = decision.status === 'fresh' ? op.salts : [];
    const event = await sealEvent(
      decision.outcome.event,
      current?.historyHead ?? GENESIS_HASH,
      current?.rev ?? 0,
      salts,
      nodeSha256,
    );
    let complaint: Complaint = { ...decision.outcome.complaint, historyHead: event.hash };
    if (op.kind === 'anonymize') await this.redactHistory(complaintId);
    this.record(event);
    const extraSeqs: number[] = [];
    if (op.kind === 'create' && (isProvisional(op.reference) || (op.onboarding && !(await this.keepsOwn(op))))) {
      const official = await nextReference(this.tx, this.org, parisYear(op.at));
      const assigned = assignReference(complaint, official, { now: new Date(), actor: SERVER_ACTOR, id: randomUUID() });
      const sealed = await sealEvent(assigned.event, complaint.historyHead, complaint.rev, [], nodeSha256);
      complaint = { ...assigned.complaint, historyHead: sealed.hash };
      this.record(sealed);
      extraSeqs.push(sealed.seq);
    }
    this.state.set(complaintId, complaint);
    this.touched.add(complaintId);
    this.references.add(complaint.reference);
    return {
      status: decision.status === 'fresh' ? 'applied' : 'merged',
      complaintId,
      seq: event.seq,
      hash: event.hash,
      extraSeqs,
      ...(op.hash ? { sameHash: op.hash === event.hash } : {}),
      ...(extraSeqs.length ? { reference: complaint.reference } : {}),
    };
  }

  /** GDPR art. 17: past changes holding personal data or a date lose their values, and past times go to their
   *  month, as the extension erases them (lib/register/anonymize.ts erasedPast; the chain still verifies). */
  private async redactHistory(complaintId: string): Promise<void> {
    const stored = await loadEvents(this.tx, this.org, complaintId);
    const pending = [...this.written.values()].filter((r) => r.event.complaintId === complaintId);
    const all = new Map<number, HistoryEvent>(
      [...stored, ...pending.map((r) => r.event as HistoryEvent)].map((e) => [e.seq, e]),
    );
    for (const redacted of erasedPast([...all.values()])) {
      const k = key(complaintId, redacted.seq);
      const inBatch = this.written.get(k);
      this.pos += 1;
      if (inBatch) this.written.set(k, { ...inBatch, event: redacted as SyncEvent });
      else this.replaced.set(k, { event: redacted as SyncEvent, feedPos: this.pos, agentId: null });
    }
  }

  private async event(complaintId: string, seq: number): Promise<SyncEvent> {
    const inBatch = this.written.get(key(complaintId, seq))?.event;
    const event = inBatch ?? (await eventAt(this.tx, this.org, complaintId, seq));
    if (!event) throw new Error(`évènement ${complaintId}#${seq} introuvable`);
    return event;
  }

  /** The outcome as sent: stored statuses plus the events and the newest snapshot they refer to. */
  private async wire(eventId: string, o: StoredOutcome): Promise<Outcome> {
    const complaint = this.state.get(o.complaintId);
    if (o.status === 'refused')
      return { eventId, status: 'refused', reason: o.reason, ...(o.key ? { key: o.key } : {}) };
    if (!complaint) throw new Error('réclamation introuvable');
    if (o.status === 'conflict') return { eventId, status: 'conflict', paths: o.paths, complaint };
    const extra = await Promise.all(o.extraSeqs.map((seq) => this.event(o.complaintId, seq)));
    const sameHash = o.sameHash ?? false;
    // An applied event the agent sealed identically is not sent back: the agent holds it (onboarding a
    // register answers with statuses and hashes, not with the register itself).
    const event = o.status === 'merged' || !sameHash || !o.hash ? await this.event(o.complaintId, o.seq) : undefined;
    if (o.status === 'merged') return { eventId, status: 'merged', event: event as SyncEvent, extra, complaint };
    return {
      eventId,
      status: 'applied',
      seq: o.seq,
      hash: o.hash ?? (event as SyncEvent).hash,
      sameHash,
      ...(event ? { event } : {}),
      extra,
      ...(o.reference ? { reference: o.reference } : {}),
    };
  }
}
