// The settings form (sections 1 to 6): one state, validated with SettingsSchema before anything is sent,
// French errors next to the fields, and what the agent typed kept when a save fails.
import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { Settings } from '@/lib/settings/schema';
import { CategoriesSection } from './CategoriesSection';
import { type FieldErrors, type SettingsForm as FormState, toForm, validateSettings } from './form';
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
}

/** The organisation's sections, disabled as a whole when they are read-only. */
const ORG_FIELDSET = { border: 0, padding: 0, margin: 0, minWidth: 0 };

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

export function SettingsForm({ settings, year, onSubmit, orgManaged = false }: Props) {
  const [form, setForm] = useState<FormState>(() => toForm(settings));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
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
      setForm(toForm(outcome.saved));
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
