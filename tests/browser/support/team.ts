// A team for the two-agent browser test: a real team server in a child process (`npm run server`'s own
// entry) on the embedded engine (a fresh folder) or on the real PostgreSQL (a fresh database owned by the
// confined role, as the server tests do), its agents added with the command line, and one real Chromium
// profile per agent joined from the options page. The browser's permission prompt is browser UI that no
// test can click: the profiles load a copy of the build whose manifest already grants the loopback origin,
// as after the agent's "Allow" (support/helpdesk.ts); everything after it is the product's own code.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { type Child, startChild } from '../../server/support/child-server';
import type { Engine } from '../../server/support/engines';
import { freshDatabase, postgresReachable } from '../../server/support/pg-admin';
import { launch, type Session } from './chromium';
import { buildWithGrantedOrigins } from './helpdesk';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../../..');

/** The engines the browser test runs on: both when PostgreSQL is there, which CI requires (PG_ADMIN_URL). */
export async function browserTestEngines(): Promise<Engine[]> {
  if (process.env.PG_ADMIN_URL || (await postgresReachable())) return ['embedded', 'pg'];
  console.warn('PostgreSQL injoignable : le test à deux agents ne tourne que sur le moteur embarqué.');
  return ['embedded'];
}

export interface BrowserAgent {
  name: string;
  token: string;
  session: Session;
  options: Page;
  panel: Page;
}

export interface BrowserTeam {
  server: Child;
  agents: BrowserAgent[];
  /** Stops the server at once (SIGKILL), as a crash or a network cut would. */
  stop(): Promise<void>;
  /** Starts it again on the same address and the same data. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** The server's environment for `engine`, and how to remove its data afterwards. */
async function engineEnv(engine: Engine): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (engine === 'pg') {
    const fresh = await freshDatabase();
    return { env: { DATABASE_URL: fresh.url, LOG_LEVEL: 'warn' }, drop: fresh.drop };
  }
  const dir = mkdtempSync(join(tmpdir(), 'registre-team-'));
  return {
    env: { SERVER_DATA_DIR: dir, LOG_LEVEL: 'warn' },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function addAgent(env: Record<string, string>, org: string, name: string, role: string): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', 'server/main.ts', 'agent', 'add', '--org', org, '--name', name, '--role', role],
    { cwd: ROOT, env: { ...process.env, ...env } },
  );
  const token = stdout.trim().split('\n').pop()?.trim();
  if (!token) throw new Error(stdout);
  return token;
}

/** Joins the team from the options page, as the agent does; then opens the side panel. */
async function joinFromOptions(serverUrl: string, token: string): Promise<Omit<BrowserAgent, 'name' | 'token'>> {
  const session = await launch({ extensionDir: buildWithGrantedOrigins(['http://localhost']) });
  const options = await session.openPage('options.html');
  // The test browser resolves no host name but localhost (support/chromium.ts): the loopback by that name.
  await options.getByTestId('team-server').fill(serverUrl.replace('127.0.0.1', 'localhost'));
  await options.getByTestId('team-token').fill(token);
  await options.getByTestId('team-connect').click();
  await options
    .locator('[data-testid="team-identity"], [data-testid="team-message"]')
    .first()
    .waitFor({ timeout: 30_000 });
  if (await options.getByTestId('team-message').count()) {
    throw new Error(`connexion refusée : ${await options.getByTestId('team-message').textContent()}`);
  }
  const panel = await session.openPage('sidepanel.html');
  return { session, options, panel };
}

/** `members` ([name, role], one a manager) of `org` on a fresh server of `engine`, each joined in a browser. */
export async function startTeam(
  engine: Engine,
  org: string,
  members: readonly [string, string][],
): Promise<BrowserTeam> {
  const manager = members.find(([, role]) => role === 'manager');
  if (!manager) throw new Error('startTeam: one member must be a manager');
  const { env, drop } = await engineEnv(engine);
  // An embedded folder is locked while the server runs: the first manager is added before it starts, as
  // a team does; the manager's token adds the others through the running server (POST /agents).
  const tokens = new Map([[manager[0], await addAgent(env, org, manager[0], manager[1])]]);
  let server = await startChild(env);
  const port = new URL(server.url).port;
  const agents: BrowserAgent[] = [];
  const team: BrowserTeam = {
    get server() {
      return server;
    },
    agents,
    stop: () => server.kill(),
    async restart() {
      server = await startChild({ ...env, PORT: port });
    },
    async close() {
      for (const a of agents) await a.session.close();
      await server.kill();
      await drop();
    },
  };
  try {
    for (const [name, role] of members) {
      if (tokens.has(name)) continue;
      const res = await fetch(`${server.url}/agents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.get(manager[0])}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name, role }),
      });
      if (res.status !== 201) throw new Error(`POST /agents ${res.status}: ${await res.text()}`);
      tokens.set(name, ((await res.json()) as { token: string }).token);
    }
    // The profiles start side by side: each launch is seconds of CPU on its own.
    const joined = await Promise.allSettled(
      members.map(([name]) => joinFromOptions(server.url, tokens.get(name) as string)),
    );
    for (const [i, result] of joined.entries()) {
      const [name] = members[i] as [string, string];
      if (result.status === 'fulfilled') agents.push({ name, token: tokens.get(name) as string, ...result.value });
    }
    const failed = joined.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  } catch (error) {
    await team.close();
    throw error;
  }
  return team;
}
