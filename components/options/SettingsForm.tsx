// The settings form (sections 1 to 6): one state, validated with SettingsSchema before anything is sent,
// French errors next to the fields, and what the agent typed kept when a save fails. Saved settings that
// change while the page is open (the organisation's, pulled by the background) flow into the sections the
// user has not touched; an edited one keeps the edits and says so, with « Recharger ».
import { useEffect, useRef, useState } from 'preact/hooks';
import { type MessageKey, t } from '@/lib/i18n';
import type { Settings } from '@/lib/settings/schema';
import { CategoriesSection } from './CategoriesSection';
import {
  type FieldErrors,
  type FormSection,
  type SettingsForm as FormState,
  followSaved,
  SECTION_IDS,
  sectionDiffers,
  toForm,
  validateSettings,
  withSection,
} from './form';
import { LanguageSection, RetentionSection } from './GeneralSection';
import { IdentitySection } from './IdentitySection';
import { MediatorSection } from './MediatorSection';
import { PolicySection } from './PolicySection';

export type SaveOutcome = { saved: Settings } | { errors: FieldErrors; message?: string };

interface Props {
  settings: Settings;
  /** The year whose holidays the deadline section previews. */
  year: number;
  onSubmit: (settings: Settings) => Promise<SaveOutcome>;
  /** A team register's agent or auditor: the organisation's settings are shown, not edited (issue 13). */
  orgManaged?: boolean;
  /** A team register: a change made under the form comes from the organisation. */
  team?: boolean;
}

const SECTION_TITLES: Record<FormSection, MessageKey> = {
  identity: 'options.identity.title',
  mediator: 'options.mediator.title',
  policy: 'options.policy.title',
  categories: 'options.categories.title',
  general: 'options.general.title',
  retention: 'options.retention.title',
};

/** The organisation's sections, disabled as a whole when they are read-only. */
const ORG_FIELDSET = { border: 0, padding: 0, margin: 0, minWidth: 0 };

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

export function SettingsForm({ settings, year, onSubmit, orgManaged = false, team = false }: Props) {
  const [form, setForm] = useState<FormState>(() => toForm(settings));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  /** The saved settings the form last took in (its edits are measured against them). */
  const base = useRef<FormState>(form);
  /** Sections edited here that the saved settings changed under. */
  const [stale, setStale] = useState<FormSection[]>([]);
  useEffect(() => {
    const next = toForm(settings);
    if (!SECTION_IDS.some((s) => sectionDiffers(next, base.current, s))) return;
    const followed = followSaved(form, base.current, next);
    base.current = next;
    setForm(followed.form);
    setStale((was) =>
      SECTION_IDS.filter(
        (s) => (was.includes(s) || followed.stale.includes(s)) && sectionDiffers(followed.form, next, s),
      ),
    );
  }, [settings]);
  const reload = (section: FormSection) => {
    setForm((f) => withSection(f, base.current, section));
    setStale((was) => was.filter((s) => s !== section));
  };
  const change = (patch: Partial<FormState>) => {
    setForm((f) => ({ ...f, ...patch }));
    if (status.kind === 'saved') setStatus({ kind: 'idle' });
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const checked = validateSettings(form);
    setErrors(checked.errors);
    if (!checked.settings) return setStatus({ kind: 'failed', message: t('options.errors') });
    setStatus({ kind: 'saving' });
    const outcome = await onSubmit(checked.settings);
    if ('saved' in outcome) {
      base.current = toForm(outcome.saved);
      setForm(base.current);
      setStale([]);
      setErrors({});
      setStatus({ kind: 'saved' });
    } else {
      setErrors(outcome.errors);
      setStatus({ kind: 'failed', message: outcome.message ?? t('options.errors') });
    }
  };

  return (
    <form class="options__form" onSubmit={submit} noValidate aria-label={t('options.title')} data-testid="settings">
      {orgManaged && (
        <p class="notice" data-testid="org-defined">
          {t('team.orgDefined')}
        </p>
      )}
      {stale.map((s) => (
        <p key={s} class="warning" role="alert" data-testid="settings-changed">
          {t(team ? 'options.changed.org' : 'options.changed.elsewhere', { section: t(SECTION_TITLES[s]) })}{' '}
          <button type="button" class="button" onClick={() => reload(s)}>
            {t('options.changed.reload', { section: t(SECTION_TITLES[s]) })}
          </button>
        </p>
      ))}
      <fieldset disabled={orgManaged} style={ORG_FIELDSET} data-testid="org-settings">
        <IdentitySection form={form} errors={errors} onChange={change} />
        <MediatorSection form={form} errors={errors} onChange={change} />
        <PolicySection form={form} errors={errors} year={year} onChange={change} />
        <CategoriesSection
          categories={form.categories}
          errors={errors}
          onChange={(categories) => change({ categories })}
        />
      </fieldset>
      <LanguageSection form={form} errors={errors} onChange={change} />
      <fieldset disabled={orgManaged} style={ORG_FIELDSET}>
        <RetentionSection form={form} errors={errors} onChange={change} />
      </fieldset>
      <div class="options__savebar">
        <button type="submit" class="button button--primary" disabled={status.kind === 'saving'} data-testid="save">
          {status.kind === 'saving' ? t('options.saving') : t('options.save')}
        </button>
        <p class="options__status" role="status" data-testid="settings-status">
          {status.kind === 'saved' && <span class="notice">{t('options.saved')}</span>}
        </p>
        {status.kind === 'failed' && (
          <p class="form__errors" role="alert" data-testid="settings-error">
            {status.message}
          </p>
        )}
      </div>
    </form>
  );
}
