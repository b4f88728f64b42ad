// The team server (issue 12), on loopback, bounded in count and time: events per second the push endpoint
// holds with batches of 200 beside a naive client (one event per request and transaction), p50/p99, on
// both engines; then onboarding a register of 100,000 complaints with their history, and pulling it into
// an empty client, at the full 100,000 (BENCH_SCALE scales it down, BENCH_SERVER_COMPLAINTS sets it), bounded
// in time. `npm run bench server`.

import type { Operation } from '../../../lib/sync/protocol';
import { HeldRegister } from '../server/held-register';
import {
  type BenchServer,
  benchServer,
  complaintOps,
  type Engine,
  percentile,
  post,
  processTreeCpuMs,
  References,
} from '../server/workload';
import type { Figure, Suite } from '../suite';

const BATCH = 200;
const PUSH_EVENTS = Number(process.env.BENCH_SERVER_PUSH ?? 20_000);
const NAIVE_EVENTS = Number(process.env.BENCH_SERVER_NAIVE ?? 1_000);
/** Events pushed (in batches, not timed) before the timed push: a server that has just started spends its
 *  first seconds compiling its code (measured: the first 4,000 events cost 1.3–1.5× the CPU of the next).
 *  The naive baseline runs after the timed push, warm: both figures are then of a warm server. 0 = none. */
const WARMUP_EVENTS = Number(process.env.BENCH_SERVER_WARMUP ?? 2_000);
/** Time bounds of the onboarding and of the pull: past them the figure keeps what was done (extra.complete 0). */
const ONBOARD_MAX_S = Number(process.env.BENCH_SERVER_ONBOARD_MAX_S ?? 900);
const PULL_MAX_S = Number(process.env.BENCH_SERVER_PULL_MAX_S ?? 300);
/** Complaints of the onboarding baseline (operations made again in the client), scaled to the register. */
const BASELINE_COMPLAINTS = Number(process.env.BENCH_SERVER_BASELINE_COMPLAINTS ?? 2000);
const PULL_PAGE = 5000;
/** Server processes on PostgreSQL (`npm run server -- --workers N`); the embedded engine serves one. */
const WORKERS = Number(process.env.BENCH_SERVER_WORKERS ?? 2);
/** Agents pushing at once (a team server serves several; measured on 2 cores: with 2, each waiting for its
 *  batch's answer, the cores idled between round trips, 1,566 events/s; with 4, 2,370), and onboarding
 *  batches in flight at once. */
const PUSHERS = Number(process.env.BENCH_SERVER_PUSHERS ?? 4);
const IN_FLIGHT = Number(process.env.BENCH_SERVER_IN_FLIGHT ?? 2);
const serverEnv = (engine: Engine): Record<string, string> =>
  engine === 'pg' ? { SERVER_WORKERS: String(WORKERS) } : {};

async function makeOps(count: number, server: BenchServer): Promise<Operation[]> {
  const refs = new References(server);
  const ops: Operation[] = [];
  while (ops.length < count) ops.push(...(await complaintOps(false, await refs.take(), server.agent)));
  return ops;
}

async function pushFigure(engine: Engine, log: (line: string) => void): Promise<Figure> {
  const server = await benchServer(engine, serverEnv(engine));
  try {
    log(`${engine}: making ${WARMUP_EVENTS + PUSH_EVENTS + NAIVE_EVENTS} creations (not timed)`);
    const warmup = await makeOps(WARMUP_EVENTS, server);
    const ops = await makeOps(PUSH_EVENTS + NAIVE_EVENTS, server);
    const warmupStarted = performance.now();
    await Promise.all(
      Array.from({ length: PUSHERS }, async (_, k) => {
        for (let i = k * BATCH; i < warmup.length; i += PUSHERS * BATCH) await post(server, warmup.slice(i, i + BATCH));
      }),
    );
    const warmupMs = performance.now() - warmupStarted;
    const batched: number[] = [];
    const serverCpu0 = processTreeCpuMs(server.pid);
    const clientCpu0 = process.cpuUsage();
    const started = performance.now();
    // Several pushers at once, as several agents' extensions would: one batch replays while another writes.
    let nextBatch = 0;
    const pusher = async () => {
      for (let i = nextBatch; i < PUSH_EVENTS; i = nextBatch) {
        nextBatch += BATCH;
        batched.push(await post(server, ops.slice(i, i + BATCH)));
      }
    };
    await Promise.all(Array.from({ length: PUSHERS }, pusher));
    const batchMs = performance.now() - started;
    // CPU per event of the timed push: the server's processes (from /proc) and this client (process.cpuUsage).
    const serverUs = ((processTreeCpuMs(server.pid) - serverCpu0) / PUSH_EVENTS) * 1000;
    const clientCpu = process.cpuUsage(clientCpu0);
    const clientUs = (clientCpu.user + clientCpu.system) / PUSH_EVENTS;
    const naive: number[] = [];
    const naiveStarted = performance.now();
    for (const op of ops.slice(PUSH_EVENTS)) naive.push(await post(server, [op]));
    const naiveMs = performance.now() - naiveStarted;
    const perSecond = (PUSH_EVENTS / batchMs) * 1000;
    const naivePerSecond = (NAIVE_EVENTS / naiveMs) * 1000;
    if (WARMUP_EVENTS)
      log(`${engine}: warm-up ${WARMUP_EVENTS} events at ${((WARMUP_EVENTS / warmupMs) * 1000).toFixed(0)} events/s`);
    log(
      `${engine}: ${perSecond.toFixed(0)} events/s in batches of ${BATCH} (p50 ${percentile(batched, 50).toFixed(0)} ms, ` +
        `p99 ${percentile(batched, 99).toFixed(0)} ms per batch); naive ${naivePerSecond.toFixed(0)} events/s ` +
        `(p50 ${percentile(naive, 50).toFixed(1)} ms, p99 ${percentile(naive, 99).toFixed(1)} ms per event); ` +
        `CPU per event: server ${serverUs.toFixed(0)} µs, client ${clientUs.toFixed(0)} µs`,
    );
    return {
      id: `server-push-${engine}`,
      // Milliseconds per 1,000 events: ≤ 500 means ≥ 2,000 events/s.
      ms: (batchMs / PUSH_EVENTS) * 1000,
      runs: batched.length,
      baselineMs: (naiveMs / NAIVE_EVENTS) * 1000,
      baselineRuns: naive.length,
      ...(engine === 'pg' ? { target: { maxMs: 500 } } : {}),
      extra: {
        workers: engine === 'pg' ? WORKERS : 1,
        pushers: PUSHERS,
        warmupEvents: WARMUP_EVENTS,
        warmupEventsPerSecond: WARMUP_EVENTS ? Math.round((WARMUP_EVENTS / warmupMs) * 1000) : 0,
        eventsPerSecond: Math.round(perSecond),
        serverCpuUsPerEvent: Math.round(serverUs),
        clientCpuUsPerEvent: Math.round(clientUs),
        naiveEventsPerSecond: Math.round(naivePerSecond),
        batchP50Ms: Math.round(percentile(batched, 50)),
        batchP99Ms: Math.round(percentile(batched, 99)),
        naiveP50Ms: Math.round(percentile(naive, 50) * 10) / 10,
        naiveP99Ms: Math.round(percentile(naive, 99) * 10) / 10,
      },
    };
  } finally {
    await server.stop();
  }
}

interface Onboarded {
  complaints: number;
  events: number;
  ms: number;
  /** False when the time bound stopped it before the last complaint. */
  complete: boolean;
}

/** Pushes `count` complaints with their history in batches of 200 (whole complaints per batch, so batches
 *  are independent and IN_FLIGHT of them travel at once), made by `make`; stops at `deadline`. */
async function onboard(
  server: BenchServer,
  count: number,
  make: (reference: string) => Promise<Operation[]>,
  deadline: number,
): Promise<Onboarded> {
  const refs = new References(server);
  let complaints = 0;
  let events = 0;
  const started = performance.now();
  const inFlight: Promise<number>[] = [];
  while (complaints < count && performance.now() < deadline) {
    const ops: Operation[] = [];
    while (ops.length < BATCH - 2 && complaints < count) {
      ops.push(...(await make(await refs.take())));
      complaints++;
    }
    if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
    inFlight.push(post(server, ops));
    events += ops.length;
  }
  await Promise.all(inFlight);
  return { complaints, events, ms: performance.now() - started, complete: complaints === count };
}

/**
 * A register of 100,000 complaints with their history (3 events each) pushed from what the agent's extension
 * holds, then pulled into an empty client; the baseline is the former way, the client making each operation
 * again with the record functions, timed on a sample of the same register and scaled to its size.
 */
async function onboardFigures(count: number, log: (line: string) => void): Promise<Figure[]> {
  const server = await benchServer('pg', serverEnv('pg'));
  try {
    const held = await HeldRegister.make(server.agent);
    const pushed = await onboard(server, count, (ref) => held.complaint(ref), performance.now() + ONBOARD_MAX_S * 1000);
    log(
      `onboarding: ${pushed.complaints} of ${count} complaints, ${pushed.events} events in ${(pushed.ms / 1000).toFixed(1)} s` +
        (pushed.complete ? '' : ` (stopped at the ${ONBOARD_MAX_S} s bound)`),
    );

    const pullStarted = performance.now();
    const pullDeadline = pullStarted + PULL_MAX_S * 1000;
    let cursor = '0';
    let pulledEvents = 0;
    let pulledComplaints = 0;
    let more = true;
    while (more && performance.now() < pullDeadline) {
      const res = await fetch(`${server.url}/pull?cursor=${cursor}&limit=${PULL_PAGE}`, {
        headers: { authorization: `Bearer ${server.token}` },
      });
      const body = (await res.json()) as { events: unknown[]; complaints: unknown[]; cursor: string; more: boolean };
      pulledEvents += body.events.length;
      pulledComplaints += body.complaints.length;
      cursor = body.cursor;
      more = body.more;
    }
    const pullMs = performance.now() - pullStarted;
    log(
      `pull: ${pulledComplaints} complaints, ${pulledEvents} events in ${(pullMs / 1000).toFixed(1)} s` +
        (more ? ` (stopped at the ${PULL_MAX_S} s bound)` : ''),
    );

    const sample = Math.min(BASELINE_COMPLAINTS, count);
    const replayed = await onboard(
      server,
      sample,
      (ref) => complaintOps(true, ref, server.agent),
      performance.now() + ONBOARD_MAX_S * 1000,
    );
    const baselineMs = (replayed.ms / replayed.complaints) * count;
    log(
      `baseline (operations made again by the record functions in the client): ${replayed.complaints} complaints in ` +
        `${(replayed.ms / 1000).toFixed(1)} s, ≈ ${(baselineMs / 1000).toFixed(0)} s for ${count}`,
    );
    return [
      {
        id: 'server-onboard-100k',
        ms: pushed.ms,
        runs: 1,
        baselineMs,
        baselineRuns: 1,
        target: { maxMs: 120_000 },
        extra: {
          complaints: pushed.complaints,
          events: pushed.events,
          complete: pushed.complete ? 1 : 0,
          eventsPerSecond: Math.round((pushed.events / pushed.ms) * 1000),
          baselineComplaints: replayed.complaints,
          workers: WORKERS,
          inFlight: IN_FLIGHT,
        },
      },
      {
        id: 'server-pull-100k',
        ms: pullMs,
        runs: 1,
        target: { maxMs: 60_000 },
        extra: { complaints: pulledComplaints, events: pulledEvents, complete: more ? 0 : 1 },
      },
    ];
  } finally {
    await server.stop();
  }
}

const suite: Suite = {
  id: 'server',
  async run({ log, size }) {
    // BENCH_SERVER_PARTS=pg,embedded,onboard (all by default) runs some of them.
    const parts = (process.env.BENCH_SERVER_PARTS ?? 'pg,embedded,onboard').split(',');
    const figures: Figure[] = [];
    for (const engine of ['pg', 'embedded'] as const)
      if (parts.includes(engine)) figures.push(await pushFigure(engine, log));
    const complaints = process.env.BENCH_SERVER_COMPLAINTS
      ? Number(process.env.BENCH_SERVER_COMPLAINTS)
      : size(100_000);
    if (parts.includes('onboard')) figures.push(...(await onboardFigures(complaints, log)));
    return figures;
  },
};
export default suite;
