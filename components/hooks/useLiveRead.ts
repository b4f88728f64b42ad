// The one way an extension page reads the register and stays current: `load` runs when `deps` change and,
// unless `follow` is off, again whenever the background announces a register change. Reads overlap (a change
// can land while a slow read runs): a read overtaken by a newer one is aborted and its result dropped, so an
// old answer never overwrites a fresh one. The last value stays on screen while the next read runs.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { onRegisterChange } from '@/lib/extension/protocol';

export interface LiveRead<T> {
  /** The newest read's result; undefined until the first read lands. */
  value: T | undefined;
  loading: boolean;
  /** Why the newest read failed; null while it runs or once it succeeded. */
  error: Error | null;
  /** Reads again now; settles when that read does (also when a newer one overtakes it). */
  reload: () => Promise<void>;
}

export interface LiveReadOptions {
  /** Re-read on every register change (default). Off for a read that follows `deps` only. */
  follow?: boolean;
}

/** `load` gets a signal that aborts once a newer read starts or the component goes: a long read may stop early. */
export function useLiveRead<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: readonly unknown[],
  { follow = true }: LiveReadOptions = {},
): LiveRead<T> {
  const [state, setState] = useState<Omit<LiveRead<T>, 'reload'>>({ value: undefined, loading: true, error: null });
  const latest = useRef(load);
  latest.current = load;
  const running = useRef<AbortController | null>(null);

  const reload = useCallback(async () => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setState((s) => (s.loading && !s.error ? s : { ...s, loading: true, error: null }));
    try {
      const value = await latest.current(controller.signal);
      if (!controller.signal.aborted) setState({ value, loading: false, error: null });
    } catch (error) {
      if (controller.signal.aborted) return;
      setState((s) => ({ ...s, loading: false, error: error instanceof Error ? error : new Error(String(error)) }));
    }
  }, []);

  useEffect(() => {
    void reload();
  }, deps);
  useEffect(() => (follow ? onRegisterChange(() => void reload()) : undefined), [follow]);
  useEffect(() => () => running.current?.abort(), []);

  return { ...state, reload };
}
