// What a benchmark suite is: one file in scripts/bench/suites/ exporting `{ id, run(ctx) }` as default.
// The runner (scripts/bench.ts) finds the files, gives each suite a context, prints and stores its figures.
import type { Session } from '../../tests/browser/support/chromium';

/** What a figure should reach; the bench reports it but never fails on it. */
export interface Target {
  maxMs?: number;
  minRatio?: number;
  /** Peak JS heap of the page during the operation, in MB (2^20 bytes): must stay under it. */
  maxHeapMb?: number;
  /** Size of the file written, in bytes. */
  maxBytes?: number;
}

/** One measured figure. Times are medians, in milliseconds, taken inside the page. */
export interface Figure {
  id: string;
  ms: number;
  /** Number of timed runs behind `ms` (warm-up runs excluded). */
  runs: number;
  /** The naive (or previous) way of getting the same answer, measured in the same run. */
  baselineMs?: number;
  baselineRuns?: number;
  /** Why the baseline has no figure (it crashed, or cannot run at this size): its error's first line. */
  baselineMissing?: string;
  /** Peak JS heap of the page while the operation ran, in MB, sampled every ~200 ms (scripts/bench/heap.ts). */
  peakHeapMb?: number;
  baselinePeakHeapMb?: number;
  /** Size of the file the operation wrote, in bytes. */
  bytes?: number;
  baselineBytes?: number;
  /** What the figure should reach; the bench reports it but never fails on it. */
  target?: Target;
  /** Other measured facts stored with the figure (counts…), printed by the suite itself. */
  extra?: Record<string, number>;
}

export interface SuiteContext {
  /** Project root (absolute). */
  root: string;
  /** BENCH_SCALE (1 unless set): register sizes are multiplied by it, for a quick run of the whole bench. */
  scale: number;
  /** A register size of the full bench (e.g. 100_000) at this run's scale. */
  size(full: number): number;
  /** The figure-id suffix of a full-bench size at this run's scale: `100k` at scale 1, `1k` at 0.01. */
  label(full: number): string;
  /** Real Chromium with the built extension in a fresh profile: launched on first call, closed after the suite. */
  browser(): Promise<Session>;
  /** Closes the suite's browser (if any) and launches another, in a fresh profile: after a page crash. */
  freshBrowser(): Promise<Session>;
  /** Closes the suite's browser and launches it again on the same profile: what was stored is still there. */
  restartBrowser(): Promise<Session>;
  /**
   * Keeps a figure as soon as it is measured: should the suite crash later, the figures recorded so far are
   * printed and stored. Figures the suite returns are recorded too (a figure recorded twice is kept once).
   */
  record(figure: Figure): void;
  /** Reports a figure the suite could not measure (its operation crashed), and why; the suite carries on. */
  missing(id: string, error: unknown): void;
  /** A progress line, printed indented under the suite's name. */
  log(line: string): void;
}

export interface Suite {
  id: string;
  /** The ids of the figures a full run of the suite gives, so that the table can say which are missing. */
  expects?(ctx: Pick<SuiteContext, 'label' | 'scale'>): string[];
  run(ctx: SuiteContext): Promise<Figure[] | undefined>;
}
