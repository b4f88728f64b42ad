// What a benchmark suite is: one file in scripts/bench/suites/ exporting `{ id, run(ctx) }` as default.
// The runner (scripts/bench.ts) finds the files, gives each suite a context, prints and stores its figures.
import type { Session } from '../../tests/browser/support/chromium';

/** One measured figure. Times are medians, in milliseconds, taken inside the page. */
export interface Figure {
  id: string;
  ms: number;
  /** Number of timed runs behind `ms` (warm-up runs excluded). */
  runs: number;
  /** The naive way of getting the same answer, measured in the same run. */
  baselineMs?: number;
  baselineRuns?: number;
  /** What the figure should reach; the bench reports it but never fails on it. */
  target?: { maxMs?: number; minRatio?: number };
  /** Other measured facts stored with the figure (bytes, task counts…), printed by the suite itself. */
  extra?: Record<string, number>;
}

export interface SuiteContext {
  /** Project root (absolute). */
  root: string;
  /** Real Chromium with the built extension in a fresh profile: launched on first call, closed after the suite. */
  browser(): Promise<Session>;
  /** A progress line, printed indented under the suite's name. */
  log(line: string): void;
}

export interface Suite {
  id: string;
  run(ctx: SuiteContext): Promise<Figure[]>;
}
