// The team server (issue 12), on loopback, bounded in count and time: events per second the push endpoint
// holds with batches of 200 beside a naive client (one event per request and transaction), p50/p99, on
// both engines; then onboarding a register of 100,000 complaints with their history, and pulling it into
// an empty client. `npm run bench server`; BENCH_SERVER_COMPLAINTS sets the onboarding size.

import type { Operation } from '../../../lib/sync/protocol';
import { benchServer, complaintOps, type Engine, percentile, post, References } from '../server/workload';
import type { Figure, Suite } from '../suite';

const BATCH = 200;
const PUSH_EVENTS = Number(process.env.BENCH_SERVER_PUSH ?? 10_000);
const NAIVE_EVENTS = Number(process.env.BENCH_SERVER_NAIVE ?? 1_000);
const ONBOARD = Number(process.env.BENCH_SERVER_COMPLAINTS ?? 100_000);
const PULL_PAGE = 5000;
/** Server processes on PostgreSQL (`npm run server -- --workers N`); the embedded engine serves one. */
const WORKERS = Number(process.env.BENCH_SERVER_WORKERS ?? 2);
/** Agents pushing at once, and onboarding batches in flight at once. */
const PUSHERS = Number(process.env.BENCH_SERVER_PUSHERS ?? 2);
const IN_FLIGHT = Number(process.env.BENCH_SERVER_IN_FLIGHT ?? 2);
const serverEnv = (engine: Engine): Record<string, string> =>
  engine === 'pg' ? { SERVER_WORKERS: String(WORKERS) } : {};

async function makeOps(count: number, refs: References): Promise<Operation[]> {
  const ops: Operation[] = [];
  while (ops.length < count) ops.push(...(await complaintOps(false, await refs.take())));
  return ops;
}

async function pushFigure(engine: Engine, log: (line: string) => void): Promise<Figure> {
  const server = await benchServer(engine, serverEnv(engine));
  try {
    log(`${engine}: making ${PUSH_EVENTS + NAIVE_EVENTS} creations (not timed)`);
    const ops = await makeOps(PUSH_EVENTS + NAIVE_EVENTS, new References(server));
    const batched: number[] = [];
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
    const naive: number[] = [];
    const naiveStarted = performance.now();
    for (const op of ops.slice(PUSH_EVENTS)) naive.push(await post(server, [op]));
    const naiveMs = performance.now() - naiveStarted;
    const perSecond = (PUSH_EVENTS / batchMs) * 1000;
    const naivePerSecond = (NAIVE_EVENTS / naiveMs) * 1000;
    log(
      `${engine}: ${perSecond.toFixed(0)} events/s in batches of ${BATCH} (p50 ${percentile(batched, 50).toFixed(0)} ms, ` +
        `p99 ${percentile(batched, 99).toFixed(0)} ms per batch); naive ${naivePerSecond.toFixed(0)} events/s ` +
        `(p50 ${percentile(naive, 50).toFixed(1)} ms, p99 ${percentile(naive, 99).toFixed(1)} ms per event)`,
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
        eventsPerSecond: Math.round(perSecond),
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

/** 100,000 complaints with their history pushed in batches of 200, then pulled into an empty client. */
async function onboardFigures(log: (line: string) => void): Promise<Figure[]> {
  const server = await benchServer('pg', serverEnv('pg'));
  try {
    const refs = new References(server);
    let events = 0;
    let pushMs = 0;
    const started = performance.now();
    // Operations are made batch by batch (a real register is read the same way) while earlier ones are in
    // flight (each batch holds whole complaints, so batches are independent); the figure is the wall time
    // of the whole onboarding.
    const inFlight: Promise<number>[] = [];
    for (let complaints = 0; complaints < ONBOARD; ) {
      const ops: Operation[] = [];
      while (ops.length < BATCH - 2 && complaints < ONBOARD) {
        ops.push(...(await complaintOps(true, await refs.take())));
        complaints++;
      }
      if (inFlight.length >= IN_FLIGHT) pushMs += await (inFlight.shift() as Promise<number>);
      inFlight.push(post(server, ops));
      events += ops.length;
    }
    for (const p of inFlight) pushMs += await p;
    const onboardMs = performance.now() - started;
    log(
      `onboarding: ${ONBOARD} complaints, ${events} events in ${(onboardMs / 1000).toFixed(1)} s (requests in flight ${(pushMs / 1000).toFixed(1)} s in all)`,
    );

    const pullStarted = performance.now();
    let cursor = '0';
    let pulledEvents = 0;
    let pulledComplaints = 0;
    for (let page = 0; page < 10_000; page++) {
      const res = await fetch(`${server.url}/pull?cursor=${cursor}&limit=${PULL_PAGE}`, {
        headers: { authorization: `Bearer ${server.token}` },
      });
      const body = (await res.json()) as { events: unknown[]; complaints: unknown[]; cursor: string; more: boolean };
      pulledEvents += body.events.length;
      pulledComplaints += body.complaints.length;
      cursor = body.cursor;
      if (!body.more) break;
    }
    const pullMs = performance.now() - pullStarted;
    log(`pull: ${pulledComplaints} complaints, ${pulledEvents} events in ${(pullMs / 1000).toFixed(1)} s`);
    return [
      {
        id: 'server-onboard-100k',
        ms: onboardMs,
        runs: 1,
        target: { maxMs: 120_000 },
        extra: { complaints: ONBOARD, events, workers: WORKERS, inFlight: IN_FLIGHT },
      },
      {
        id: 'server-pull-100k',
        ms: pullMs,
        runs: 1,
        target: { maxMs: 60_000 },
        extra: { complaints: pulledComplaints, events: pulledEvents },
      },
    ];
  } finally {
    await server.stop();
  }
}

const suite: Suite = {
  id: 'server',
  async run({ log }) {
    // BENCH_SERVER_PARTS=pg,embedded,onboard (all by default) runs some of them.
    const parts = (process.env.BENCH_SERVER_PARTS ?? 'pg,embedded,onboard').split(',');
    const figures: Figure[] = [];
    for (const engine of ['pg', 'embedded'] as const)
      if (parts.includes(engine)) figures.push(await pushFigure(engine, log));
    if (parts.includes('onboard')) figures.push(...(await onboardFigures(log)));
    return figures;
  },
};
export default suite;
