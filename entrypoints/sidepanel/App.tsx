// The side panel: the message open in the webmail (its new-complaint form, or its complaint), the
// register most urgent first, and one complaint walked through the six steps.
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AssigneePicker } from '@/components/complaint/AssigneePicker';
import { ComplaintView } from '@/components/complaint/ComplaintView';
import { type FieldErrors, type FormState, NewComplaintForm } from '@/components/complaint/NewComplaintForm';
import { ExportFilterButton } from '@/components/data/ExportFilterButton';
import { useComplaintDetails } from '@/components/hooks/useComplaintDetails';
import { useNow } from '@/components/hooks/useNow';
import {
  useComplaint,
  useLoggedComplaint,
  useRegisterPage,
  useSettings,
  useTemplateOverrides,
} from '@/components/hooks/useRegister';
import { useTeamAgents } from '@/components/hooks/useTeamAgents';
import { useWebmailTab } from '@/components/hooks/useWebmailTab';
import { RegisterFilters } from '@/components/RegisterFilters';
import { RegisterList } from '@/components/RegisterList';
import { ConflictList } from '@/components/team/ConflictList';
import { SyncIndicator } from '@/components/team/SyncIndicator';
import { useConflicts } from '@/components/team/useConflicts';
import { useSyncStatus } from '@/components/team/useSyncStatus';
import { send } from '@/lib/extension/protocol';
import type { WebmailTab } from '@/lib/extension/webmail-tabs';
import { t } from '@/lib/i18n';
import { formatDateTime } from '@/lib/i18n/dates';
import { RequestError } from '@/lib/protocol/messages';
import type { Draft } from '@/lib/register/draft';
import { isEmptyFilter, type RegisterFilter } from '@/lib/register/filters';
import type { NewComplaint } from '@/lib/register/schema';
import { isProvisional } from '@/lib/sync/references';
import { assign, complaintActions } from './actions';

type View =
  | { kind: 'current' }
  | { kind: 'register' }
  | { kind: 'complaint'; id: string; notice?: string }
  | { kind: 'new'; draft: Draft; key: string };

const PAGE = 100;
/** A click made this long ago is no longer what the agent expects when the panel opens. */
const FRESH_MS = 2 * 60_000;

/**
 * Shows what a click in the followed webmail tab asked for (the new complaint's form with the draft built
 * at the click, or a logged complaint), once each: at opening if recent, and while the panel stays open.
 */
function useAskedView(tab: WebmailTab | null, show: (v: View) => void) {
  const shown = useRef(new Set<string>());
  const asked = tab?.asked;
  useEffect(() => {
    if (!tab || !asked || shown.current.has(asked.at)) return;
    shown.current.add(asked.at);
    if (Date.now() - new Date(asked.at).getTime() > FRESH_MS) return;
    if (asked.kind === 'complaint') show({ kind: 'complaint', id: asked.id });
    else if (tab.draft) show({ kind: 'new', draft: tab.draft, key: asked.at });
  }, [tab, asked, show]);
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
  const webmailTab = useWebmailTab();
  const current = webmailTab?.draft ?? null;
  const currentLogged = useLoggedComplaint(current?.source.messageId);
  const shownId = view.kind === 'complaint' ? view.id : view.kind === 'current' ? (currentLogged?.id ?? null) : null;
  const complaint = useComplaint(shownId);
  const details = useComplaintDetails(complaint);
  // The panel holds the live channel open: the team's changes arrive while it shows the register.
  const sync = useSyncStatus({ live: true });
  const conflicts = useConflicts(complaint?.id);
  // Team register only: who holds each complaint, « À moi », and the team's names for the picker.
  const me = sync.identity?.agent ?? null;
  const team = useTeamAgents(me !== null);
  useAskedView(webmailTab, setView);

  const open = (id: string) => setView({ kind: 'complaint', id });
  const create = async (input: NewComplaint): Promise<FieldErrors | undefined> => {
    try {
      const saved = await send({ type: 'complaint/create', input });
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
      {isProvisional(complaint.reference) && (
        <p class="notice" data-testid="provisional-reference">
          {t('sync.provisional')}
        </p>
      )}
      <ConflictList conflicts={conflicts} onKeep={(key, keep) => void send({ type: 'team/resolve', key, keep })} />
      {me && (
        <AssigneePicker
          complaint={complaint}
          me={me}
          agents={team.agents}
          error={team.error}
          onAssign={(assignee) => assign(complaint, assignee)}
        />
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
      <SyncIndicator status={sync} onRetry={() => void send({ type: 'team/sync' })} />
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
          <RegisterFilters filter={filter} categories={settings.categories} onChange={setFilter} me={me?.id} />
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
