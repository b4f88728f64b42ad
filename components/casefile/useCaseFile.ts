// Reads what the case file shows: the complaint, its history and chain verdict, the settings, and the
// letters re-rendered from the record as they were written (same template version when the agent's
// edited copy of that version is still there, and the sending date as the letter's date).
import { useEffect, useState } from 'preact/hooks';
import type { z } from 'zod';
import { setLang } from '@/lib/i18n';
import type { TemplateOverrides } from '@/lib/letters/meta';
import { getTemplateOverrides } from '@/lib/letters/overrides-store';
import { type RenderResult, renderLetter } from '@/lib/letters/render';
import type { ChainVerdict, HistoryEvent } from '@/lib/register/history';
import { getComplaint, getHistory, verifyComplaintChain } from '@/lib/register/queries';
import type { Complaint, LetterRecordSchema } from '@/lib/register/schema';
import type { Settings } from '@/lib/settings/schema';
import { getSettings } from '@/lib/settings/store';

export type CaseFileData =
  | { state: 'loading' }
  | { state: 'notFound' }
  | {
      state: 'ready';
      complaint: Complaint;
      history: HistoryEvent[];
      verdict: ChainVerdict;
      settings: Settings;
      regenerated: RenderResult[];
    };

type LetterRecord = z.infer<typeof LetterRecordSchema>;

export function regenerate(c: Complaint, settings: Settings, overrides: TemplateOverrides, letter: LetterRecord) {
  const own = overrides[letter.templateId as keyof TemplateOverrides]?.[letter.lang];
  const override =
    own && own.version === letter.templateVersion ? { source: own.source, version: own.version } : undefined;
  return renderLetter(letter.templateId, c, settings, { now: new Date(letter.at), lang: letter.lang, override });
}

export function useCaseFile(id: string | null): CaseFileData {
  const [data, setData] = useState<CaseFileData>({ state: 'loading' });
  useEffect(() => {
    if (!id) return setData({ state: 'notFound' });
    let live = true;
    void (async () => {
      const settings = await getSettings();
      setLang(settings.lang);
      const complaint = await getComplaint(id);
      if (!complaint) return live && setData({ state: 'notFound' });
      const [history, verdict, overrides] = await Promise.all([
        getHistory(id),
        verifyComplaintChain(id),
        getTemplateOverrides(),
      ]);
      const regenerated = await Promise.all(
        complaint.letters.map((l) => regenerate(complaint, settings, overrides, l)),
      );
      if (live) setData({ state: 'ready', complaint, history, verdict, settings, regenerated });
    })();
    return () => {
      live = false;
    };
  }, [id]);
  return data;
}
