// Sections 5 and 6: interface language, the company's own mail domains, and how long data is kept.
import { t } from '@/lib/i18n';
import { RETENTION_WITHOUT_REASON, SettingsSchema } from '@/lib/settings/schema';
import { Field } from '../Field';
import { type FieldErrors, type SettingsForm, typedNumber } from './form';
import { SpotThresholdFields } from './SpotThresholdFields';
import { TextField } from './TextField';

interface Props {
  form: SettingsForm;
  errors: FieldErrors;
  onChange: (patch: Partial<SettingsForm>) => void;
}

const LANGS = SettingsSchema.shape.lang.unwrap().options;

export function LanguageSection({ form, errors, onChange }: Props) {
  return (
    <section id="general" class="options__section" aria-labelledby="general-title">
      <h2 id="general-title">{t('options.general.title')}</h2>
      <div class="form__grid">
        <Field label={t('options.general.lang')} error={errors.lang}>
          {(p) => (
            <select
              {...p}
              value={form.lang}
              onChange={(e) => onChange({ lang: e.currentTarget.value === 'en' ? 'en' : 'fr' })}
            >
              {LANGS.map((lang) => (
                <option key={lang} value={lang} lang={lang}>
                  {t(`options.general.lang.${lang}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('options.general.ownDomains')} error={errors.ownDomains} wide>
          {(p) => (
            <>
              <textarea
                {...p}
                rows={3}
                value={form.ownDomains}
                data-testid="own-domains"
                aria-describedby={[p['aria-describedby'], 'own-domains-help'].filter(Boolean).join(' ')}
                onInput={(e) => onChange({ ownDomains: e.currentTarget.value })}
              />
              <p class="options__help" id="own-domains-help">
                {t('options.general.ownDomainsHelp')}
              </p>
            </>
          )}
        </Field>
        <SpotThresholdFields form={form} errors={errors} onChange={onChange} />
      </div>
    </section>
  );
}

export function RetentionSection({ form, errors, onChange }: Props) {
  // The reason is asked for as soon as a typed period passes the limit (the schema refuses a save without it).
  const needsReason = [form.retentionYears, form.retentionNotComplaintYears].some(
    (v) => typedNumber(v) > RETENTION_WITHOUT_REASON,
  );
  const limit = { years: RETENTION_WITHOUT_REASON };
  return (
    <section id="retention" class="options__section" aria-labelledby="retention-title">
      <h2 id="retention-title">{t('options.retention.title')}</h2>
      <p class="options__help">{t('options.retention.help')}</p>
      <div class="form__grid">
        <TextField
          label={t('options.retention.years')}
          type="number"
          inputMode="numeric"
          value={form.retentionYears}
          error={errors.retentionYears}
          onInput={(retentionYears) => onChange({ retentionYears })}
          testId="retention-years"
        />
        <TextField
          label={t('options.retention.notComplaintYears')}
          type="number"
          inputMode="numeric"
          value={form.retentionNotComplaintYears}
          error={errors.retentionNotComplaintYears}
          onInput={(retentionNotComplaintYears) => onChange({ retentionNotComplaintYears })}
          testId="retention-not-complaint-years"
        />
        {(needsReason || form.retentionReason !== '') && (
          <Field label={t('options.retention.reason', limit)} error={errors.retentionReason} wide>
            {(p) => (
              <>
                <textarea
                  {...p}
                  rows={3}
                  value={form.retentionReason}
                  data-testid="retention-reason"
                  aria-describedby={[p['aria-describedby'], 'retention-reason-help'].filter(Boolean).join(' ')}
                  onInput={(e) => onChange({ retentionReason: e.currentTarget.value })}
                />
                <p class="options__help" id="retention-reason-help">
                  {t('options.retention.reasonHelp', limit)}
                </p>
              </>
            )}
          </Field>
        )}
      </div>
    </section>
  );
}
