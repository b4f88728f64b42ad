// The one live read of the register (useLiveRead): it reads, reads again when the background announces a
// change, drops a read that a newer one overtook, and says when a read failed.
import { act, cleanup, renderHook, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useLiveRead } from '@/components/hooks/useLiveRead';
import { CHANGE_KEY } from '@/lib/extension/protocol';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

/** A read the test answers by hand, in any order. */
function manualReads<T>() {
  const pending: ((value: T) => void)[] = [];
  const load = () => new Promise<T>((resolve) => pending.push(resolve));
  return { load, answer: (i: number, value: T) => act(async () => pending[i]?.(value)), started: () => pending.length };
}

const announceChange = (seq: number) =>
  act(async () => {
    await fakeBrowser.storage.local.set({ [CHANGE_KEY]: { at: new Date().toISOString(), ids: [], seq } });
  });

describe('a live read of the register', () => {
  it('reads on mount, then again on every register change, keeping the last value meanwhile', async () => {
    const reads = manualReads<string>();
    const { result } = renderHook(() => useLiveRead(reads.load, []));
    expect(result.current).toMatchObject({ value: undefined, loading: true, error: null });
    await reads.answer(0, 'first');
    expect(result.current).toMatchObject({ value: 'first', loading: false });

    await announceChange(1);
    expect(reads.started()).toBe(2);
    expect(result.current).toMatchObject({ value: 'first', loading: true });
    await reads.answer(1, 'second');
    expect(result.current).toMatchObject({ value: 'second', loading: false });
  });

  it('never lets a slow older read overwrite a newer one', async () => {
    const reads = manualReads<string>();
    const { result, rerender } = renderHook(({ id }) => useLiveRead(reads.load, [id]), { initialProps: { id: 'a' } });
    rerender({ id: 'b' });
    expect(reads.started()).toBe(2);
    await reads.answer(1, 'b');
    await reads.answer(0, 'a (late)');
    expect(result.current.value).toBe('b');
  });

  it('aborts the overtaken read, so a long read may stop early', async () => {
    const signals: AbortSignal[] = [];
    const { rerender } = renderHook(
      ({ id }) =>
        useLiveRead(
          (signal) => {
            signals.push(signal);
            return new Promise<string>(() => undefined);
          },
          [id],
        ),
      { initialProps: { id: 'a' } },
    );
    rerender({ id: 'b' });
    expect(signals.map((s) => s.aborted)).toEqual([true, false]);
  });

  it('reports a failed read and clears it once a read succeeds', async () => {
    let fail = true;
    const { result } = renderHook(() =>
      useLiveRead(async () => {
        if (fail) throw new Error('base illisible');
        return 'ok';
      }, []),
    );
    await waitFor(() => expect(result.current.error?.message).toBe('base illisible'));
    expect(result.current.loading).toBe(false);
    fail = false;
    await announceChange(2);
    await waitFor(() => expect(result.current).toMatchObject({ value: 'ok', error: null, loading: false }));
  });

  it('with `follow` off, reads again on its deps only, not on a register change', async () => {
    const reads = manualReads<string>();
    renderHook(() => useLiveRead(reads.load, [], { follow: false }));
    await reads.answer(0, 'once');
    await announceChange(3);
    expect(reads.started()).toBe(1);
  });
});
