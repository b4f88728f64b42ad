import { mkdtempSync } from 'node:fs';
import { type Operation, PushRequestSchema } from '../../../lib/sync/protocol';
import { formatReference } from '../../../lib/sync/references';
import { migrate } from '../../../server/db/migrate';
import { pgDb } from '../../../server/db/pg';
import { pgliteDb } from '../../../server/db/pglite';
import { addAgent, agentByToken } from '../../../server/store/agents';
import { push } from '../../../server/store/push';
import { freshDatabase } from '../../../tests/server/support/pg-admin';
import { complaintOps } from './workload';

const engine = process.argv[2] ?? 'pg';
const N = Number(process.argv[3] ?? 2000);
let db;
let drop = async () => {};
if (engine === 'pg') {
  const f = await freshDatabase();
  db = pgDb({ url: f.url, max: 4 });
  drop = f.drop;
} else db = await pgliteDb({ dataDir: mkdtempSync('/tmp/prof/pgl-') });
await migrate(db);
const { token } = await addAgent(db, { org: 'Maison Lumen', name: 'Claire Martin', role: 'agent' });
const agent = (await agentByToken(db, token))!;
// block of references
const { handBlock } = await import('../../../server/store/references');
const sqlTimes = new Map<string, number>();
const origTx = db.transaction.bind(db);
db.transaction = (scope, work) =>
  origTx(scope, (tx) =>
    work({
      query: async (sql, params) => {
        const t = performance.now();
        const r = await tx.query(sql, params);
        const k = sql.slice(0, 50).replace(/\s+/g, ' ');
        sqlTimes.set(k, (sqlTimes.get(k) ?? 0) + performance.now() - t);
        return r;
      },
    }),
  );
const refs: string[] = [];
for (let b = 0; b < Math.ceil(N / 500); b++) {
  const blk = await handBlock(db, agent.orgId, agent.id, 2026, 500);
  for (let n = blk.first; n <= blk.last; n++) refs.push(formatReference(2026, n));
}
const ops: Operation[] = [];
for (let i = 0; i < N; i++) ops.push(...(await complaintOps(true, refs[i])));
const bodies: string[] = [];
for (let i = 0; i < ops.length; i += 198) bodies.push(JSON.stringify({ ops: ops.slice(i, i + 198) }));
let parseMs = 0,
  pushMs = 0,
  serMs = 0;
const t0 = performance.now();
for (const body of bodies) {
  let t = performance.now();
  const parsed = PushRequestSchema.parse(JSON.parse(body));
  parseMs += performance.now() - t;
  t = performance.now();
  const r = await push(db, agent, parsed.ops);
  pushMs += performance.now() - t;
  t = performance.now();
  JSON.stringify(r);
  serMs += performance.now() - t;
}
const total = performance.now() - t0;
console.log(
  `${engine}: ${ops.length} events ${(total / 1000).toFixed(2)} s => ${((ops.length / total) * 1000).toFixed(0)} ev/s; parse ${parseMs.toFixed(0)} push ${pushMs.toFixed(0)} ser ${serMs.toFixed(0)}`,
);
for (const [k, v] of [...sqlTimes].sort((a, b) => b[1] - a[1])) console.log(v.toFixed(0).padStart(7), k);
await db.close();
await drop();
