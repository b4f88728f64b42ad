// What the options page reads: the saved settings and the edited letter copies, again whenever the
// background announces a change (the organisation's, pulled from the team server: the form decides what to
// do with edits under way). Unreadable values are reported, not hidden.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { useLiveRead } from '@/components/hooks/useLiveRead';
import { onRegisterChange } from '@/lib/extension/protocol';
import { setLang } from '@/lib/i18n';
import type { TemplateOverrides } from '@/lib/letters/meta';
import { canonicalJson } from '@/lib/register/canonical-json';
import { getTemplateOverrides } from '@/lib/register/store/letter-overrides';
import type { InvalidRecord } from '@/lib/register/store/queries';
import { getSettings } from '@/lib/register/store/settings';
import type { Settings } from '@/lib/settings/schema';

export function useSavedSettings() {
  const [state, setState] = useState<{ settings: Settings | null; unreadable?: InvalidRecord }>({ settings: null });
  const reads = useRef(0);
  useEffect(() => {
    let gone = false;
    const read = () => {
      // Reads overlap when changes come fast: only the newest one's answer is taken.
      const mine = ++reads.current;
      let unreadable: InvalidRecord | undefined;
      void getSettings((r) => {
        unreadable = r;
      }).then((settings) => {
        if (gone || mine !== reads.current) return;
        setLang(settings.lang);
        // The same settings again (most changes are complaints): the form is left as it is.
        setState((was) =>
          was.settings && canonicalJson(was.settings) === canonicalJson(settings) && !was.unreadable === !unreadable
            ? was
            : unreadable
              ? { settings, unreadable }
              : { settings },
        );
      });
    };
    read();
    const stop = onRegisterChange(read);
    return () => {
      gone = true;
      stop();
    };
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
