// The new-complaint form, prefilled from a webmail message. Validated with the register's own schema
// before sending; errors appear in French next to each field and nothing typed is lost on a failed save.
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { fromLocalInput, toLocalInput } from '@/lib/i18n/dates';
import { issuesByField } from '@/lib/i18n/zod-issues';
import type { Draft } from '@/lib/register/draft';
import {
  CHANNELS,
  CIVILITIES,
  JUSTIFIED,
  type NewComplaint,
  NewComplaintSchema,
  SEVERITIES,
} from '@/lib/register/schema';
import type { Category } from '@/lib/settings/schema';
import { Field } from '../Field';
import { SpotExplanation } from '../SpotExplanation';

export type FieldErrors = Record<string, string>;

interface Props {
  draft: Draft;
  /** What the agent had typed for this message before switching away (kept by the panel). */
  saved?: FormState;
  onEdit?: (state: FormState) => void;
  categories: Category[];
  now: Date;
  /** Resolves with field errors (nothing saved) or nothing (saved). */
  onSubmit: (input: NewComplaint) => Promise<FieldErrors | undefined>;
}

export interface FormState {
  receivedAt: string;
  channel: NewComplaint['channel'];
  civility: (typeof CIVILITIES)[number];
  name: string;
  company: string;
  email: string;
  phone: string;
  customerNumber: string;
  orderNumber: string;
  subject: string;
  category: string;
  product: string;
  excerpt: string;
  summary: string;
  remedyRequested: string;
  isComplaint: boolean;
  justified: (typeof JUSTIFIED)[number];
  severity: string;
}

function initialState(draft: Draft, now: Date): FormState {
  return {
    receivedAt: toLocalInput(draft.receivedAt ?? now.toISOString()),
    channel: draft.channel,
    civility: draft.customer.civility,
    name: draft.customer.name,
    company: '',
    email: draft.customer.email,
    phone: '',
    customerNumber: '',
    orderNumber: '',
    subject: draft.subject,
    category: '',
    product: '',
    excerpt: draft.excerpt,
    summary: '',
    remedyRequested: '',
    isComplaint: draft.spot?.likely ?? true,
    justified: 'unknown',
    severity: '',
  };
}

/** zod issue paths → the form's field names. */
const FIELD_OF: Record<string, keyof FormState> = {
  receivedAt: 'receivedAt',
  'customer.name': 'name',
  'customer.company': 'company',
  'customer.email': 'email',
  'customer.phone': 'phone',
  subject: 'subject',
  category: 'category',
};

export function toInput(state: FormState, draft: Draft): unknown {
  const optional = (s: string) => (s.trim() ? s.trim() : undefined);
  return {
    receivedAt: fromLocalInput(state.receivedAt) ?? '',
    channel: state.channel,
    source: draft.source,
    customer: {
      civility: state.civility,
      name: state.name.trim(),
      company: optional(state.company),
      email: optional(state.email),
      phone: optional(state.phone),
      customerNumber: optional(state.customerNumber),
      orderNumber: optional(state.orderNumber),
    },
    subject: state.subject,
    category: state.category,
    product: state.product,
    excerpt: state.excerpt,
    summary: state.summary,
    remedyRequested: state.remedyRequested,
    isComplaint: state.isComplaint,
    justified: state.justified,
    severity: state.severity ? Number(state.severity) : null,
  };
}

export function validate(state: FormState, draft: Draft): { input?: NewComplaint; errors: FieldErrors } {
  const result = NewComplaintSchema.safeParse(toInput(state, draft));
  if (result.success) return { input: result.data, errors: {} };
  return { errors: issuesByField(result.error, (path) => FIELD_OF[path.map(String).join('.')] ?? String(path[0])) };
}

export function NewComplaintForm({ draft, saved, onEdit, categories, now, onSubmit }: Props) {
  const [state, setState] = useState(() => saved ?? initialState(draft, now));
  useEffect(() => onEdit?.(state), [state]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setState((s) => ({ ...s, [key]: value }));
  const text = (key: keyof FormState) => (e: Event) => set(key, (e.currentTarget as HTMLInputElement).value as never);

  const submit = async (e: Event) => {
    e.preventDefault();
    const { input, errors: found } = validate(state, draft);
    setErrors(found);
    if (!input) return;
    setSaving(true);
    try {
      setErrors((await onSubmit(input)) ?? {});
    } finally {
      setSaving(false);
    }
  };

  const hasErrors = Object.keys(errors).length > 0;
  return (
    <form class="form" data-testid="new-complaint-form" onSubmit={submit} noValidate aria-label={t('ui.form.title')}>
      <h2>{t('ui.form.title')}</h2>
      {draft.readVia && (
        <p class="form__note" data-testid="read-via">
          {t(`helpdesk.readVia.${draft.readVia}`)}
        </p>
      )}
      {draft.spot && <SpotExplanation spot={draft.spot} />}
      {hasErrors && (
        <p class="form__errors" role="alert">
          {errors.form ?? t('ui.form.errors')}
        </p>
      )}
      <div class="form__grid">
        <Field label={t('ui.form.receivedAt')} error={errors.receivedAt}>
          {(p) => <input {...p} type="datetime-local" value={state.receivedAt} onInput={text('receivedAt')} required />}
        </Field>
        <Field label={t('ui.form.channel')}>
          {(p) => (
            <select {...p} value={state.channel} onChange={text('channel')}>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`channel.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('ui.form.civility')}>
          {(p) => (
            <select {...p} value={state.civility} onChange={text('civility')} data-testid="new-civility">
              {CIVILITIES.map((k) => (
                <option key={k} value={k}>
                  {t(`ui.form.civility.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('ui.form.customerName')} error={errors.name}>
          {(p) => <input {...p} value={state.name} onInput={text('name')} autoComplete="off" />}
        </Field>
        <Field label={t('ui.form.company')} error={errors.company}>
          {(p) => (
            <input
              {...p}
              value={state.company}
              onInput={text('company')}
              autoComplete="off"
              data-testid="new-company"
            />
          )}
        </Field>
        <Field label={t('ui.form.customerEmail')} error={errors.email}>
          {(p) => <input {...p} type="email" value={state.email} onInput={text('email')} autoComplete="off" />}
        </Field>
        <Field label={t('ui.form.customerPhone')} error={errors.phone}>
          {(p) => <input {...p} type="tel" value={state.phone} onInput={text('phone')} autoComplete="off" />}
        </Field>
        <Field label={t('ui.form.customerNumber')}>
          {(p) => <input {...p} value={state.customerNumber} onInput={text('customerNumber')} />}
        </Field>
        <Field label={t('ui.form.orderNumber')}>
          {(p) => <input {...p} value={state.orderNumber} onInput={text('orderNumber')} />}
        </Field>
        <Field label={t('ui.form.subject')} error={errors.subject} wide>
          {(p) => <input {...p} value={state.subject} onInput={text('subject')} required />}
        </Field>
        <Field label={t('ui.form.category')} error={errors.category}>
          {(p) => (
            <select {...p} value={state.category} onChange={text('category')} required>
              <option value="">{t('ui.form.categoryPlaceholder')}</option>
              {categories
                .filter((c) => !c.archived)
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Field label={t('ui.form.product')}>
          {(p) => <input {...p} value={state.product} onInput={text('product')} />}
        </Field>
        <Field label={t('ui.form.severity')}>
          {(p) => (
            <select {...p} value={state.severity} onChange={text('severity')}>
              <option value="">{t('ui.form.severityUnset')}</option>
              {SEVERITIES.map((s) => (
                <option key={s} value={String(s)}>
                  {t(`severity.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('ui.form.justified')}>
          {(p) => (
            <select {...p} value={state.justified} onChange={text('justified')}>
              {JUSTIFIED.map((j) => (
                <option key={j} value={j}>
                  {t(`justified.${j}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('ui.form.excerpt')} wide>
          {(p) => <textarea {...p} rows={5} value={state.excerpt} onInput={text('excerpt')} />}
        </Field>
        <Field label={t('ui.form.summary')} wide>
          {(p) => <textarea {...p} rows={3} value={state.summary} onInput={text('summary')} />}
        </Field>
        <Field label={t('ui.form.remedy')} wide>
          {(p) => <textarea {...p} rows={2} value={state.remedyRequested} onInput={text('remedyRequested')} />}
        </Field>
        <div class="field field--wide field--check">
          <label>
            <input
              type="checkbox"
              checked={state.isComplaint}
              onChange={(e) => set('isComplaint', (e.currentTarget as HTMLInputElement).checked)}
            />{' '}
            {t('ui.form.isComplaint')}
          </label>
        </div>
      </div>
      <button type="submit" class="button button--primary" disabled={saving} data-testid="save-complaint">
        {saving ? t('ui.form.saving') : t('ui.form.save')}
      </button>
    </form>
  );
}
