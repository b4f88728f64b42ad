// Live reads of the register for extension pages: they read IndexedDB directly and re-read when the
// background announces a change (useLiveRead), so every open panel stays current.
import { send } from '@/lib/extension/protocol';
import { setLang } from '@/lib/i18n';
import type { TemplateOverrides } from '@/lib/letters/meta';
import { matchesFilter, type RegisterFilter } from '@/lib/register/filters';
import type { Complaint } from '@/lib/register/schema';
import { getTemplateOverrides } from '@/lib/register/store/letter-overrides';
import { findByMessageId, getComplaint, type InvalidRecord, listRegisterPage } from '@/lib/register/store/queries';
import { getSettings } from '@/lib/register/store/settings';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/schema';
import { useLiveRead } from './useLiveRead';

export function useSettings(): Settings {
  const { value } = useLiveRead(async () => {
    const settings = await getSettings();
    setLang(settings.lang);
    return settings;
  }, []);
  return value ?? DEFAULT_SETTINGS;
}

interface RegisterPage {
  complaints: Complaint[];
  more: boolean;
  loading: boolean;
  invalid: InvalidRecord[];
}

const NO_PAGE: RegisterPage = { complaints: [], more: false, loading: true, invalid: [] };

export function useRegisterPage(filter: RegisterFilter, now: Date, dueSoonHours: number, limit: number): RegisterPage {
  // `now` moves every 30 s: the page is re-read only when the filter needs it (due-state filters).
  const clock = filter.due ? now.getTime() : 0;
  const { value } = useLiveRead(async (): Promise<RegisterPage> => {
    const invalid: InvalidRecord[] = [];
    const page = await listRegisterPage(matchesFilter(filter, new Date(), dueSoonHours), limit, {
      onInvalid: (r) => invalid.push(r),
    });
    // The background sets them aside (whole, in the quarantine store) so the register stays readable.
    const ids = invalid.filter((r) => r.store === 'complaints').map((r) => r.key);
    if (ids.length) void send({ type: 'register/quarantine', ids }).catch(() => undefined);
    return { ...page, loading: false, invalid };
  }, [JSON.stringify(filter), dueSoonHours, limit, clock]);
  return value ?? NO_PAGE;
}

export function useComplaint(id: string | null): Complaint | null | undefined {
  return useLiveRead(async () => (id ? getComplaint(id) : null), [id]).value;
}

/** The complaint logged from this webmail message, if any (undefined while looking). */
export function useLoggedComplaint(messageId: string | undefined): Complaint | null | undefined {
  return useLiveRead(async () => (messageId ? ((await findByMessageId(messageId))[0] ?? null) : null), [messageId])
    .value;
}

const NO_OVERRIDES: TemplateOverrides = {};

/** The agent-edited letter templates (read from the register database, re-read on every change). */
export function useTemplateOverrides(): TemplateOverrides {
  return useLiveRead(() => getTemplateOverrides(), []).value ?? NO_OVERRIDES;
}
