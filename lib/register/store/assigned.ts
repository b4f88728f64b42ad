// Reads of a team register by assignee (issue 13): the agent's own overdue and due-soon complaints for the
// badge. No index by assignee (that would be a schema migration for one count): the walk covers only the
// `nextDueAt` range up to `now + hours`, i.e. the complaints that are overdue or due soon, which are the
// few the badge is about, and reads the assignee of each.
import { ComplaintSchema } from '../schema';
import { defaultConnection, type RegisterConnection } from './db';

const AssigneeOnly = ComplaintSchema.pick({ assignee: true, nextDueAt: true });

export function assignedOn(connection: RegisterConnection) {
  /** Complaints held by `agentId` with a clock overdue at `now`, and those due within `hours`. */
  async function countOwnDue(now: Date, hours: number, agentId: string): Promise<{ overdue: number; dueSoon: number }> {
    const from = now.toISOString();
    const until = new Date(now.getTime() + hours * 3_600_000).toISOString();
    const db = await connection.db();
    let cursor = await db.transaction('complaints').store.index('nextDueAt').openCursor(IDBKeyRange.upperBound(until));
    const counts = { overdue: 0, dueSoon: 0 };
    while (cursor) {
      const parsed = AssigneeOnly.safeParse(cursor.value);
      if (parsed.success && parsed.data.assignee?.id === agentId && parsed.data.nextDueAt) {
        if (parsed.data.nextDueAt < from) counts.overdue++;
        else counts.dueSoon++;
      }
      cursor = await cursor.continue();
    }
    return counts;
  }
  return { countOwnDue };
}

export const { countOwnDue } = assignedOn(defaultConnection);
