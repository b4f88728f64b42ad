// The conflicts waiting on one complaint, as the view shows them (re-read on every register change).
import { useLiveRead } from '@/components/hooks/useLiveRead';
import { getHistory } from '@/lib/register/store/queries';
import { productSync } from '@/lib/register/store/sync-state';
import { type ShownConflict, showConflict } from '@/lib/sync/conflicts';

export function useConflicts(complaintId: string | undefined): ShownConflict[] {
  const read = useLiveRead(async () => {
    if (!complaintId) return [];
    const conflicts = await productSync.listConflicts(complaintId);
    if (conflicts.length === 0) return [];
    const history = await getHistory(complaintId);
    return conflicts.map((c) => showConflict(c, history));
  }, [complaintId]);
  return read.value ?? [];
}
