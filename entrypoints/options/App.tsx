// The options page: the settings form (saved through the background's `settings/save`) and the letter
// templates with their editor (`templates/save`, `templates/reset`). Reads go straight to IndexedDB.
import { useEffect, useState } from 'preact/hooks';
import { useBadgeScope } from '@/components/hooks/useBadgeScope';
import { BadgeScopeSection } from '@/components/options/BadgeScopeSection';
import { type FieldErrors, fieldKey } from '@/components/options/form';
import { HelpdesksSection } from '@/components/options/HelpdesksSection';
import { useSavedSettings, useTemplateOverrides } from '@/components/options/hooks';
import { type SaveOutcome, SettingsForm } from '@/components/options/SettingsForm';
import { TemplateEditor, type TemplateOutcome } from '@/components/options/TemplateEditor';
import { TemplateList } from '@/components/options/TemplateList';
import { TeamSection } from '@/components/team/TeamSection';
import { useTeamConnection } from '@/components/team/useTeamConnection';
import { parisDay } from '@/lib/deadlines/paris-time';
import { disableHelpdesk, type EnabledHelpdesk, enableHelpdesk, listHelpdesks } from '@/lib/extension/helpdesks';
import { send } from '@/lib/extension/protocol';
import { getLang, type Lang, type MessageKey, t } from '@/lib/i18n';
import { SHIPPED_TEMPLATES, templateMeta } from '@/lib/letters/catalog';
import type { TemplateId } from '@/lib/letters/meta';
import { RequestError } from '@/lib/protocol/messages';
import { type Settings, SettingsSchema } from '@/lib/settings/schema';

const SECTIONS: [string, MessageKey][] = [
  ['identity', 'options.identity.title'],
  ['mediator', 'options.mediator.title'],
  ['policy', 'options.policy.title'],
  ['categories', 'options.categories.title'],
  ['general', 'options.general.title'],
  ['retention', 'options.retention.title'],
  ['templates', 'options.templates.title'],
  ['helpdesks', 'helpdesk.options.title'],
  ['team', 'team.title'],
];

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The helpdesks enabled and their origins, as the browser's registered content scripts say. */
function useHelpdesks() {
  const [list, setList] = useState<EnabledHelpdesk[]>([]);
  const reload = () => listHelpdesks().then(setList, () => setList([]));
  useEffect(() => void reload(), []);
  const enabled = { freescout: [] as string[], zendesk: [] as string[] };
  for (const h of list) enabled[h.system] = h.origins;
  const onEnable = (system: EnabledHelpdesk['system'], origin: string) =>
    enableHelpdesk(system, origin).then(
      async (granted) => {
        await reload();
        return {
          ok: granted,
          message: t(granted ? 'helpdesk.options.enabled' : 'helpdesk.options.refused', { origin }),
        };
      },
      (error: unknown) => ({ ok: false, message: t('helpdesk.options.failed', { error: messageOf(error) }) }),
    );
  const onRemove = (system: EnabledHelpdesk['system'], origin: string) => disableHelpdesk(system, origin).then(reload);
  return { enabled, onEnable, onRemove };
}

export function App() {
  const { settings, unreadable, saved } = useSavedSettings();
  const templates = useTemplateOverrides();
  const team = useTeamConnection();
  const [badgeScope, setBadgeScope] = useBadgeScope();
  const helpdesks = useHelpdesks();
  const [editing, setEditing] = useState<TemplateId | null>(null);
  const lang = getLang();
  // In a team, an agent or an auditor reads the organisation's settings and letters; a manager edits them.
  const role = team.status.identity?.agent.role;
  const orgManaged = team.status.state !== 'off' && role !== undefined && role !== 'manager';
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('options.title');
  }, [lang]);

  const saveSettings = async (input: Settings): Promise<SaveOutcome> => {
    try {
      const result = SettingsSchema.parse(await send({ type: 'settings/save', settings: input }));
      saved(result);
      return { saved: result };
    } catch (error) {
      const errors: FieldErrors = {};
      if (error instanceof RequestError) {
        for (const [path, message] of Object.entries(error.payload.fields ?? {}))
          errors[fieldKey(path.split('.'))] = message;
      }
      return { errors, message: t('options.saveFailed', { message: messageOf(error) }) };
    }
  };

  const templateRequest = async (work: () => Promise<TemplateOutcome>): Promise<TemplateOutcome> => {
    try {
      const outcome = await work();
      await templates.reload();
      return outcome;
    } catch (error) {
      return { ok: false, message: messageOf(error) };
    }
  };
  const saveTemplate = (id: TemplateId) => (letterLang: Lang, source: string) =>
    templateRequest(async () => {
      const copy = await send({ type: 'templates/save', id, lang: letterLang, source });
      return { ok: true, version: copy.version };
    });
  const resetTemplate = (id: TemplateId) => (letterLang: Lang) =>
    templateRequest(async () => {
      await send({ type: 'templates/reset', id, lang: letterLang });
      return { ok: true };
    });

  const meta = editing ? templateMeta(editing) : undefined;
  return (
    <div class="options">
      <header class="options__header">
        <h1>{t('options.title')}</h1>
        <nav aria-label={t('options.nav')}>
          <ul class="options__nav">
            {SECTIONS.map(([id, key]) => (
              <li key={id}>
                <a href={`#${id}`}>{t(key)}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main class="options__main">
        {unreadable && (
          <p class="warning" role="alert">
            {t('options.unreadableSettings', { issues: unreadable.issues })}
          </p>
        )}
        {settings ? (
          <SettingsForm
            settings={settings}
            year={Number(parisDay(new Date()).slice(0, 4))}
            onSubmit={saveSettings}
            orgManaged={orgManaged}
            team={team.status.state !== 'off'}
          />
        ) : (
          <p role="status">{t('options.loading')}</p>
        )}
        <section id="templates" class="options__section" aria-labelledby="templates-title">
          <h2 id="templates-title">{t('options.templates.title')}</h2>
          <p class="options__help">{t('options.templates.help')}</p>
          {orgManaged && (
            <p class="notice" data-testid="org-defined-templates">
              {t('team.orgDefined')}
            </p>
          )}
          {templates.unreadable && (
            <p class="warning" role="alert" data-testid="overrides-unreadable">
              {t('options.templates.unreadable', { issues: templates.unreadable.issues })}
            </p>
          )}
          <TemplateList
            templates={SHIPPED_TEMPLATES}
            overrides={templates.overrides}
            selected={editing}
            onEdit={setEditing}
          />
          {meta && settings && (
            <TemplateEditor
              key={meta.id}
              meta={meta}
              overrides={templates.overrides}
              settings={settings}
              onSave={saveTemplate(meta.id)}
              onReset={resetTemplate(meta.id)}
              onClose={() => setEditing(null)}
            />
          )}
        </section>
        <HelpdesksSection {...helpdesks} />
        <TeamSection
          status={team.status}
          managedServer={team.managed}
          onConnect={team.connect}
          onDisconnect={team.disconnect}
          onOnboard={team.onboard}
        />
        {team.status.identity?.agent.role === 'manager' && (
          <BadgeScopeSection scope={badgeScope} onChange={setBadgeScope} />
        )}
      </main>
    </div>
  );
}
