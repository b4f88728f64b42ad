// The time a long pass (backup check, restore) still needs, from the rate so far (pure: time comes in).

/** Seconds left at the rate so far; null until there is enough to judge (a second and one item). */
export function secondsLeft(done: number, total: number, elapsedMs: number): number | null {
  if (done <= 0 || elapsedMs < 1_000 || total <= done) return total > 0 && done >= total ? 0 : null;
  return Math.ceil(((total - done) * elapsedMs) / done / 1_000);
}
