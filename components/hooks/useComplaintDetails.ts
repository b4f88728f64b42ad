// What the complaint view shows besides the record: its history with the chain verdict, and the
// similar complaints of the last 90 days (read on the receivedAt index, not the whole register).
import type { ChainVerdict, HistoryEvent } from '@/lib/register/history';
import type { Complaint } from '@/lib/register/schema';
import { type Similarity, similarComplaints } from '@/lib/register/similar';
import { getHistory, listReceivedSince, verifyComplaintChain } from '@/lib/register/store/queries';
import { useLiveRead } from './useLiveRead';

export interface ComplaintDetails {
  history: HistoryEvent[];
  verdict: ChainVerdict | null;
  similar: { complaint: Complaint; similarity: Similarity }[];
}

const WINDOW_DAYS = 90;
const NONE: ComplaintDetails = { history: [], verdict: null, similar: [] };

/** Re-read when the complaint itself changes (its `rev`), not on every register change. */
export function useComplaintDetails(complaint: Complaint | null | undefined): ComplaintDetails {
  const { value } = useLiveRead(
    async (): Promise<ComplaintDetails | undefined> => {
      if (!complaint) return undefined;
      const now = new Date();
      const since = new Date(now.getTime() - WINDOW_DAYS * 86_400_000).toISOString();
      const [history, verdict, recent] = await Promise.all([
        getHistory(complaint.id),
        verifyComplaintChain(complaint.id),
        listReceivedSince(since),
      ]);
      return { history, verdict, similar: similarComplaints(complaint, recent, now, WINDOW_DAYS) };
    },
    [complaint?.id, complaint?.rev],
    { follow: false },
  );
  return value ?? NONE;
}
