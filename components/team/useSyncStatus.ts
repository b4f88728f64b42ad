// The sync state the background publishes, kept current for a page (and the live channel held open while
// the page shows the register, so the team's changes arrive within seconds).
import { useEffect, useState } from 'preact/hooks';
import { onSyncStatus, openLiveChannel, readSyncStatus } from '@/lib/extension/team';
import { OFF_STATUS, type SyncStatus } from '@/lib/sync/connection';

export function useSyncStatus({ live = false }: { live?: boolean } = {}): SyncStatus {
  const [status, setStatus] = useState<SyncStatus>(OFF_STATUS);
  useEffect(() => {
    let gone = false;
    void readSyncStatus().then((s) => {
      if (!gone) setStatus(s);
    });
    const stop = onSyncStatus(setStatus);
    const close = live ? openLiveChannel() : () => undefined;
    return () => {
      gone = true;
      stop();
      close();
    };
  }, [live]);
  return status;
}
