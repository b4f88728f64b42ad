// Assignment in a team register (issue 13): handing a complaint to another agent, and the team's names for
// the picker. Part of the background's one handler map (handlers.ts). The names come from the server
// (`GET /team`, readable by every role); the last list is kept in the register's `sync` store (team-list.ts),
// so that the picker still works offline, even in a service worker started with no server in reach.
import { UserError } from '../../i18n';
import type { RequestOf, ResponseOf } from '../../protocol/messages';
import type { Complaint } from '../../register/schema';
import { assignComplaint, type WriteContext } from '../../register/store/complaints';
import { productSync } from '../../register/store/sync-state';
import { type TeamAgent, TeamListSchema } from '../../sync/protocol';
import { engineDeps } from './sync';
import { call, SyncFailure } from './sync-engine';

type AssignType = 'complaint/assign' | 'team/agents';
type AssignHandlers = { [T in AssignType]: (request: RequestOf<T>) => Promise<ResponseOf<T>> };

/** The team's active agents, from the server (kept for later), or the kept list when it cannot be reached. */
export async function teamAgents(): Promise<TeamAgent[]> {
  const connection = await productSync.getConnection();
  if (!connection) throw new UserError('team.error.notConnected');
  const { server, agent } = connection;
  try {
    const { agents } = TeamListSchema.parse(await call(engineDeps(), server, connection.token, '/team'));
    await productSync.saveTeamList({ server, org: agent.org, agents, at: new Date().toISOString() });
    return agents;
  } catch (error) {
    // Only a server out of reach: a revoked token or a refusal is said as such, not hidden by an old list.
    const away = error instanceof SyncFailure && (error.problem === 'offline' || error.problem === 'unreachable');
    const kept = away ? await productSync.getTeamList(server, agent.org) : null;
    if (kept) return kept;
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
