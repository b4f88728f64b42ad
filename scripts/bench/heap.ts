// The page's JS heap while an operation runs, read over the DevTools protocol (Performance.getMetrics,
// JSHeapUsedSize) every ~200 ms. The page answers between its tasks, so a peak inside one long task can be
// missed: the figure is a floor of the true peak, good enough to tell a flat heap from one that grows with
// the register. The heap is garbage-collected first, so that a run does not pay for the one before.
import type { CDPSession, Page } from 'playwright-core';

const INTERVAL_MS = 200;
const MB = 2 ** 20;

export interface HeapWatch<T> {
  result: T;
  /** Highest JSHeapUsedSize seen, in MB (2^20 bytes). */
  peakMb: number;
  /** The heap when the operation began (after garbage collection), in MB. */
  startMb: number;
  samples: number;
}

async function usedHeap(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / MB;
}

/** Runs `operation` while sampling `page`'s heap; a sample that fails (the page is busy closing) is skipped. */
export async function watchHeap<T>(page: Page, operation: () => Promise<T>): Promise<HeapWatch<T>> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const startMb = await usedHeap(cdp);
    let peakMb = startMb;
    let samples = 1;
    let sampling = true;
    const loop = (async () => {
      while (sampling) {
        await new Promise((done) => setTimeout(done, INTERVAL_MS));
        if (!sampling) break;
        const mb = await usedHeap(cdp).catch(() => undefined);
        if (mb !== undefined) {
          peakMb = Math.max(peakMb, mb);
          samples++;
        }
      }
    })();
    try {
      const result = await operation();
      return { result, peakMb: Math.max(peakMb, await usedHeap(cdp).catch(() => 0)), startMb, samples: samples + 1 };
    } finally {
      sampling = false;
      await loop;
    }
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
