// What the options page reads: the saved settings (once: the form then owns the edits) and the edited
// letter copies (again whenever the background announces a change). Unreadable values are reported, not hidden.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { useLiveRead } from '@/components/hooks/useLiveRead';
import { setLang } from '@/lib/i18n';
import type { TemplateOverrides } from '@/lib/letters/meta';
import { getTemplateOverrides } from '@/lib/register/store/letter-overrides';
import type { InvalidRecord } from '@/lib/register/store/queries';
import { getSettings } from '@/lib/register/store/settings';
import type { Settings } from '@/lib/settings/schema';

export function useSavedSettings() {
  const [state, setState] = useState<{ settings: Settings | null; unreadable?: InvalidRecord }>({ settings: null });
  useEffect(() => {
    let unreadable: InvalidRecord | undefined;
    void getSettings((r) => {
      unreadable = r;
    }).then((settings) => {
      setLang(settings.lang);
      setState(unreadable ? { settings, unreadable } : { settings });
    });
  }, []);
  const saved = useCallback((settings: Settings) => {
    setLang(settings.lang);
    setState({ settings });
  }, []);
  return { ...state, saved };
}

const NONE: { overrides: TemplateOverrides; unreadable?: InvalidRecord } = { overrides: {} };

export function useTemplateOverrides() {
  const { value, reload } = useLiveRead(async () => {
    let unreadable: InvalidRecord | undefined;
    const overrides = await getTemplateOverrides((r) => {
      unreadable = r;
    });
    return unreadable ? { overrides, unreadable } : { overrides };
  }, []);
  return { ...(value ?? NONE), reload };
}
