// Wakes long-polling readers when a push commits in this process. Other processes behind the same
// database are noticed by the reader's own periodic check (routes/sync.ts), so the service stays stateless.
export class FeedSignal {
  private waiters = new Map<string, Set<() => void>>();
  private closed = false;

  notify(org: string): void {
    for (const wake of this.waiters.get(org) ?? []) wake();
  }

  /** Resolves after `ms`, on a notification for `org`, or at shutdown, whichever comes first. */
  wait(org: string, ms: number): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const set = this.waiters.get(org) ?? new Set();
      this.waiters.set(org, set);
      const done = () => {
        clearTimeout(timer);
        set.delete(done);
        if (!set.size) this.waiters.delete(org);
        resolve();
      };
      const timer = setTimeout(done, ms);
      set.add(done);
    });
  }

  /** Graceful shutdown: every waiting reader answers now. */
  close(): void {
    this.closed = true;
    for (const org of [...this.waiters.keys()]) this.notify(org);
  }

  get isClosed(): boolean {
    return this.closed;
  }
}
