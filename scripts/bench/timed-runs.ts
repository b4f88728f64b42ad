// Timing inside a bench page: the one loop the page-side bench entries share.

/** Each timed run's milliseconds, and the last run's answer. */
export interface Measurement {
  samples: number[];
  result: unknown;
}

/** Runs `run(...args)` `warmup` times untimed, then `runs` times timed. */
export async function timedRuns(
  run: (...args: string[]) => Promise<unknown>,
  args: string[],
  runs: number,
  warmup: number,
): Promise<Measurement> {
  let result: unknown;
  for (let i = 0; i < warmup; i++) result = await run(...args);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = await run(...args);
    samples.push(performance.now() - t);
  }
  return { samples, result };
}
