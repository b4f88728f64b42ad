// Section 1: the company as letters name it, the signature, and the agent's name for the history.
import { t } from '@/lib/i18n';
import type { FieldErrors, SettingsForm } from './form';
import { TextField } from './TextField';

interface Props {
  form: SettingsForm;
  errors: FieldErrors;
  onChange: (patch: Partial<SettingsForm>) => void;
}

export function IdentitySection({ form, errors, onChange }: Props) {
  const company = (key: keyof SettingsForm['company']) => (value: string) =>
    onChange({ company: { ...form.company, [key]: value } });
  const signature = (key: keyof SettingsForm['signature']) => (value: string) =>
    onChange({ signature: { ...form.signature, [key]: value } });
  return (
    <section id="identity" class="options__section" aria-labelledby="identity-title">
      <h2 id="identity-title">{t('options.identity.title')}</h2>
      <p class="options__help">{t('options.identity.help')}</p>
      <div class="form__grid">
        <TextField
          label={t('options.identity.companyName')}
          value={form.company.name}
          error={errors['company.name']}
          onInput={company('name')}
          testId="company-name"
          autoComplete="organization"
        />
        <TextField
          label={t('options.identity.companyEmail')}
          type="email"
          value={form.company.email}
          error={errors['company.email']}
          onInput={company('email')}
        />
        <TextField
          label={t('options.identity.companyPhone')}
          type="tel"
          value={form.company.phone}
          error={errors['company.phone']}
          onInput={company('phone')}
        />
        <TextField
          label={t('options.identity.companyWebsite')}
          value={form.company.website}
          error={errors['company.website']}
          onInput={company('website')}
        />
        <TextField
          label={t('options.identity.companyAddress')}
          value={form.company.address}
          error={errors['company.address']}
          onInput={company('address')}
          wide
        />
        <TextField
          label={t('options.identity.signatureName')}
          value={form.signature.name}
          error={errors['signature.name']}
          onInput={signature('name')}
        />
        <TextField
          label={t('options.identity.signatureTitle')}
          value={form.signature.title}
          error={errors['signature.title']}
          onInput={signature('title')}
        />
        <TextField
          label={t('options.identity.agentName')}
          value={form.agentName}
          error={errors.agentName}
          onInput={(agentName) => onChange({ agentName })}
          testId="agent-name"
        />
      </div>
    </section>
  );
}
