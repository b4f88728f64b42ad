// What the complaint view shows besides the record: its history with the chain verdict, and the
// similar complaints of the last 90 days (read on the receivedAt index, not the whole register).
import { useEffect, useState } from 'preact/hooks';
import type { ChainVerdict, HistoryEvent } from '@/lib/register/history';
import type { Complaint } from '@/lib/register/schema';
import { type Similarity, similarComplaints } from '@/lib/register/similar';
import { getHistory, listReceivedSince, verifyComplaintChain } from '@/lib/register/store/queries';

export interface ComplaintDetails {
  history: HistoryEvent[];
  verdict: ChainVerdict | null;
  similar: { complaint: Complaint; similarity: Similarity }[];
}

const WINDOW_DAYS = 90;

export function useComplaintDetails(complaint: Complaint | null | undefined): ComplaintDetails {
  const [details, setDetails] = useState<ComplaintDetails>({ history: [], verdict: null, similar: [] });
  const id = complaint?.id;
  const rev = complaint?.rev;
  useEffect(() => {
    if (!complaint) return;
    let live = true;
    const now = new Date();
    const since = new Date(now.getTime() - WINDOW_DAYS * 86_400_000).toISOString();
    void Promise.all([getHistory(complaint.id), verifyComplaintChain(complaint.id), listReceivedSince(since)]).then(
      ([history, verdict, recent]) => {
        if (live) setDetails({ history, verdict, similar: similarComplaints(complaint, recent, now, WINDOW_DAYS) });
      },
    );
    return () => {
      live = false;
    };
  }, [id, rev]);
  return details;
}
