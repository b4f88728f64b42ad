// A/B: the replay of onboarding ops (create, transition, note) with the current tree vs /tmp/baseline.

import * as BH from '/tmp/baseline/lib/register/history';
import * as B from '/tmp/baseline/lib/sync/replay';
import * as AH from '/work/main/lib/register/history';
import * as A from '/work/main/lib/sync/replay';
import { complaintOps } from '/work/main/scripts/bench/server/workload';

const sets = [];
for (let i = 0; i < 200; i++) sets.push(await complaintOps(true, `REC-2026-${String(i + 1).padStart(4, '0')}`));
async function replay(R: typeof A, H: typeof AH) {
  for (const ops of sets) {
    let cur = null;
    for (const op of ops) {
      const d = R.decide(cur, [], op, 'Claire Martin');
      if (d.status !== 'fresh') throw new Error(JSON.stringify(d));
      const e = await H.sealEvent(d.outcome.event, cur?.historyHead ?? H.GENESIS_HASH, cur?.rev ?? 0, op.salts);
      if (e.hash !== op.hash) throw new Error('hash differs');
      cur = { ...d.outcome.complaint, historyHead: e.hash };
    }
  }
}
const res = { A: [] as number[], B: [] as number[] };
for (let r = 0; r < 6; r++)
  for (const [k, R, H] of [
    ['A', A, AH],
    ['B', B, BH],
  ] as const) {
    const t = performance.now();
    await replay(R as typeof A, H as typeof AH);
    res[k].push((performance.now() - t) / sets.length);
  }
const min = (x: number[]) => Math.min(...x.slice(1)).toFixed(0);
const med = (x: number[]) => [...x.slice(1)].sort((a, b) => a - b)[2]!.toFixed(0);
console.log(`per complaint (3 ops) replay+seal: current min ${(+min(res.A) * 1000) / 1000} ms... `);
console.log(
  `current: min ${min(res.A.map((v) => v * 1000))} µs, median ${med(res.A.map((v) => v * 1000))} µs; baseline: min ${min(res.B.map((v) => v * 1000))} µs, median ${med(res.B.map((v) => v * 1000))} µs`,
);
