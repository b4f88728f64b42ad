// The bench's output: the printed table, the target verdicts and .bench/results.json, where each suite's
// figures are merged in by id so that running one suite keeps the others' latest figures.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { Figure, Target } from './suite';

/** A figure as stored in results.json. Other suites may store more fields: they are kept as they are. */
const StoredFigureSchema = z.looseObject({
  id: z.string(),
  ms: z.number().optional(),
  baselineMs: z.number().optional(),
  ratio: z.number().nullable().optional(),
});
export type StoredFigure = z.infer<typeof StoredFigureSchema>;

const ResultsSchema = z.looseObject({ figures: z.array(StoredFigureSchema).default([]) });
export type Results = z.infer<typeof ResultsSchema>;

export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('median of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** How many times faster than the baseline: `baselineMs / ms`. Null when it cannot be said (no baseline, 0 ms). */
export function ratioOf(figure: Pick<Figure, 'ms' | 'baselineMs'>): number | null {
  if (figure.baselineMs === undefined || !(figure.ms > 0)) return null;
  return figure.baselineMs / figure.ms;
}

/** A register size as figure ids write it: `100k` for 100,000; sizes not in whole thousands written out. */
export function sizeLabel(n: number): string {
  return n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n);
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

export function toStored(figure: Figure): StoredFigure {
  const stored: StoredFigure = { id: figure.id, ms: round(figure.ms, 3), ...figure.extra };
  if (figure.baselineMs !== undefined) {
    stored.baselineMs = round(figure.baselineMs, 3);
    const ratio = ratioOf(figure);
    stored.ratio = ratio === null ? null : round(ratio, 2);
  }
  if (figure.baselineMissing !== undefined) stored.baselineMissing = figure.baselineMissing;
  if (figure.peakHeapMb !== undefined) stored.peakHeapMb = round(figure.peakHeapMb, 1);
  if (figure.baselinePeakHeapMb !== undefined) stored.baselinePeakHeapMb = round(figure.baselinePeakHeapMb, 1);
  if (figure.bytes !== undefined) stored.bytes = figure.bytes;
  if (figure.baselineBytes !== undefined) stored.baselineBytes = figure.baselineBytes;
  return stored;
}

/**
 * The results file with `figures` merged in: a figure replaces the stored one with the same id (in place),
 * new ids are appended, and every other stored figure is kept. An unreadable previous file counts as empty.
 */
export function mergeResults(previous: unknown, figures: readonly Figure[]): Results {
  const parsed = ResultsSchema.safeParse(previous);
  const base: Results = parsed.success ? parsed.data : { figures: [] };
  const fresh = new Map(figures.map((f) => [f.id, toStored(f)]));
  const merged = base.figures.map((old) => {
    const replacement = fresh.get(old.id);
    fresh.delete(old.id);
    return replacement ?? old;
  });
  return { ...base, figures: [...merged, ...fresh.values()] };
}

/** Reads `path` (if any), merges `figures` in and writes it back, creating the folder. */
export function mergeIntoFile(path: string, figures: readonly Figure[]): Results {
  let previous: unknown;
  try {
    previous = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    previous = undefined;
  }
  const results = mergeResults(previous, figures);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
  return results;
}

const ms = (value: number | undefined) =>
  value === undefined ? '-' : value < 10 ? value.toFixed(2) : value.toFixed(1);
const times = (ratio: number | null) => (ratio === null ? '-' : `${ratio < 10 ? ratio.toFixed(1) : ratio.toFixed(0)}×`);
const MB = 2 ** 20;
/** A size as people read it: KB under a megabyte (a content script), MB above (a backup). */
const megabytes = (bytes: number | undefined) =>
  bytes === undefined ? '-' : bytes < MB ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / MB).toFixed(1)} MB`;
const heap = (mb: number | undefined) => (mb === undefined ? '-' : mb.toFixed(0));

/**
 * Issue 11's targets, by figure id (full-size runs only: a scaled run's ids, `restore-1k`…, have none).
 * A figure missing from the run does not meet its target: for restore-100k, "no crash" is part of it.
 */
export const TARGETS: Readonly<Record<string, Target>> = {
  'restore-10k': { maxMs: 6_000 },
  'restore-100k': { maxMs: 60_000, maxHeapMb: 500 },
  'backup-100k': { maxMs: 30_000, maxBytes: 250 * MB },
  'dashboard-complete-100k': { maxMs: 1_000 },
};

/** A figure the run should have given and did not, and why (the first line of the error that stopped it). */
export interface MissingFigure {
  id: string;
  suite: string;
  reason: string;
  /** Only the baseline beside the figure is missing. */
  baseline?: boolean;
}

// Terminal colour codes, as Playwright writes them into its messages.
const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** The first line of an error's message (Playwright's are long, with a call log), without colour codes. */
export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line =
    text
      .replace(ANSI_COLOUR, '')
      .split('\n')
      .find((l) => l.trim() !== '') ?? '';
  return line.trim() || (error instanceof Error ? error.name : 'unknown error');
}

/**
 * What a suite left out: the figures it reported missing itself (`ctx.missing`) unless it measured them
 * after all, every other expected id it did not record (with the error that stopped the suite, if it
 * crashed), and every baseline a recorded figure says is missing.
 */
export function missingFigures(
  suite: string,
  expected: readonly string[],
  recorded: readonly Figure[],
  crash?: unknown,
  reported: readonly MissingFigure[] = [],
): MissingFigure[] {
  const got = new Set(recorded.map((f) => f.id));
  const told = reported.filter((m) => !got.has(m.id));
  for (const m of told) got.add(m.id);
  const reason = crash === undefined ? 'not measured (the suite did not give it)' : `crashed: ${firstLine(crash)}`;
  return [
    ...told,
    ...expected.filter((id) => !got.has(id)).map((id) => ({ id, suite, reason })),
    ...recorded.flatMap((f) =>
      f.baselineMissing === undefined ? [] : [{ id: f.id, suite, reason: f.baselineMissing, baseline: true }],
    ),
  ];
}

/** A plain-text table: one row per figure, numbers right-aligned; ratio = baseline ms / ms. */
export function formatTable(figures: readonly Figure[]): string {
  const withHeap = figures.some((f) => f.peakHeapMb !== undefined || f.baselinePeakHeapMb !== undefined);
  const withBytes = figures.some((f) => f.bytes !== undefined || f.baselineBytes !== undefined);
  const header = [
    'figure',
    'runs (ours/baseline)',
    'ms',
    'baseline ms',
    'ratio',
    ...(withHeap ? ['peak heap MB', 'baseline heap MB'] : []),
    ...(withBytes ? ['file', 'baseline file'] : []),
  ];
  const rows = figures.map((f) => [
    f.id,
    f.baselineRuns === undefined ? String(f.runs) : `${f.runs}/${f.baselineRuns}`,
    ms(f.ms),
    f.baselineMissing === undefined ? ms(f.baselineMs) : 'missing',
    times(ratioOf(f)),
    ...(withHeap ? [heap(f.peakHeapMb), heap(f.baselinePeakHeapMb)] : []),
    ...(withBytes ? [megabytes(f.bytes), megabytes(f.baselineBytes)] : []),
  ]);
  return table(header, rows);
}

function table(header: string[], rows: string[][], leftColumns = 1): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < leftColumns ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The figures the run did not give, and why. */
export function formatMissing(missing: readonly MissingFigure[]): string {
  const rows = missing.map((m) => [m.baseline ? `${m.id} (baseline)` : m.id, m.suite, m.reason]);
  return table(['missing figure', 'suite', 'why'], rows, 3);
}

export interface TargetVerdict {
  id: string;
  label: string;
  met: boolean;
}

/**
 * One verdict per target (TARGETS, then what a figure declares itself): time ceiling, minimum ratio, peak
 * heap, file size. A figure with a target that is missing from the run gets one verdict, not met, saying why.
 */
export function checkTargets(figures: readonly Figure[], missing: readonly MissingFigure[] = []): TargetVerdict[] {
  const verdicts: TargetVerdict[] = [];
  for (const f of figures) {
    const { maxMs, minRatio, maxHeapMb, maxBytes } = { ...f.target, ...TARGETS[f.id] };
    if (maxMs !== undefined) verdicts.push({ id: f.id, label: `${ms(f.ms)} ms ≤ ${maxMs} ms`, met: f.ms <= maxMs });
    if (minRatio !== undefined) {
      const ratio = ratioOf(f);
      verdicts.push({ id: f.id, label: `${times(ratio)} ≥ ${minRatio}× the baseline`, met: (ratio ?? 0) >= minRatio });
    }
    if (maxHeapMb !== undefined) {
      const peak = f.peakHeapMb;
      verdicts.push({
        id: f.id,
        label: `peak heap ${peak === undefined ? 'not measured' : `${heap(peak)} MB`} < ${maxHeapMb} MB`,
        met: peak !== undefined && peak < maxHeapMb,
      });
    }
    if (maxBytes !== undefined) {
      verdicts.push({
        id: f.id,
        label: `file ${megabytes(f.bytes)} ≤ ${megabytes(maxBytes)}`,
        met: f.bytes !== undefined && f.bytes <= maxBytes,
      });
    }
  }
  const got = new Set(figures.map((f) => f.id));
  for (const m of missing) {
    if (m.baseline || got.has(m.id) || !TARGETS[m.id]) continue;
    got.add(m.id);
    verdicts.push({ id: m.id, label: `missing (${m.reason})`, met: false });
  }
  return verdicts;
}

export function formatTargets(verdicts: readonly TargetVerdict[]): string {
  return verdicts.map((v) => `${v.met ? 'met    ' : 'NOT met'}  ${v.id}: ${v.label}`).join('\n');
}
