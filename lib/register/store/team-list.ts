// The team's agents as the server last listed them (`GET /team`, issue 13), kept in the `sync` store so that a
// fresh service worker with no server in reach still offers the reassignment picker. Like the token: never in
// a backup or an export (none reads the `sync` store), and forgotten on « Se déconnecter ».
import { z } from 'zod';
import { type TeamAgent, TeamAgentSchema } from '../../sync/protocol';
import { isoInstant } from '../schema';
import type { RegisterConnection } from './db';
import { SYNC_KEYS } from './sync-identity';

const KeptTeamSchema = z.object({
  server: z.string(),
  org: z.string(),
  agents: z.array(TeamAgentSchema),
  at: isoInstant,
});
export type KeptTeam = z.infer<typeof KeptTeamSchema>;

export function teamListOn(connection: RegisterConnection) {
  const db = () => connection.liveDb();

  async function saveTeamList(kept: KeptTeam): Promise<void> {
    await (await db()).put('sync', KeptTeamSchema.parse(kept), SYNC_KEYS.team);
  }

  /** The last list of that server's organisation; null when none was kept, or it does not parse. */
  async function getTeamList(server: string, org: string): Promise<TeamAgent[] | null> {
    const parsed = KeptTeamSchema.safeParse(await (await db()).get('sync', SYNC_KEYS.team));
    if (!parsed.success || parsed.data.server !== server || parsed.data.org !== org) return null;
    return parsed.data.agents;
  }

  async function forgetTeamList(): Promise<void> {
    await (await db()).delete('sync', SYNC_KEYS.team);
  }

  return { saveTeamList, getTeamList, forgetTeamList };
}
