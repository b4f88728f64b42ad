// Reads what the case file shows: the complaint (its letters as they were sent), its history and chain
// verdict, and the settings. Letters are never re-rendered here: the register keeps the text that went out.
import { useLiveRead } from '@/components/hooks/useLiveRead';
import { setLang } from '@/lib/i18n';
import type { ChainVerdict, HistoryEvent } from '@/lib/register/history';
import type { Complaint } from '@/lib/register/schema';
import { getComplaint, getHistory, verifyComplaintChain } from '@/lib/register/store/queries';
import { getSettings } from '@/lib/register/store/settings';
import type { Settings } from '@/lib/settings/schema';

export type CaseFileData =
  | { state: 'loading' }
  | { state: 'notFound' }
  | {
      state: 'ready';
      complaint: Complaint;
      history: HistoryEvent[];
      verdict: ChainVerdict;
      settings: Settings;
    };

const LOADING: CaseFileData = { state: 'loading' };

/** Read once per id: the case file does not follow register changes. */
export function useCaseFile(id: string | null): CaseFileData {
  const { value } = useLiveRead(
    async (): Promise<CaseFileData> => {
      if (!id) return { state: 'notFound' };
      const settings = await getSettings();
      setLang(settings.lang);
      const complaint = await getComplaint(id);
      if (!complaint) return { state: 'notFound' };
      const [history, verdict] = await Promise.all([getHistory(id), verifyComplaintChain(id)]);
      return { state: 'ready', complaint, history, verdict, settings };
    },
    [id],
    { follow: false },
  );
  return value ?? LOADING;
}
