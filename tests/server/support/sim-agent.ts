// A simulated agent: a local copy of the register that works offline with the register's own record
// functions (lib/sync/operations.ts), queues its operations, pushes them and pulls the team's changes.
import type { FastifyInstance } from 'fastify';
import { DEFAULT_POLICY } from '../../../lib/deadlines/policy';
import type { Complaint, NewComplaint } from '../../../lib/register/schema';
import { localOperation, type OperationSpec } from '../../../lib/sync/operations';
import type { Operation, Outcome, Role, SyncEvent } from '../../../lib/sync/protocol';
import { provisionalReference } from '../../../lib/sync/references';
import { call, pushOps } from './http';

export class SimAgent {
  complaints = new Map<string, Complaint>();
  events = new Map<string, Map<number, SyncEvent>>();
  pending: Operation[] = [];
  cursor = '0';

  constructor(
    readonly app: FastifyInstance,
    readonly token: string,
    readonly name: string,
  ) {}

  /** Works on the local copy (offline); the operation waits for the next push. */
  async act(complaintId: string | null, spec: OperationSpec, now: Date): Promise<Complaint> {
    const current = complaintId ? (this.complaints.get(complaintId) ?? null) : null;
    const who = await this.identity();
    const actor = who ? { name: this.name, ...who } : this.name;
    const { op, complaint, event } = await localOperation(current, spec, { now, actor });
    this.complaints.set(complaint.id, complaint);
    this.keep(event as SyncEvent);
    this.pending.push(op);
    return complaint;
  }

  private who: { id: string; role: Role } | null = null;
  /** The agent's id and role as the server knows them (`GET /me`), as the extension keeps them once
   *  connected; null when the token is refused (the operations then carry the name only). */
  async identity(): Promise<{ id: string; role: Role } | null> {
    if (!this.who) {
      const me = await call<{ agent?: { id: string; role: Role } }>(this.app, this.token, 'GET', '/me');
      if (me.status === 200 && me.body.agent) this.who = { id: me.body.agent.id, role: me.body.agent.role };
    }
    return this.who;
  }

  create(input: NewComplaint, now: Date, reference = provisionalReference(now.getUTCFullYear(), Math.random())) {
    return this.act(null, { kind: 'create', input, reference, policy: DEFAULT_POLICY } as OperationSpec, now);
  }

  async push(): Promise<Outcome[]> {
    const ops = this.pending;
    this.pending = [];
    return ops.length ? pushOps(this.app, this.token, ops) : [];
  }

  /** Pulls until the feed is drained; the server's snapshots and events replace the local ones. */
  async pull(): Promise<void> {
    for (let page = 0; page < 1000; page++) {
      const res = await call<{ events: SyncEvent[]; complaints: Complaint[]; cursor: string; more: boolean }>(
        this.app,
        this.token,
        'GET',
        `/pull?cursor=${this.cursor}&limit=500`,
      );
      if (res.status !== 200) throw new Error(`pull ${res.status}: ${JSON.stringify(res.body)}`);
      for (const e of res.body.events) this.keep(e);
      for (const c of res.body.complaints) {
        this.complaints.set(c.id, c);
        // Local events the server did not keep (conflict, refusal) end past the server's revision.
        for (const seq of this.events.get(c.id)?.keys() ?? []) if (seq > c.rev) this.events.get(c.id)?.delete(seq);
      }
      this.cursor = res.body.cursor;
      if (!res.body.more) return;
    }
  }

  history(complaintId: string): SyncEvent[] {
    return [...(this.events.get(complaintId)?.values() ?? [])].sort((a, b) => a.seq - b.seq);
  }

  private keep(e: SyncEvent) {
    const list = this.events.get(e.complaintId) ?? new Map<number, SyncEvent>();
    list.set(e.seq, e);
    this.events.set(e.complaintId, list);
  }
}

export const input = (overrides: Partial<NewComplaint> = {}): NewComplaint => ({
  receivedAt: '2026-03-02T09:00:00.000Z',
  channel: 'email',
  source: { webmail: 'gmail', messageId: 'msg-f:1', threadId: 'thread-f:1' },
  customer: { name: 'Claire Martin', email: 'claire.martin@example.fr' },
  subject: 'Colis arrivé endommagé',
  category: 'livraison',
  excerpt: 'Bonjour, mon colis est arrivé cassé.',
  ...overrides,
});
