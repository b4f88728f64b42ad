// Several server processes on one port (node:cluster), for a real PostgreSQL: the service is stateless and
// its work per push is CPU (replaying operations with the register's functions), so one process uses one
// core. The primary checks the database and migrates once, then forks the workers; the kernel's listening
// socket is shared and the primary hands connections round-robin. An embedded folder serves one process.
import cluster, { type Worker } from 'node:cluster';

export interface WorkerReady {
  ready: string;
}

/** Runs in the primary: forks `count` workers, prints one ready line once all listen, restarts a worker that
 *  dies unexpectedly, and on SIGINT/SIGTERM lets each finish its requests in flight before exiting. */
export async function runPrimary(count: number, describe: (address: string) => string): Promise<void> {
  let stopping = false;
  const addresses = new Set<string>();
  const started = new Set<Worker>();
  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.on('message', (message: WorkerReady) => {
      if (typeof message?.ready !== 'string') return;
      addresses.add(message.ready);
      started.add(worker);
      if (started.size === count) console.log(describe([...addresses].join(', ')));
    });
    return worker;
  };
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    if (!started.has(worker)) {
      // A worker that cannot even start (database unreachable…) would fail again: stop, its error is above.
      console.error(`Un processus du serveur n’a pas pu démarrer (code ${code}) : arrêt.`);
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
      process.exitCode = 1;
      return;
    }
    started.delete(worker);
    console.error(`Processus ${worker.process.pid} arrêté (${signal ?? code}) : relancé.`);
    fork();
  });
  for (let i = 0; i < count; i++) fork();
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.isDead()) return resolve();
            w.once('exit', () => resolve());
            w.process.kill('SIGTERM');
          }),
      ),
    );
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

export const isWorker = () => cluster.isWorker;

/** In a worker: tells the primary where it listens (the primary prints the one ready line). */
export function reportReady(address: string): void {
  process.send?.({ ready: address } satisfies WorkerReady);
}
