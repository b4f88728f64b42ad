// The register's rows in SQL: complaints (snapshot + indexed columns), events and stored outcomes. Writes
// go in one statement per table per push (jsonb_to_recordset over a few JSON chunks), whatever the batch
// size. The SQL text holds only numbered parameters ($n) made here, never a value.
import type { HistoryEvent } from '../../lib/register/history';
import { type Complaint, ComplaintSchema } from '../../lib/register/schema';
import { type SyncEvent, SyncEventSchema } from '../../lib/sync/protocol';
import type { Queryable } from '../db/db';

export interface EventRow {
  event: SyncEvent;
  feedPos: number;
  agentId: string | null;
}

/** Stored outcome of an operation: statuses and positions only, never a value of the complaint. */
export type StoredOutcome =
  | {
      status: 'applied' | 'merged';
      complaintId: string;
      seq: number;
      hash?: string;
      extraSeqs: number[];
      sameHash?: boolean;
      reference?: string;
    }
  | { status: 'conflict'; complaintId: string; paths: string[] }
  | { status: 'refused'; complaintId: string; reason: string; key?: string };

export async function loadComplaints(
  tx: Queryable,
  org: string,
  ids: readonly string[],
): Promise<Map<string, Complaint>> {
  const { rows } = await tx.query<{ snapshot: unknown }>(
    'SELECT snapshot FROM complaints WHERE org_id = $1 AND id = ANY($2::uuid[])',
    [org, ids],
  );
  return new Map(rows.map((r) => ComplaintSchema.parse(r.snapshot)).map((c) => [c.id, c]));
}

/** Events of a complaint from seq `from` on, in chain order. */
export async function loadEvents(tx: Queryable, org: string, complaintId: string, from = 1): Promise<HistoryEvent[]> {
  const { rows } = await tx.query<{ event: unknown }>(
    'SELECT event FROM events WHERE org_id = $1 AND complaint_id = $2 AND seq >= $3 ORDER BY seq',
    [org, complaintId, from],
  );
  return rows.map((r) => SyncEventSchema.parse(r.event) as HistoryEvent);
}

export async function eventAt(tx: Queryable, org: string, complaintId: string, seq: number): Promise<SyncEvent | null> {
  const { rows } = await tx.query<{ event: unknown }>(
    'SELECT event FROM events WHERE org_id = $1 AND complaint_id = $2 AND seq = $3',
    [org, complaintId, seq],
  );
  return rows[0] ? SyncEventSchema.parse(rows[0].event) : null;
}

export async function storedOutcomes(tx: Queryable, org: string, eventIds: readonly string[]) {
  const { rows } = await tx.query<{ event_id: string; outcome: StoredOutcome }>(
    'SELECT event_id, outcome FROM op_outcomes WHERE org_id = $1 AND event_id = ANY($2::uuid[])',
    [org, eventIds],
  );
  return new Map(rows.map((r) => [r.event_id, r.outcome]));
}

/** Which of `references` are already held, and by which complaint. */
export async function heldReferences(
  tx: Queryable,
  org: string,
  references: readonly string[],
): Promise<Map<string, string>> {
  if (!references.length) return new Map();
  const { rows } = await tx.query<{ reference: string; id: string }>(
    'SELECT reference, id FROM complaints WHERE org_id = $1 AND reference = ANY($2::text[])',
    [org, references],
  );
  return new Map(rows.map((r) => [r.reference, r.id]));
}

/** Indexed columns beside the snapshot. `assignee`: the id of the agent holding the complaint (null for
 *  one logged before the register knew assignees). */
const complaintRow = (c: Complaint, feedPos: number) => ({
  id: c.id,
  reference: c.reference,
  phase: c.phase,
  next_due_at: c.nextDueAt ?? null,
  assignee: c.assignee?.id ?? null,
  customer_email: c.customer.email || null,
  updated_at: c.updatedAt,
  rev: c.rev,
  history_head: c.historyHead,
  feed_pos: feedPos,
  snapshot: c,
});

/** Rows per JSON parameter. One parameter for a whole push (about 1 MB) made Node copy that one large string
 *  again before sending it: measured 28–35 µs per row against 10.5 for chunks of 16 to 32 rows. */
const CHUNK_ROWS = 24;

/** `rows` as JSON arrays of at most CHUNK_ROWS rows, and the SQL that reads them all back as one set of
 *  records from parameter `$first` on: `jsonb_to_recordset` over each chunk. */
function chunked(rows: readonly unknown[], first: number): { params: string[]; from: string } {
  const params: string[] = [];
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) params.push(JSON.stringify(rows.slice(i, i + CHUNK_ROWS)));
  const list = params.map((_, i) => `$${first + i}::jsonb`).join(', ');
  return { params, from: `unnest(ARRAY[${list}]) AS chunk(rows), jsonb_to_recordset(chunk.rows)` };
}

export async function upsertComplaints(
  tx: Queryable,
  org: string,
  items: readonly { complaint: Complaint; feedPos: number }[],
) {
  if (!items.length) return;
  const rows = chunked(
    items.map((i) => complaintRow(i.complaint, i.feedPos)),
    2,
  );
  await tx.query(
    `INSERT INTO complaints (org_id, id, reference, phase, next_due_at, assignee, customer_email, updated_at, rev,
       history_head, feed_pos, snapshot)
     SELECT $1, x.id, x.reference, x.phase, x.next_due_at, x.assignee, x.customer_email, x.updated_at, x.rev,
       x.history_head, x.feed_pos, x.snapshot
     FROM ${rows.from} AS x(id uuid, reference text, phase text, next_due_at timestamptz,
       assignee text, customer_email text, updated_at timestamptz, rev integer, history_head text, feed_pos bigint,
       snapshot jsonb)
     ON CONFLICT (org_id, id) DO UPDATE SET reference = excluded.reference, phase = excluded.phase,
       next_due_at = excluded.next_due_at, assignee = excluded.assignee, customer_email = excluded.customer_email,
       updated_at = excluded.updated_at, rev = excluded.rev, history_head = excluded.history_head,
       feed_pos = excluded.feed_pos, snapshot = excluded.snapshot`,
    [org, ...rows.params],
  );
}

export async function insertEvents(tx: Queryable, org: string, rows: readonly EventRow[]) {
  if (!rows.length) return;
  const data = rows.map((r) => ({
    complaint_id: r.event.complaintId,
    seq: r.event.seq,
    id: r.event.id,
    type: r.event.type,
    at: r.event.at,
    agent_id: r.agentId,
    feed_pos: r.feedPos,
    event: r.event,
  }));
  const chunks = chunked(data, 2);
  await tx.query(
    `INSERT INTO events (org_id, complaint_id, seq, id, type, at, agent_id, feed_pos, event)
     SELECT $1, x.complaint_id, x.seq, x.id, x.type, x.at, x.agent_id, x.feed_pos, x.event
     FROM ${chunks.from} AS x(complaint_id uuid, seq integer, id uuid, type text, at timestamptz,
       agent_id uuid, feed_pos bigint, event jsonb)`,
    [org, ...chunks.params],
  );
}

/** Erased versions of stored events (anonymisation), moved to a new feed position so readers get them. */
export async function replaceEvents(tx: Queryable, org: string, rows: readonly EventRow[]) {
  if (!rows.length) return;
  const data = rows.map((r) => ({
    complaint_id: r.event.complaintId,
    seq: r.event.seq,
    at: r.event.at,
    feed_pos: r.feedPos,
    event: r.event,
  }));
  // `at` too: an erasure reduces the event's time to its month (lib/register/anonymize.ts erasedPast).
  await tx.query(
    `UPDATE events e SET event = x.event, at = x.at, feed_pos = x.feed_pos
     FROM jsonb_to_recordset($2::jsonb) AS x(complaint_id uuid, seq integer, at timestamptz, feed_pos bigint,
       event jsonb)
     WHERE e.org_id = $1 AND e.complaint_id = x.complaint_id AND e.seq = x.seq`,
    [org, JSON.stringify(data)],
  );
}

export async function insertOutcomes(
  tx: Queryable,
  org: string,
  items: readonly { eventId: string; outcome: StoredOutcome }[],
) {
  if (!items.length) return;
  const rows = chunked(
    items.map((i) => ({ event_id: i.eventId, complaint_id: i.outcome.complaintId, outcome: i.outcome })),
    2,
  );
  await tx.query(
    `INSERT INTO op_outcomes (org_id, event_id, complaint_id, outcome)
     SELECT $1, x.event_id, x.complaint_id, x.outcome
     FROM ${rows.from} AS x(event_id uuid, complaint_id uuid, outcome jsonb)`,
    [org, ...rows.params],
  );
}

/**
 * Locks the organisation's feed counter until commit (see migrations/001: positions follow commit order).
 * NO KEY UPDATE: foreign-key checks of other writers (KEY SHARE on the org row) are not blocked by it.
 */
export async function lockFeed(tx: Queryable, org: string): Promise<number> {
  const { rows } = await tx.query<{ feed_seq: string }>('SELECT feed_seq FROM orgs WHERE id = $1 FOR NO KEY UPDATE', [
    org,
  ]);
  if (!rows[0]) throw new Error('organisation introuvable');
  return Number(rows[0].feed_seq);
}

export async function advanceFeed(tx: Queryable, org: string, to: number): Promise<void> {
  await tx.query('UPDATE orgs SET feed_seq = $2 WHERE id = $1', [org, to]);
}
