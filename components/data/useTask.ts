// A task run from a button: busy while it runs, then its French outcome (or its failure) to show.
import { useState } from 'preact/hooks';
import type { TaskStatus } from './ActionSection';

export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function useTask() {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<TaskStatus | undefined>();
  const run = async (work: () => Promise<string>, failed: (message: string) => string) => {
    setBusy(true);
    setStatus(undefined);
    try {
      setStatus({ kind: 'ok', text: await work() });
    } catch (error) {
      setStatus({ kind: 'error', text: failed(messageOf(error)) });
    } finally {
      setBusy(false);
    }
  };
  return { busy, status, run };
}
