// Section 2: the consumer mediator named in letters, with the process's default one step away.
import { t } from '@/lib/i18n';
import { DEFAULT_MEDIATOR } from '@/lib/settings/schema';
import type { FieldErrors, SettingsForm } from './form';
import { TextField } from './TextField';

interface Props {
  form: SettingsForm;
  errors: FieldErrors;
  onChange: (patch: Partial<SettingsForm>) => void;
}

export function MediatorSection({ form, errors, onChange }: Props) {
  const set = (key: keyof SettingsForm['mediator']) => (value: string) =>
    onChange({ mediator: { ...form.mediator, [key]: value } });
  return (
    <section id="mediator" class="options__section" aria-labelledby="mediator-title">
      <h2 id="mediator-title">{t('options.mediator.title')}</h2>
      <p class="options__help">{t('options.mediator.help')}</p>
      <div class="form__grid">
        <TextField
          label={t('options.mediator.name')}
          value={form.mediator.name}
          error={errors['mediator.name']}
          onInput={set('name')}
          testId="mediator-name"
        />
        <TextField
          label={t('options.mediator.organisation')}
          value={form.mediator.organisation}
          error={errors['mediator.organisation']}
          onInput={set('organisation')}
        />
        <TextField
          label={t('options.mediator.website')}
          value={form.mediator.website}
          error={errors['mediator.website']}
          onInput={set('website')}
        />
        <TextField
          label={t('options.mediator.phone')}
          type="tel"
          value={form.mediator.phone}
          error={errors['mediator.phone']}
          onInput={set('phone')}
          testId="mediator-phone"
        />
        <TextField
          label={t('options.mediator.address')}
          value={form.mediator.address}
          error={errors['mediator.address']}
          onInput={set('address')}
          wide
        />
      </div>
      <button type="button" class="button" onClick={() => onChange({ mediator: { ...DEFAULT_MEDIATOR } })}>
        {t('options.mediator.restore')}
      </button>
    </section>
  );
}
