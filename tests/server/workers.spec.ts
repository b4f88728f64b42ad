// Several server processes on one port (`npm run server -- --workers N`) in front of one PostgreSQL: each
// serves the protocol, they stop together on SIGTERM, and an embedded folder refuses more than one.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../lib/deadlines/policy';
import { localOperation, type OperationSpec } from '../../lib/sync/operations';
import { provisionalReference } from '../../lib/sync/references';
import { migrate } from '../../server/db/migrate';
import { pgDb } from '../../server/db/pg';
import { addAgent } from '../../server/store/agents';
import { startChild } from './support/child-server';
import { freshDatabase } from './support/pg-admin';
import { input } from './support/sim-agent';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The node processes whose parent is `pid` (Linux /proc): the primary's workers, not tsx's esbuild. */
function nodeChildren(pid: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const parent = Number(readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
        return parent === pid && readFileSync(`/proc/${d}/comm`, 'utf8').trim() === 'node';
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('several server processes', () => {
  it('serve one PostgreSQL register on one port and stop together', async () => {
    const fresh = await freshDatabase();
    const setup = pgDb({ url: fresh.url, max: 1 });
    await migrate(setup);
    const { token } = await addAgent(setup, { org: 'Maison Lumen', name: 'Claire Martin', role: 'agent' });
    await setup.close();
    const child = await startChild({ DATABASE_URL: fresh.url, SERVER_WORKERS: '2' });
    try {
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      // Separate connections go round-robin to the workers: every one answers, all on the same register.
      const created = await Promise.all(
        Array.from({ length: 6 }, async (_, i) => {
          const spec = { kind: 'create', input: input(), reference: provisionalReference(2026, Math.random()) };
          const { op } = await localOperation(null, { ...spec, policy: DEFAULT_POLICY } as OperationSpec, {
            now: new Date(Date.UTC(2026, 2, 2, 8, 0, i)),
            actor: 'Claire Martin',
          });
          const res = await fetch(`${child.url}/push`, {
            method: 'POST',
            headers: { ...headers, connection: 'close' },
            body: JSON.stringify({ ops: [op] }),
          });
          return ((await res.json()) as { outcomes: { status: string }[] }).outcomes[0]?.status;
        }),
      );
      expect(created).toEqual(Array(6).fill('applied'));
      const pull = (await (await fetch(`${child.url}/pull?cursor=0`, { headers })).json()) as { complaints: unknown[] };
      expect(pull.complaints).toHaveLength(6);

      const workers = nodeChildren(child.process.pid ?? 0);
      expect(workers).toHaveLength(2);
      const exited = new Promise((resolve) => child.process.once('exit', resolve));
      child.process.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(workers.filter(alive)).toEqual([]);
    } finally {
      await child.kill();
      await fresh.drop();
    }
  });

  it('refuses more than one process on an embedded folder, in French', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'registre-workers-'));
    try {
      await expect(startChild({ SERVER_DATA_DIR: dir, SERVER_WORKERS: '2' })).rejects.toThrow(
        /un dossier embarqué ne sert qu’un seul processus/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
