// Schema migrations applied from the first version on a filled database; the OpenAPI document in the
// repository is the one the schemas generate.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate, migrations, statements } from '../../server/db/migrate';
import { openApiDocument } from '../../server/openapi';
import { addAgent } from '../../server/store/agents';
import { closeSharedPglite, ENGINES, openTestRegister } from './support/engines';
import { call } from './support/http';
import { input, SimAgent } from './support/sim-agent';

afterAll(closeSharedPglite);

describe.each(ENGINES)('migrations on %s', (engine) => {
  it('migrates a filled database from version 1 and gives auditors their view', async () => {
    const reg = await openTestRegister(engine, { upTo: 1 });
    try {
      const boss = await addAgent(reg.db, { org: 'Maison Lumen', name: 'Paul Durand', role: 'manager' });
      const auditor = await addAgent(reg.db, { org: 'Maison Lumen', name: 'Inès Audit', role: 'auditor' });
      const paul = new SimAgent(reg.app, boss.token, 'Paul Durand');
      const c = await paul.create(input(), new Date('2026-03-02T10:00:00Z'));
      await paul.act(c.id, { kind: 'transition', to: 'acknowledged' }, new Date('2026-03-03T10:00:00Z'));
      await paul.push();
      expect(await migrate(reg.db)).toEqual(
        migrations()
          .slice(1)
          .map((m) => m.version),
      );
      expect(await migrate(reg.db)).toEqual([]);
      const view = await call<{ rows: Record<string, unknown>[] }>(reg.app, auditor.token, 'GET', '/audit/register');
      expect(view.status).toBe(200);
      expect(view.body.rows).toHaveLength(1);
      expect(view.body.rows[0]).toMatchObject({
        reference: 'REC-2026-0001',
        phase: 'acknowledged',
        ack_status: 'tenu',
        category: 'livraison',
      });
    } finally {
      await reg.close();
    }
  });
});

describe('migration files and protocol document', () => {
  it('splits statements outside dollar-quoted bodies', () => {
    expect(statements('CREATE FUNCTION f() AS $$ SELECT 1; $$;\n-- note;\nSELECT 2;')).toEqual([
      'CREATE FUNCTION f() AS $$ SELECT 1; $$;',
      'SELECT 2;',
    ]);
  });

  it('checks in the OpenAPI document the zod schemas generate (npm run server:openapi rewrites it)', () => {
    const stored = JSON.parse(readFileSync(new URL('../../server/openapi.json', import.meta.url), 'utf8'));
    expect(stored).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });
});
