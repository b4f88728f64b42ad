import { useEffect, useState } from 'preact/hooks';

/** The current time, refreshed every `everyMs`: countdowns stay right while the panel stays open. */
export function useNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
