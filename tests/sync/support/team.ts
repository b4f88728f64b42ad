// The set-up the sync tests share: one real team server per test file (Fastify over the embedded PGlite,
// listening on loopback), a fresh fake IndexedDB per test, and agents of a fresh organisation, each with
// their own register (opened by name) connected through the background's own `whoAmI`.
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { type EngineDeps, whoAmI } from '@/lib/extension/background/sync-engine';
import type { WriteContext } from '@/lib/register/store/complaints';
import { registerConnection } from '@/lib/register/store/db';
import { openRegister, type Register } from '@/lib/register/store/register';
import { type SyncStore, syncOn } from '@/lib/register/store/sync-state';
import type { TeamConnection } from '@/lib/sync/connection';
import type { Role } from '@/lib/sync/protocol';
import { addAgent } from '../../../server/store/agents';
import { closeSharedPglite, openTestRegister, type TestRegister } from '../../server/support/engines';
import { freshDatabase } from '../../support/complaints';

export interface TeamAgent {
  /** The IndexedDB database's name of this agent's register. */
  name: string;
  register: Register;
  sync: SyncStore;
  deps: EngineDeps;
  connection: TeamConnection;
  /** The write context the background builds for a team register (handlers.ts `writeContext`). */
  w: () => WriteContext;
}

export interface TeamServer {
  /** The running server (its database, for the tests that look inside). */
  readonly server: TestRegister;
  /** Its loopback address. */
  readonly url: string;
  /** A fresh organisation's name (`Maison Lumen 3`…). */
  newOrg(prefix?: string): string;
  /** An agent of `org` with their own register, connected. */
  join(org: string, name: string, role: Role): Promise<TeamAgent>;
  /** Claire Martin (agent) and Paul Durand (manager) of a fresh organisation, and its name. */
  team(): Promise<[TeamAgent, TeamAgent, string]>;
  /** A register of its own (`name`), never joined, deleted after the test. */
  localRegister(name: string): Register;
}

/** Registers the file's hooks (server up once, fresh IndexedDB per test) and returns its helpers. */
export function useTeamServer(prefix: string): TeamServer {
  let server: TestRegister | undefined;
  let url = '';
  let orgCount = 0;
  const opened: Register[] = [];

  beforeAll(async () => {
    server = await openTestRegister('embedded');
    url = await server.app.listen({ port: 0, host: '127.0.0.1' });
  }, 180_000); // starting PGlite costs seconds of CPU
  afterAll(async () => {
    await server?.close();
    await closeSharedPglite();
  });
  beforeEach(() => freshDatabase());
  afterEach(async () => {
    for (const r of opened.splice(0)) await r.deleteDatabase();
  });

  const running = (): TestRegister => {
    if (!server) throw new Error('team server not started (useTeamServer registers beforeAll)');
    return server;
  };

  function localRegister(name: string): Register {
    const register = openRegister({ name });
    opened.push(register);
    return register;
  }

  async function join(org: string, name: string, role: Role): Promise<TeamAgent> {
    const { token } = await addAgent(running().db, { org, name, role });
    const dbName = `${prefix}-${orgCount}-${name.split(' ')[0]}`;
    const register = localRegister(dbName);
    const sync = syncOn(registerConnection(dbName));
    const deps: EngineDeps = { store: sync, fetch, now: () => new Date() };
    const agent = await whoAmI(deps, url, token);
    const connection = { server: url, token, agent, connectedAt: new Date().toISOString() };
    await sync.saveConnection(connection);
    return { name: dbName, register, sync, deps, connection, w: () => ({ now: new Date(), actor: agent.name, agent }) };
  }

  const newOrg = (orgPrefix = 'Maison Lumen') => `${orgPrefix} ${++orgCount}`;

  return {
    get server() {
      return running();
    },
    get url() {
      return url;
    },
    newOrg,
    join,
    async team() {
      const org = newOrg();
      return [await join(org, 'Claire Martin', 'agent'), await join(org, 'Paul Durand', 'manager'), org];
    },
    localRegister,
  };
}
