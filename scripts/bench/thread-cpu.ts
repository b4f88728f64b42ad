// CPU time of the bench's own Chromium, thread by thread, from /proc (Linux only): the browser process found
// by its --load-extension argument, and every process under it. On a shared machine a wall time says little,
// but the CPU seconds an operation costs, and on which threads, hold whatever else runs beside it.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

const read = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

/** utime + stime (ticks) and comm from a /proc stat line (comm may hold spaces, inside parentheses). */
function statOf(text: string): { comm: string; ppid: number; ticks: number } | undefined {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < 0) return undefined;
  const fields = text.slice(close + 2).split(' ');
  return {
    comm: text.slice(open + 1, close),
    ppid: Number(fields[1]),
    ticks: Number(fields[11]) + Number(fields[12]),
  };
}

function kindOf(cmdline: string): string {
  const type = /--type=([a-z-]+)/.exec(cmdline)?.[1];
  if (!type) return 'browser';
  if (type !== 'utility') return type;
  return /--utility-sub-type=[a-z_.]*?([a-z_]+)\.mojom/.exec(cmdline)?.[1] ?? 'utility';
}

/** CPU seconds so far, keyed `kind:pid/thread`, of the Chromium that loaded `extensionDir` and its children. */
export function threadCpu(extensionDir: string): Map<string, number> {
  const procs = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  const parent = new Map<number, number>();
  const roots: number[] = [];
  for (const p of procs) {
    const stat = statOf(read(`/proc/${p}/stat`));
    if (!stat) continue;
    parent.set(Number(p), stat.ppid);
    if (stat.comm.startsWith('chrom') && read(`/proc/${p}/cmdline`).includes(`--load-extension=${extensionDir}`)) {
      roots.push(Number(p));
    }
  }
  const inTree = (pid: number) => {
    for (let p: number | undefined = pid, hops = 0; p && hops < 8; p = parent.get(p), hops++) {
      if (roots.includes(p)) return true;
    }
    return false;
  };
  const out = new Map<string, number>();
  for (const pid of parent.keys()) {
    if (!inTree(pid)) continue;
    const kind = kindOf(read(`/proc/${pid}/cmdline`).replaceAll('\0', ' '));
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    // The process's own count keeps the time of threads that have ended (a backup's workers are terminated
    // before the second reading): what the live threads do not account for is theirs.
    let exited = statOf(read(`/proc/${pid}/stat`))?.ticks ?? 0;
    for (const tid of tasks) {
      const stat = statOf(read(`/proc/${pid}/task/${tid}/stat`));
      if (!stat || stat.ticks === 0) continue;
      exited -= stat.ticks;
      const key = `${kind}:${pid}/${stat.comm.replace(/\d+$/, '')}`;
      out.set(key, (out.get(key) ?? 0) + stat.ticks / TICKS_PER_SECOND);
    }
    if (exited > 0) out.set(`${kind}:${pid}/(ended threads)`, exited / TICKS_PER_SECOND);
  }
  return out;
}

/** What `operation` cost in CPU seconds, by thread (threads under 0.1 s left out), and in all. */
export async function cpuOf<T>(
  extensionDir: string,
  operation: () => Promise<T>,
): Promise<{ result: T; total: number; threads: [string, number][] }> {
  const before = threadCpu(extensionDir);
  const result = await operation();
  const after = threadCpu(extensionDir);
  const threads: [string, number][] = [];
  let total = 0;
  for (const [key, s] of after) {
    const spent = s - (before.get(key) ?? 0);
    total += spent;
    if (spent >= 0.1) threads.push([key, spent]);
  }
  threads.sort((a, b) => b[1] - a[1]);
  return { result, total, threads };
}

export const cpuLine = (c: { total: number; threads: [string, number][] }) =>
  `CPU ${c.total.toFixed(1)} s (${c.threads
    .slice(0, 6)
    .map(([k, s]) => `${k} ${s.toFixed(1)}`)
    .join(', ')})`;

const totalCpu = (extensionDir: string) => [...threadCpu(extensionDir).values()].reduce((a, b) => a + b, 0);

/**
 * Waits until the bench's Chromium has gone quiet: under `cores` cores busy over `windows` windows of
 * `windowMs` in a row, at most `maxMs`. A browser just started works on its own for a while (its extension's
 * service worker, IndexedDB); a figure taken then measures that work as much as the operation. Says how long it
 * waited and the CPU seconds the browser spent meanwhile.
 */
export async function untilIdle(
  extensionDir: string,
  { cores = 0.1, windowMs = 2_000, windows = 2, maxMs = 180_000 } = {},
): Promise<{ ms: number; cpu: number; idle: boolean }> {
  const started = Date.now();
  const first = totalCpu(extensionDir);
  let last = first;
  let quiet = 0;
  while (Date.now() - started < maxMs) {
    await new Promise((done) => setTimeout(done, windowMs));
    const now = totalCpu(extensionDir);
    quiet = (now - last) / (windowMs / 1000) < cores ? quiet + 1 : 0;
    last = now;
    if (quiet >= windows) return { ms: Date.now() - started, cpu: now - first, idle: true };
  }
  return { ms: Date.now() - started, cpu: last - first, idle: false };
}
