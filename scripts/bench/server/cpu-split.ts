// Where the CPU goes during a push run: the server process, PostgreSQL's processes and the bench client,
// read from /proc (Linux). `npx tsx scripts/bench/server/cpu-split.ts [pg|embedded] [events]`.
import { readdirSync, readFileSync } from 'node:fs';
import type { Operation } from '../../../lib/sync/protocol';
import { benchServer, complaintOps, type Engine, post, References } from './workload';

const TICK = 100; // USER_HZ
function cpuOf(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(f[11]) + Number(f[12])) / TICK) * 1000;
  } catch {
    return 0;
  }
}
/** The server's CPU: its process and its workers (children). */
function treeCpu(root: number): number {
  let ms = cpuOf(root);
  for (const d of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      const ppid = Number(readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
      if (ppid === root) ms += cpuOf(Number(d));
    } catch {}
  }
  return ms;
}
function postgresCpu(): number {
  let ms = 0;
  for (const d of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      if (readFileSync(`/proc/${d}/comm`, 'utf8').startsWith('postgres')) ms += cpuOf(Number(d));
    } catch {}
  }
  return ms;
}

const engine = (process.argv[2] ?? 'pg') as Engine;
const EVENTS = Number(process.argv[3] ?? 6000);
const history = process.env.HISTORY === '1';
const server = await benchServer(engine, { SERVER_WORKERS: process.env.WORKERS ?? '1' });
const refs = new References(server);
const ops: Operation[] = [];
while (ops.length < EVENTS) ops.push(...(await complaintOps(history, await refs.take(), server.agent)));
const pid = server.pid;
const s0 = treeCpu(pid),
  p0 = postgresCpu(),
  c0 = process.cpuUsage();
const started = performance.now();
let next = 0;
const pusher = async () => {
  for (let i = next; i < ops.length; i = next) {
    next += 198;
    await post(server, ops.slice(i, i + 198));
  }
};
await Promise.all(Array.from({ length: Number(process.env.PUSHERS ?? 2) }, pusher));
const wall = performance.now() - started;
const c = process.cpuUsage(c0);
const per = (ms: number) => `${((ms / ops.length) * 1000).toFixed(0)} µs/event`;
console.log(
  `${engine}: ${ops.length} events in ${(wall / 1000).toFixed(2)} s = ${((ops.length / wall) * 1000).toFixed(0)} events/s`,
);
console.log(
  `  server ${per(treeCpu(pid) - s0)}; postgres ${per(postgresCpu() - p0)}; client ${per((c.user + c.system) / 1000)}`,
);
await server.stop();
