// The side panel: the register (most urgent first), the complaint the webmail asked for, and the
// new-complaint form prefilled from the open message.
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { ComplaintHeader } from '@/components/ComplaintHeader';
import { useNow } from '@/components/hooks/useNow';
import { useComplaint, useRegisterPage, useSettings } from '@/components/hooks/useRegister';
import { type FieldErrors, NewComplaintForm } from '@/components/NewComplaintForm';
import { RegisterFilters } from '@/components/RegisterFilters';
import { RegisterList } from '@/components/RegisterList';
import { PENDING_KEY, type PendingView } from '@/lib/background/panel';
import { t } from '@/lib/i18n';
import { RequestError, type RequestOf, send } from '@/lib/messages';
import { type Draft, DraftSchema } from '@/lib/register/draft';
import { isEmptyFilter, type RegisterFilter } from '@/lib/register/filters';
import type { Complaint, NewComplaint } from '@/lib/register/schema';
import { formatDateTime } from '@/lib/ui/format';

type View =
  | { kind: 'register' }
  | { kind: 'complaint'; id: string; notice?: string }
  | { kind: 'new'; draft: Draft; key: number };
type PanelView = RequestOf<'sidepanel/open'>['view'];

const PAGE = 100;

function toView(v: PanelView, key: number): View {
  if (v.kind === 'new') {
    const draft = DraftSchema.safeParse(v.draft);
    return draft.success ? { kind: 'new', draft: draft.data, key } : { kind: 'register' };
  }
  return v;
}

/** A view asked for this long ago is no longer what the agent expects when the panel opens. */
const FRESH_MS = 2 * 60_000;

/** Shows each view the webmail asks for, once: at opening (if recent) and while the panel stays open. */
function usePendingView(show: (v: View) => void) {
  useEffect(() => {
    let lastSeq = -1;
    const take = (initial: boolean) =>
      void send<PendingView | null>({ type: 'sidepanel/pending' }).then((p) => {
        if (!p || p.seq === lastSeq) return;
        lastSeq = p.seq;
        if (initial && Date.now() - new Date(p.at).getTime() > FRESH_MS) return;
        show(toView(p.view, p.seq));
      });
    take(true);
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && PENDING_KEY in changes) take(false);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, [show]);
}

export function App() {
  const settings = useSettings();
  const now = useNow();
  const [view, setView] = useState<View>({ kind: 'register' });
  const [filter, setFilter] = useState<RegisterFilter>({});
  const hours = settings.policy.dueSoonHours;
  const page = useRegisterPage(filter, now, hours, PAGE);
  const complaint = useComplaint(view.kind === 'complaint' ? view.id : null);
  usePendingView(useCallback((v: View) => setView(v), []));

  const create = async (input: NewComplaint): Promise<FieldErrors | undefined> => {
    try {
      const saved = await send<Complaint>({ type: 'complaint/create', input });
      const notice = t('ui.form.saved', {
        reference: saved.reference,
        ack: formatDateTime(saved.clocks.ack.dueAt),
        answer: formatDateTime(saved.clocks.answer.dueAt),
      });
      setView({ kind: 'complaint', id: saved.id, notice });
      return undefined;
    } catch (error) {
      if (error instanceof RequestError) return { ...(error.payload.fields ?? {}), form: error.payload.message };
      return { form: String(error) };
    }
  };

  return (
    <main class="panel">
      <nav class="tabs" aria-label={t('ui.panel.title')}>
        <button type="button" aria-pressed={view.kind === 'register'} onClick={() => setView({ kind: 'register' })}>
          {t('ui.tab.register')}
        </button>
        {view.kind !== 'register' && (
          <button type="button" aria-pressed="true">
            {view.kind === 'new' ? t('ui.tab.new') : t('ui.tab.current')}
          </button>
        )}
      </nav>
      {view.kind === 'register' && (
        <section aria-label={t('ui.tab.register')}>
          <RegisterFilters filter={filter} categories={settings.categories} onChange={setFilter} />
          {page.invalid.length > 0 && (
            <p class="warning" role="status">
              {t('ui.register.invalid', { n: page.invalid.length })}
            </p>
          )}
          {page.loading ? (
            <p role="status">{t('ui.register.loading')}</p>
          ) : (
            <RegisterList
              complaints={page.complaints}
              now={now}
              dueSoonHours={hours}
              filtered={!isEmptyFilter(filter)}
              onOpen={(id) => setView({ kind: 'complaint', id })}
            />
          )}
        </section>
      )}
      {view.kind === 'new' && (
        <NewComplaintForm
          key={view.key}
          draft={view.draft}
          categories={settings.categories}
          now={now}
          onSubmit={create}
        />
      )}
      {view.kind === 'complaint' && complaint && (
        <section>
          {view.notice && (
            <p class="notice" role="status" data-testid="saved-notice">
              {view.notice}
            </p>
          )}
          <ComplaintHeader complaint={complaint} now={now} dueSoonHours={hours} />
        </section>
      )}
    </main>
  );
}
