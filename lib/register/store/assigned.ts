// Reads of a team register by assignee (issue 13): the agent's own overdue and due-soon complaints for the
// badge, counted on the `assigneeDue` index (holder, due date; db.ts v8): two counts, whatever the size of
// the team's register.
import { defaultConnection, type RegisterConnection } from './db';

export function assignedOn(connection: RegisterConnection) {
  /** Complaints held by `agentId` with a clock overdue at `now`, and those due within `hours`. */
  async function countOwnDue(now: Date, hours: number, agentId: string): Promise<{ overdue: number; dueSoon: number }> {
    const from = now.toISOString();
    const until = new Date(now.getTime() + hours * 3_600_000).toISOString();
    const db = await connection.db();
    const index = db.transaction('complaints').store.index('assigneeDue');
    const [overdue, dueSoon] = await Promise.all([
      index.count(IDBKeyRange.bound([agentId, ''], [agentId, from], false, true)),
      index.count(IDBKeyRange.bound([agentId, from], [agentId, until])),
    ]);
    return { overdue, dueSoon };
  }
  return { countOwnDue };
}

export const { countOwnDue } = assignedOn(defaultConnection);
