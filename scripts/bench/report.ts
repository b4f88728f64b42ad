// The bench's output: the printed table, the target verdicts and .bench/results.json, where each suite's
// figures are merged in by id so that running one suite keeps the others' latest figures.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { Figure } from './suite';

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

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

export function toStored(figure: Figure): StoredFigure {
  const stored: StoredFigure = { id: figure.id, ms: round(figure.ms, 3), ...figure.extra };
  if (figure.baselineMs !== undefined) {
    stored.baselineMs = round(figure.baselineMs, 3);
    const ratio = ratioOf(figure);
    stored.ratio = ratio === null ? null : round(ratio, 2);
  }
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

/** A plain-text table: one row per figure, numbers right-aligned; ratio = baseline ms / ms. */
export function formatTable(figures: readonly Figure[]): string {
  const header = ['figure', 'runs (ours/baseline)', 'ms', 'baseline ms', 'ratio'];
  const rows = figures.map((f) => [
    f.id,
    f.baselineRuns === undefined ? String(f.runs) : `${f.runs}/${f.baselineRuns}`,
    ms(f.ms),
    ms(f.baselineMs),
    times(ratioOf(f)),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export interface TargetVerdict {
  id: string;
  label: string;
  met: boolean;
}

/** One verdict per target a figure declares (time ceiling, minimum ratio). */
export function checkTargets(figures: readonly Figure[]): TargetVerdict[] {
  const verdicts: TargetVerdict[] = [];
  for (const f of figures) {
    const { maxMs, minRatio } = f.target ?? {};
    if (maxMs !== undefined) verdicts.push({ id: f.id, label: `${ms(f.ms)} ms ≤ ${maxMs} ms`, met: f.ms <= maxMs });
    if (minRatio !== undefined) {
      const ratio = ratioOf(f);
      verdicts.push({ id: f.id, label: `${times(ratio)} ≥ ${minRatio}× the baseline`, met: (ratio ?? 0) >= minRatio });
    }
  }
  return verdicts;
}

export function formatTargets(verdicts: readonly TargetVerdict[]): string {
  return verdicts.map((v) => `${v.met ? 'met    ' : 'NOT met'}  ${v.id}: ${v.label}`).join('\n');
}
