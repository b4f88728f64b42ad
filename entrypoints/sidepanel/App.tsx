// The side panel: the message open in the webmail (its new-complaint form, or its complaint), the
// register most urgent first, and one complaint walked through the six steps.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { ComplaintView } from '@/components/complaint/ComplaintView';
import { type FieldErrors, type FormState, NewComplaintForm } from '@/components/complaint/NewComplaintForm';
import { ExportFilterButton } from '@/components/data/ExportFilterButton';
import { useComplaintDetails } from '@/components/hooks/useComplaintDetails';
import { useCurrentMessage } from '@/components/hooks/useCurrentMessage';
import { useNow } from '@/components/hooks/useNow';
import {
  useComplaint,
  useLoggedComplaint,
  useRegisterPage,
  useSettings,
  useTemplateOverrides,
} from '@/components/hooks/useRegister';
import { RegisterFilters } from '@/components/RegisterFilters';
import { RegisterList } from '@/components/RegisterList';
import { PENDING_KEY, type PendingView } from '@/lib/extension/background/panel';
import { send } from '@/lib/extension/protocol';
import { t } from '@/lib/i18n';
import { formatDateTime } from '@/lib/i18n/dates';
import { RequestError, type RequestOf } from '@/lib/protocol/messages';
import { type Draft, DraftSchema } from '@/lib/register/draft';
import { isEmptyFilter, type RegisterFilter } from '@/lib/register/filters';
import type { Complaint, NewComplaint } from '@/lib/register/schema';
import { complaintActions } from './actions';

type View =
  | { kind: 'current' }
  | { kind: 'register' }
  | { kind: 'complaint'; id: string; notice?: string }
  | { kind: 'new'; draft: Draft; key: number };
type PanelView = RequestOf<'sidepanel/open'>['view'];

const PAGE = 100;
/** A view asked for this long ago is no longer what the agent expects when the panel opens. */
const FRESH_MS = 2 * 60_000;

function toView(v: PanelView, key: number): View {
  if (v.kind === 'new') {
    const draft = DraftSchema.safeParse(v.draft);
    return draft.success ? { kind: 'new', draft: draft.data, key } : { kind: 'register' };
  }
  return v;
}

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
  const overrides = useTemplateOverrides();
  const now = useNow();
  const [view, setView] = useState<View>({ kind: 'current' });
  const [filter, setFilter] = useState<RegisterFilter>({});
  const forms = useRef(new Map<string, FormState>());
  const hours = settings.policy.dueSoonHours;
  const page = useRegisterPage(filter, now, hours, PAGE);
  const current = useCurrentMessage();
  const currentLogged = useLoggedComplaint(current?.source.messageId);
  const shownId = view.kind === 'complaint' ? view.id : view.kind === 'current' ? (currentLogged?.id ?? null) : null;
  const complaint = useComplaint(shownId);
  const details = useComplaintDetails(complaint);
  usePendingView(useCallback((v: View) => setView(v), []));

  const open = (id: string) => setView({ kind: 'complaint', id });
  const create = async (input: NewComplaint): Promise<FieldErrors | undefined> => {
    try {
      const saved = await send<Complaint>({ type: 'complaint/create', input });
      if (input.source?.messageId) forms.current.delete(input.source.messageId);
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

  const form = (draft: Draft, key: string | number) => {
    const id = draft.source.messageId ?? '';
    return (
      <NewComplaintForm
        key={`${key}:${id}`}
        draft={draft}
        saved={forms.current.get(id)}
        onEdit={(state) => id && forms.current.set(id, state)}
        categories={settings.categories}
        now={now}
        onSubmit={create}
      />
    );
  };

  const complaintBody = complaint && (
    <section>
      {view.kind === 'complaint' && view.notice && (
        <p class="notice" role="status" data-testid="saved-notice">
          {view.notice}
        </p>
      )}
      <ComplaintView
        complaint={complaint}
        settings={settings}
        overrides={overrides}
        now={now}
        actions={complaintActions(complaint, open)}
        {...details}
      />
    </section>
  );

  const tab = (kind: 'current' | 'register', label: string) => (
    <button
      type="button"
      aria-pressed={view.kind === kind}
      onClick={() => setView({ kind } as View)}
      data-testid={`tab-${kind}`}
    >
      {label}
    </button>
  );

  return (
    <main class="panel">
      <nav class="tabs" aria-label={t('ui.panel.title')}>
        {tab('current', t('ui.tab.current'))}
        {tab('register', t('ui.tab.register'))}
        {(view.kind === 'complaint' || view.kind === 'new') && (
          <button type="button" aria-pressed="true">
            {view.kind === 'new' ? t('ui.tab.new') : (complaint?.reference ?? '…')}
          </button>
        )}
        <span class="tabs__pages">
          {(
            [
              ['/dashboard.html', t('ui.panel.dashboard')],
              ['/manage.html', t('data.page.title')],
              ['/options.html', t('ui.panel.options')],
            ] as const
          ).map(([path, label]) => (
            <a key={path} href={browser.runtime.getURL(path)} target="_blank" rel="noreferrer">
              {label}
            </a>
          ))}
        </span>
      </nav>
      {view.kind === 'current' &&
        (current ? (
          currentLogged ? (
            complaintBody
          ) : (
            form(current, 'current')
          )
        ) : (
          <p class="empty">{t('ui.current.none')}</p>
        ))}
      {view.kind === 'register' && (
        <section aria-label={t('ui.tab.register')}>
          <RegisterFilters filter={filter} categories={settings.categories} onChange={setFilter} />
          <ExportFilterButton filter={filter} settings={settings} />
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
              onOpen={open}
            />
          )}
        </section>
      )}
      {view.kind === 'new' && form(view.draft, view.key)}
      {view.kind === 'complaint' && complaintBody}
    </main>
  );
}
