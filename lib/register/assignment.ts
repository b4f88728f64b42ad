// Who may hand a team complaint to another agent (issue 13): a manager, or the agent holding it. A
// complaint nobody holds (logged before the team register knew assignees) may be taken by any agent; an
// auditor never writes. Pure: the server (lib/sync/replay.ts) and the side panel apply the same rule.
import type { Complaint } from './schema';

export interface ActingAgent {
  id: string;
  role: 'agent' | 'manager' | 'auditor';
}

export function canAssign(c: Pick<Complaint, 'assignee'>, agent: ActingAgent): boolean {
  if (agent.role === 'auditor') return false;
  if (agent.role === 'manager') return true;
  return c.assignee === undefined || c.assignee.id === agent.id;
}

/** Whether `c` belongs to the agent `agentId` (the « À moi » filter and the agent's own badge). */
export const isMine = (c: Pick<Complaint, 'assignee'>, agentId: string): boolean => c.assignee?.id === agentId;
