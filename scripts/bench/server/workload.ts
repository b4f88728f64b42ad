// The server bench's workload: operations made the agent's way (lib/sync/operations.ts), and a team
// server in a child process on loopback, on either engine, with one agent to push as.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_POLICY } from '../../../lib/deadlines/policy';
import type { Complaint } from '../../../lib/register/schema';
import { localOperation, type OperationSpec } from '../../../lib/sync/operations';
import type { Operation } from '../../../lib/sync/protocol';
import { formatReference, provisionalReference } from '../../../lib/sync/references';
import type { Actor } from '../../../lib/sync/replay';
import type { Db } from '../../../server/db/db';
import { migrate } from '../../../server/db/migrate';
import { pgDb } from '../../../server/db/pg';
import { pgliteDb } from '../../../server/db/pglite';
import { addAgent } from '../../../server/store/agents';
import { type Child, startChild } from '../../../tests/server/support/child-server';
import { freshDatabase } from '../../../tests/server/support/pg-admin';
import { input } from '../../../tests/server/support/sim-agent';

export type Engine = 'pg' | 'embedded';

export interface BenchServer {
  url: string;
  /** The server's process id (its CPU time is read from /proc by cpu-split.ts). */
  pid: number;
  token: string;
  /** The agent the token is for, as the server names it in the events it replays (the actor). */
  agent: Exclude<Actor, string>;
  /** SIGKILL by default; SIGTERM lets the server finish (and write a `--cpu-prof` profile). */
  stop(signal?: 'SIGKILL' | 'SIGTERM'): Promise<void>;
}

/** A fresh register (database or folder), one agent, and the server on it in a child process. */
export async function benchServer(
  engine: Engine,
  extraEnv: Record<string, string> = {},
  nodeFlags: readonly string[] = [],
): Promise<BenchServer> {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  let db: Db;
  if (engine === 'pg') {
    const fresh = await freshDatabase();
    env = { DATABASE_URL: fresh.url, DATABASE_POOL: '4' };
    cleanup = fresh.drop;
    db = pgDb({ url: fresh.url, max: 1 });
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'registre-bench-'));
    env = { SERVER_DATA_DIR: dir };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
    db = await pgliteDb({ dataDir: dir });
  }
  await migrate(db);
  const { token, agent } = await addAgent(db, { org: 'Maison Lumen', name: 'Claire Martin', role: 'agent' });
  await db.close();
  const child: Child = await startChild(
    { ...env, RATE_LIMIT: '100000000', LOG_LEVEL: 'warn', ...extraEnv },
    150_000,
    nodeFlags,
  );
  return {
    url: child.url,
    pid: child.process.pid ?? 0,
    token,
    agent: { id: agent.id, name: agent.name, role: agent.role },
    stop: async (signal = 'SIGKILL') => {
      if (signal === 'SIGTERM' && child.process.exitCode === null) {
        const exited = new Promise((resolve) => child.process.once('exit', resolve));
        child.process.kill('SIGTERM');
        await exited;
      }
      await child.kill();
      await cleanup();
    },
  };
}

/** Official references taken from the server in blocks of 500, as an agent's extension would. */
export class References {
  private next = 0;
  private last = -1;
  constructor(private server: BenchServer) {}

  async take(): Promise<string> {
    if (this.next > this.last) {
      const res = await fetch(`${this.server.url}/references/blocks`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.server.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ year: 2026, size: 500 }),
      });
      const block = (await res.json()) as { first: number; last: number };
      this.next = block.first;
      this.last = block.last;
    }
    return formatReference(2026, this.next++);
  }
}

let serial = 0;
/** A creation and, with `history`, the steps a real complaint goes through next (acknowledged, a note),
 *  made the agent's way (record functions run, events sealed) by `actor` (the server's agent: same hashes). */
export async function complaintOps(
  history: boolean,
  reference?: string,
  actor: Actor = 'Claire Martin',
): Promise<Operation[]> {
  return (await complaintMade(history, reference, actor)).map((m) => m.op);
}

/** The same with what the agent's register holds after each operation: the version and the sealed event. */
export async function complaintMade(history: boolean, reference: string | undefined, actor: Actor) {
  serial++;
  const at = (minutes: number) => new Date(Date.UTC(2026, 2, 2, 8, minutes, serial % 60));
  const spec = {
    kind: 'create',
    input: input(),
    reference: reference ?? provisionalReference(2026, Math.random()),
    policy: DEFAULT_POLICY,
  };
  const created = await localOperation(null, spec as OperationSpec, { now: at(0), actor });
  if (!history) return [created];
  let current: Complaint = created.complaint;
  const made = [created];
  for (const [i, next] of (
    [
      { kind: 'transition', to: 'acknowledged' },
      { kind: 'note', text: 'Client rappelé, photos demandées.' },
    ] as OperationSpec[]
  ).entries()) {
    const done = await localOperation(current, next, { now: at(i + 1), actor });
    made.push(done);
    current = done.complaint;
  }
  return made;
}

export async function post(server: BenchServer, ops: readonly Operation[]): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${server.url}/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ops }),
  });
  const body = (await res.json()) as { outcomes?: { status: string; sameHash?: boolean }[] };
  // Every operation applied, and sealed by the server into the very event the agent holds (same hash).
  if (res.status !== 200 || body.outcomes?.some((o) => o.status !== 'applied' || o.sameHash !== true)) {
    throw new Error(`push ${res.status}: ${JSON.stringify(body).slice(0, 500)}`);
  }
  return performance.now() - started;
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** CPU milliseconds (user + system) of process `pid` and of its children (the server's workers), read from
 *  /proc (Linux): less sensitive to other work on the machine than a rate. NaN where /proc is missing. */
export function processTreeCpuMs(pid: number): number {
  const stat = (p: string) => readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ms = (f: string[]) => ((Number(f[11]) + Number(f[12])) / 100) * 1000; // USER_HZ = 100
  try {
    let total = ms(stat(String(pid)));
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const f = stat(d);
        if (Number(f[1]) === pid) total += ms(f);
      } catch {} // a process that ended meanwhile
    }
    return total;
  } catch {
    return Number.NaN;
  }
}
