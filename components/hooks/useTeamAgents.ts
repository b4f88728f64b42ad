// The team's agents for the assignee picker and the dashboard's agent filter, asked of the background
// (which holds the token) once a page knows it works on a team register.
import { useEffect, useState } from 'preact/hooks';
import { send } from '@/lib/extension/protocol';
import type { TeamAgent } from '@/lib/sync/protocol';

export interface TeamAgents {
  agents: TeamAgent[] | null;
  error?: string;
}

export function useTeamAgents(enabled: boolean): TeamAgents {
  const [state, setState] = useState<TeamAgents>({ agents: null });
  useEffect(() => {
    if (!enabled) return;
    let gone = false;
    send({ type: 'team/agents' }).then(
      (agents) => !gone && setState({ agents }),
      (error: unknown) =>
        !gone && setState({ agents: null, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      gone = true;
    };
  }, [enabled]);
  return state;
}
