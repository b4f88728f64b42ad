// Profiles the team server under the bench's push workload: `npx tsx scripts/bench/server/profile.ts [pg|embedded]`
// starts the server with `--cpu-prof` (profile in PROFILE_DIR, default /tmp/registre-prof), pushes creations
// and onboarding batches, stops it gracefully (the profile is written at exit) and prints the top functions.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Operation } from '../../../lib/sync/protocol';
import { benchServer, complaintOps, type Engine, post, References } from './workload';

const engine = (process.argv[2] ?? 'pg') as Engine;
const dir = process.env.PROFILE_DIR ?? '/tmp/registre-prof';
const COMPLAINTS = Number(process.env.PROFILE_COMPLAINTS ?? 3000);
mkdirSync(dir, { recursive: true });
const before = new Set(readdirSync(dir));

const server = await benchServer(engine, {}, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
const refs = new References(server);
const ops: Operation[] = [];
for (let i = 0; i < COMPLAINTS; i++) ops.push(...(await complaintOps(true, await refs.take(), server.agent)));
const started = performance.now();
for (let i = 0; i < ops.length; i += 198) await post(server, ops.slice(i, i + 198));
const ms = performance.now() - started;
console.log(`${ops.length} events in ${(ms / 1000).toFixed(1)} s: ${((ops.length / ms) * 1000).toFixed(0)} events/s`);
await server.stop('SIGTERM');

const file = readdirSync(dir).find((f) => !before.has(f) && f.endsWith('.cpuprofile'));
if (!file) throw new Error('no profile written');
interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}
const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { nodes: Node[] };
const self = new Map<string, number>();
let total = 0;
for (const n of profile.nodes) {
  const where = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/.*\/(node_modules|work\/main)\//, '')}:${n.callFrame.lineNumber}`;
  self.set(where, (self.get(where) ?? 0) + n.hitCount);
  total += n.hitCount;
}
console.log(`profile ${join(dir, file)}: ${total} samples; top self time:`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
  console.log(`${((v / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
}

// Inclusive time: each function counted once per sample, wherever it sits in the stack.
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const inclusive = new Map<string, number>();
for (const n of profile.nodes) {
  if (!n.hitCount) continue;
  const seen = new Set<string>();
  for (let id: number | undefined = n.id; id !== undefined; id = parent.get(id)) {
    const f = byId.get(id) as Node;
    const where = `${f.callFrame.functionName || '(anon)'} ${f.callFrame.url.replace(/.*\/(node_modules|work\/main)\//, '')}:${f.callFrame.lineNumber}`;
    if (seen.has(where)) continue;
    seen.add(where);
    inclusive.set(where, (inclusive.get(where) ?? 0) + n.hitCount);
  }
}
console.log('top inclusive time (project code):');
for (const [k, v] of [...inclusive]
  .filter(([k]) => /(lib|server)\//.test(k) && !k.includes('node_modules'))
  .sort((a, b) => b[1] - a[1])
  .slice(0, 40)) {
  console.log(`${((v / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
}
