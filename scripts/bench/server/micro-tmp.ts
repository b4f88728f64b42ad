import { canonicalJson, GENESIS_HASH, sealEvent } from '../../../lib/register/history';
import { ComplaintSchema } from '../../../lib/register/schema';
import { type Operation, OperationSchema, PushRequestSchema } from '../../../lib/sync/protocol';
import { decide } from '../../../lib/sync/replay';
import { complaintOps } from './workload';

const N = 1000;
const sets: Operation[][] = [];
for (let i = 0; i < N; i++) sets.push(await complaintOps(true, `REC-2026-${String(i + 1).padStart(4, '0')}`));
const time = async (label: string, f: () => unknown | Promise<unknown>) => {
  for (let i = 0; i < 200; i++) await f();
  const t = performance.now();
  for (let i = 0; i < 2000; i++) await f();
  console.log(label.padEnd(30), (((performance.now() - t) / 2000) * 1000).toFixed(1), 'µs');
};
const [c, tr, no] = sets[0]!;
const body = JSON.stringify({ ops: sets[0] });
await time('JSON.parse 3 ops', () => JSON.parse(body));
await time('schema create op', () => OperationSchema.parse(c));
await time('schema transition op', () => OperationSchema.parse(tr));
await time('schema note op', () => OperationSchema.parse(no));
const d1 = decide(null, [], c!, 'Claire Martin');
if (d1.status !== 'fresh') throw new Error(JSON.stringify(d1));
await time('decide create', () => decide(null, [], c!, 'Claire Martin'));
const e1 = await sealEvent(d1.outcome.event, GENESIS_HASH, 0, c!.salts);
const cur1 = { ...d1.outcome.complaint, historyHead: e1.hash };
await time('seal create event', () => sealEvent(d1.outcome.event, GENESIS_HASH, 0, c!.salts));
await time('ComplaintSchema.parse', () => ComplaintSchema.parse(cur1));
await time('canonicalJson complaint', () => canonicalJson(cur1));
await time('JSON.stringify complaint', () => JSON.stringify(cur1));
const d2 = decide(cur1, [], tr!, 'Claire Martin');
if (d2.status !== 'fresh') throw new Error(JSON.stringify(d2));
await time('decide transition', () => decide(cur1, [], tr!, 'Claire Martin'));
await time('seal transition', () => sealEvent(d2.outcome.event, cur1.historyHead, 1, tr!.salts));
const e2 = await sealEvent(d2.outcome.event, cur1.historyHead, 1, tr!.salts);
const cur2 = { ...d2.outcome.complaint, historyHead: e2.hash };
await time('decide note', () => decide(cur2, [], no!, 'Claire Martin'));
console.log(
  'event sizes',
  JSON.stringify(e1).length,
  JSON.stringify(e2).length,
  'complaint',
  JSON.stringify(cur2).length,
);
