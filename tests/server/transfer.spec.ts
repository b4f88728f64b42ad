// Moving an embedded register to a real PostgreSQL (`npm run server -- transfer --to …`): every row of
// every organisation arrives, tokens keep working, and the feed reads the same.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { migrate } from '../../server/db/migrate';
import { pgDb } from '../../server/db/pg';
import { pgliteDb } from '../../server/db/pglite';
import { addAgent } from '../../server/store/agents';
import { transfer } from '../../server/transfer';
import { freshDatabase } from './support/pg-admin';
import { input, SimAgent } from './support/sim-agent';

describe('transfer from the embedded engine to PostgreSQL', () => {
  it('carries every organisation’s rows, tokens and feed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'registre-transfer-'));
    const fresh = await freshDatabase();
    try {
      const embedded = await pgliteDb({ dataDir: dir });
      await migrate(embedded);
      const app = await buildApp({ db: embedded, schemaVersion: 2 });
      const lumen = await addAgent(embedded, { org: 'Maison Lumen', name: 'Claire Martin', role: 'agent' });
      const nord = await addAgent(embedded, { org: 'Atelier Nord', name: 'Luc Petit', role: 'manager' });
      const claire = new SimAgent(app, lumen.token, 'Claire Martin');
      const luc = new SimAgent(app, nord.token, 'Luc Petit');
      for (let i = 0; i < 5; i++)
        await claire.create(input({ subject: `Réclamation ${i}` }), new Date(Date.UTC(2026, 2, 2, 10, i)));
      const c = await luc.create(input(), new Date(Date.UTC(2026, 2, 3, 10)));
      await luc.act(c.id, { kind: 'note', text: 'Rappel prévu' }, new Date(Date.UTC(2026, 2, 3, 11)));
      await claire.push();
      await luc.push();
      await claire.pull();
      await app.close();
      await embedded.close();

      const source = await PGlite.create(dir);
      const target = pgDb({ url: fresh.url, max: 2 });
      await migrate(target);
      const report = await transfer(source, target);
      await source.close();
      expect(report).toEqual({
        orgs: 2,
        rows: {
          agents: 2,
          complaints: 6,
          events: 13,
          op_outcomes: 7,
          reference_counters: 2,
          reference_blocks: 0,
          settings: 0,
          templates: 0,
        },
      });
      const moved = await buildApp({ db: target, schemaVersion: 2 });
      const reader = new SimAgent(moved, lumen.token, 'Claire Martin');
      await reader.pull();
      expect([...reader.complaints.values()]).toEqual([...claire.complaints.values()]);
      // The counters came along: the next reference continues the sequence.
      const next = new SimAgent(moved, lumen.token, 'Claire Martin');
      await next.create(input(), new Date(Date.UTC(2026, 2, 4, 10)));
      expect((await next.push())[0]).toMatchObject({ status: 'applied', reference: 'REC-2026-0006' });
      await moved.close();
      await target.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await fresh.drop();
    }
  });
});
