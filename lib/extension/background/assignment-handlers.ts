// Assignment in a team register (issue 13): handing a complaint to another agent, and the team's names for
// the picker. Part of the background's one handler map (handlers.ts). The names come from the server
// (`GET /team`, readable by every role); the last list is kept for this worker's life so the picker still
// works for a while offline.
import { UserError } from '../../i18n';
import type { RequestOf, ResponseOf } from '../../protocol/messages';
import type { Complaint } from '../../register/schema';
import { assignComplaint, type WriteContext } from '../../register/store/complaints';
import { productSync } from '../../register/store/sync-state';
import { type TeamAgent, TeamListSchema } from '../../sync/protocol';
import { engineDeps } from './sync';
import { call } from './sync-engine';

type AssignType = 'complaint/assign' | 'team/agents';
type AssignHandlers = { [T in AssignType]: (request: RequestOf<T>) => Promise<ResponseOf<T>> };

let known: { server: string; org: string; agents: TeamAgent[] } | null = null;

/** The team's active agents, from the server, or the last list read from it when it cannot be reached. */
export async function teamAgents(): Promise<TeamAgent[]> {
  const connection = await productSync.getConnection();
  if (!connection) throw new UserError('team.error.notConnected');
  const same = known?.server === connection.server && known.org === connection.agent.org;
  try {
    const { agents } = TeamListSchema.parse(await call(engineDeps(), connection.server, connection.token, '/team'));
    known = { server: connection.server, org: connection.agent.org, agents };
    return agents;
  } catch (error) {
    if (same && known) return known.agents;
    throw error;
  }
}

export function assignmentHandlers(
  writeContext: () => Promise<WriteContext>,
  written: (work: (w: WriteContext) => Promise<Complaint>) => Promise<Complaint>,
): AssignHandlers {
  return {
    'complaint/assign': async ({ id, rev, assignee }) => {
      const w = await writeContext();
      if (!w.agent) throw new UserError('team.error.notConnected');
      return written((ctx) => assignComplaint(id, rev, assignee, ctx));
    },
    'team/agents': () => teamAgents(),
  };
}
