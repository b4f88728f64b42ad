// Live reads of the register for extension pages: they read IndexedDB directly and re-read when the
// background announces a change (storage.onChanged), so every open panel stays current.
import { useEffect, useState } from 'preact/hooks';
import { onRegisterChange, send } from '@/lib/extension/protocol';
import { setLang } from '@/lib/i18n';
import type { TemplateOverrides } from '@/lib/letters/meta';
import { matchesFilter, type RegisterFilter } from '@/lib/register/filters';
import type { Complaint } from '@/lib/register/schema';
import { getTemplateOverrides } from '@/lib/register/store/letter-overrides';
import {
  findByMessageId,
  getComplaint,
  type InvalidRecord,
  listRegisterPage,
  onInvalidRecord,
} from '@/lib/register/store/queries';
import { getSettings } from '@/lib/register/store/settings';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/schema';

function useChangeCounter(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => onRegisterChange(() => setVersion((v) => v + 1)), []);
  return version;
}

export function useSettings(): Settings {
  const version = useChangeCounter();
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    void getSettings().then((s) => {
      setLang(s.lang);
      setSettings(s);
    });
  }, [version]);
  return settings;
}

export function useRegisterPage(filter: RegisterFilter, now: Date, dueSoonHours: number, limit: number) {
  const version = useChangeCounter();
  const [state, setState] = useState<{
    complaints: Complaint[];
    more: boolean;
    loading: boolean;
    invalid: InvalidRecord[];
  }>({
    complaints: [],
    more: false,
    loading: true,
    invalid: [],
  });
  // `now` moves every 30 s: the page is re-read only when the filter needs it (due-state filters).
  const clock = filter.due ? now.getTime() : 0;
  useEffect(() => {
    let live = true;
    const invalid: InvalidRecord[] = [];
    onInvalidRecord((r) => invalid.push(r));
    void listRegisterPage(matchesFilter(filter, new Date(), dueSoonHours), limit).then((page) => {
      if (live) setState({ ...page, loading: false, invalid });
      // The background sets them aside (whole, in the quarantine store) so the register stays readable.
      const ids = invalid.filter((r) => r.store === 'complaints').map((r) => r.key);
      if (ids.length) void send({ type: 'register/quarantine', ids }).catch(() => undefined);
    });
    return () => {
      live = false;
    };
  }, [JSON.stringify(filter), dueSoonHours, limit, version, clock]);
  return state;
}

export function useComplaint(id: string | null): Complaint | null | undefined {
  const version = useChangeCounter();
  const [complaint, setComplaint] = useState<Complaint | null | undefined>(undefined);
  useEffect(() => {
    if (!id) return setComplaint(null);
    let live = true;
    void getComplaint(id).then((c) => live && setComplaint(c));
    return () => {
      live = false;
    };
  }, [id, version]);
  return complaint;
}

/** The complaint logged from this webmail message, if any (undefined while looking). */
export function useLoggedComplaint(messageId: string | undefined): Complaint | null | undefined {
  const version = useChangeCounter();
  const [complaint, setComplaint] = useState<Complaint | null | undefined>(undefined);
  useEffect(() => {
    if (!messageId) return setComplaint(null);
    let live = true;
    void findByMessageId(messageId).then((found) => live && setComplaint(found[0] ?? null));
    return () => {
      live = false;
    };
  }, [messageId, version]);
  return complaint;
}

/** The agent-edited letter templates (read from the register database, re-read on every change). */
export function useTemplateOverrides(): TemplateOverrides {
  const version = useChangeCounter();
  const [overrides, setOverrides] = useState<TemplateOverrides>({});
  useEffect(() => {
    void getTemplateOverrides().then(setOverrides);
  }, [version]);
  return overrides;
}
