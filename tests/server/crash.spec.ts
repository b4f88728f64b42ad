// A server killed (SIGKILL) in the middle of a push and restarted: the agent pushes the same batch again,
// every event is stored exactly once, and a reader that kept its cursor across the crash misses nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../lib/deadlines/policy';
import { localOperation, type OperationSpec } from '../../lib/sync/operations';
import type { Operation } from '../../lib/sync/protocol';
import { provisionalReference } from '../../lib/sync/references';
import type { Db } from '../../server/db/db';
import { migrate } from '../../server/db/migrate';
import { pgDb } from '../../server/db/pg';
import { pgliteDb } from '../../server/db/pglite';
import { addAgent } from '../../server/store/agents';
import { type Child, startChild } from './support/child-server';
import { ENGINES, type Engine } from './support/engines';
import { freshDatabase } from './support/pg-admin';
import { input } from './support/sim-agent';

async function batch(n: number, offset: number): Promise<Operation[]> {
  const ops: Operation[] = [];
  for (let i = 0; i < n; i++) {
    const now = new Date(Date.UTC(2026, 2, 2, 8, 0, offset + i));
    const spec = {
      kind: 'create',
      input: input(),
      reference: provisionalReference(2026, Math.random()),
      policy: DEFAULT_POLICY,
    };
    ops.push((await localOperation(null, spec as OperationSpec, { now, actor: 'Claire Martin' })).op);
  }
  return ops;
}

/** Where the child server keeps the register, and a Db on it for the test's own checks. */
async function prepare(
  engine: Engine,
): Promise<{ env: Record<string, string>; open: () => Promise<Db>; cleanup: () => Promise<void> }> {
  if (engine === 'embedded') {
    const dir = mkdtempSync(join(tmpdir(), 'registre-crash-'));
    return {
      env: { SERVER_DATA_DIR: dir },
      open: () => pgliteDb({ dataDir: dir }),
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const fresh = await freshDatabase();
  return { env: { DATABASE_URL: fresh.url }, open: async () => pgDb({ url: fresh.url, max: 2 }), cleanup: fresh.drop };
}

describe.each(ENGINES)('crash in the middle of a push on %s', (engine) => {
  it('stores every event once after a restart, and a reader misses nothing', async () => {
    const where = await prepare(engine);
    let child: Child | undefined;
    try {
      const setup = await where.open();
      await migrate(setup);
      const { token, agent } = await addAgent(setup, { org: 'Maison Lumen', name: 'Claire Martin', role: 'agent' });
      await setup.close();
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const send = (url: string, ops: Operation[]) =>
        fetch(`${url}/push`, { method: 'POST', headers, body: JSON.stringify({ ops }) });
      const batches = [await batch(200, 0), await batch(200, 200), await batch(200, 400), await batch(200, 600)];

      child = await startChild(where.env);
      const seen: string[] = [];
      let cursor = '0';
      const read = async (url: string) => {
        for (let round = 0; round < 200; round++) {
          const res = await fetch(`${url}/pull?cursor=${cursor}&limit=300`, { headers });
          const page = (await res.json()) as { events: { id: string }[]; cursor: string; more: boolean };
          seen.push(...page.events.map((e) => e.id));
          cursor = page.cursor;
          if (!page.more) return;
        }
      };
      const started = Date.now();
      expect((await send(child.url, batches[0] as Operation[])).status).toBe(200);
      const pushMs = Date.now() - started;
      await read(child.url);
      // Killed while a batch is being replayed and written: a third of a push's time into it. A warm server
      // may finish a batch sooner than the first (cold) one took: then the next batch is tried, sooner.
      let killedMidPush = false;
      for (const [attempt, ops] of batches.slice(1).entries()) {
        const inFlight = send(child.url, ops).catch(() => null);
        await new Promise((r) => setTimeout(r, pushMs / (3 * 2 ** attempt)));
        await child.kill();
        killedMidPush = (await inFlight) === null;
        child = await startChild(where.env);
        if (killedMidPush) break;
      }
      expect(killedMidPush).toBe(true);

      // Every batch after the first is pushed again: those stored whole answer their stored outcomes.
      for (const ops of batches.slice(1)) {
        const res = await send(child.url, ops as Operation[]);
        expect(res.status).toBe(200);
        const { outcomes } = (await res.json()) as { outcomes: { status: string }[] };
        expect(outcomes.every((o) => o.status === 'applied')).toBe(true);
      }
      await read(child.url);
      await child.kill();
      child = undefined;

      const check = await where.open();
      const { rows } = await check.transaction({ org: agent.orgId }, (tx) =>
        tx.query<{ n: string; ids: string }>('SELECT count(*) AS n, count(DISTINCT id) AS ids FROM events'),
      );
      await check.close();
      expect([Number(rows[0]?.n), Number(rows[0]?.ids)]).toEqual([1600, 1600]);
      const pushed = batches.flat().map((op) => op.eventId);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBe(1600); // 800 creations + 800 official references assigned
      expect(pushed.every((id) => seen.includes(id))).toBe(true);
    } finally {
      await child?.kill();
      await where.cleanup();
    }
  });
});
