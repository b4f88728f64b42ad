// The change feed read side: events and snapshots written after a cursor, in feed (= commit) order.
// Rows were validated by the register's schemas when written; they are sent as stored.
import type { Complaint } from '../../lib/register/schema';
import type { SyncEvent } from '../../lib/sync/protocol';
import type { Db } from '../db/db';

export interface Page {
  events: SyncEvent[];
  complaints: Complaint[];
  cursor: string;
  more: boolean;
}

export function pullPage(db: Db, org: string, cursor: number, limit: number): Promise<Page> {
  return db.transaction({ org }, async (tx) => {
    const { rows } = await tx.query<{ event: SyncEvent; feed_pos: string }>(
      'SELECT event, feed_pos FROM events WHERE org_id = $1 AND feed_pos > $2 ORDER BY feed_pos LIMIT $3',
      [org, cursor, limit + 1],
    );
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const next = page.length ? Number(page[page.length - 1]?.feed_pos) : cursor;
    // A complaint's position is that of its newest event: its snapshot comes in the page holding that event.
    const complaints = page.length
      ? (
          await tx.query<{ snapshot: Complaint }>(
            'SELECT snapshot FROM complaints WHERE org_id = $1 AND feed_pos > $2 AND feed_pos <= $3 ORDER BY feed_pos',
            [org, cursor, next],
          )
        ).rows.map((r) => r.snapshot)
      : [];
    return { events: page.map((r) => r.event), complaints, cursor: String(next), more };
  });
}

/** The organisation's newest feed position (long-poll checks it cheaply). */
export function feedHead(db: Db, org: string): Promise<number> {
  return db.transaction({ org }, async (tx) => {
    const { rows } = await tx.query<{ feed_seq: string }>('SELECT feed_seq FROM orgs WHERE id = $1', [org]);
    return Number(rows[0]?.feed_seq ?? 0);
  });
}
