// The change feed read side: events and snapshots written after a cursor, in feed (= commit) order.
// Rows were validated by the register's schemas when written; they are sent as stored (JSON text).
import type { Db } from '../db/db';

/** A page of the feed with events and snapshots kept as the JSON text the database holds: they are sent
 *  as they are, without parsing and serialising 300,000 events again on a full pull. */
export interface Page {
  events: string[];
  complaints: string[];
  cursor: string;
  more: boolean;
}

export function pullPage(db: Db, org: string, cursor: number, limit: number): Promise<Page> {
  return db.transaction({ org }, async (tx) => {
    const { rows } = await tx.query<{ event: string; feed_pos: string }>(
      'SELECT event::text AS event, feed_pos FROM events WHERE org_id = $1 AND feed_pos > $2 ORDER BY feed_pos LIMIT $3',
      [org, cursor, limit + 1],
    );
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const next = page.length ? Number(page[page.length - 1]?.feed_pos) : cursor;
    // A complaint's position is that of its newest event: its snapshot comes in the page holding that event.
    const complaints = page.length
      ? (
          await tx.query<{ snapshot: string }>(
            `SELECT snapshot::text AS snapshot FROM complaints
             WHERE org_id = $1 AND feed_pos > $2 AND feed_pos <= $3 ORDER BY feed_pos`,
            [org, cursor, next],
          )
        ).rows.map((r) => r.snapshot)
      : [];
    return { events: page.map((r) => r.event), complaints, cursor: String(next), more };
  });
}

/** The page as the protocol's PullResponse (lib/sync/protocol.ts), written out. */
export const pageJson = (p: Page): string =>
  `{"events":[${p.events.join(',')}],"complaints":[${p.complaints.join(',')}],"cursor":${JSON.stringify(p.cursor)},"more":${p.more}}`;

/** The organisation's newest feed position (long-poll checks it cheaply). */
export function feedHead(db: Db, org: string): Promise<number> {
  return db.transaction({ org }, async (tx) => {
    const { rows } = await tx.query<{ feed_seq: string }>('SELECT feed_seq FROM orgs WHERE id = $1', [org]);
    return Number(rows[0]?.feed_seq ?? 0);
  });
}
