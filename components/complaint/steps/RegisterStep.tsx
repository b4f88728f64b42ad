// Step 1: the register entry itself, editable; qualifying a message that is not a complaint.
import { t } from '@/lib/i18n';
import { fromLocalInput, toLocalInput } from '@/lib/i18n/dates';
import { CHANNELS, CIVILITIES, JUSTIFIED } from '@/lib/register/schema';
import { Check, Select, Text } from '../../controls';
import { EditSection } from '../EditSection';
import { TransitionButton } from '../TransitionButton';
import type { StepProps } from '../types';

export function RegisterStep({ complaint: c, settings, actions }: StepProps) {
  const entry = {
    receivedAt: toLocalInput(c.receivedAt),
    channel: c.channel,
    customer: {
      civility: c.customer.civility,
      name: c.customer.name,
      company: c.customer.company ?? '',
      email: c.customer.email ?? '',
      phone: c.customer.phone ?? '',
      customerNumber: c.customer.customerNumber ?? '',
      orderNumber: c.customer.orderNumber ?? '',
    },
    subject: c.subject,
    category: c.category,
    product: c.product,
    summary: c.summary,
    remedyRequested: c.remedyRequested,
    isComplaint: c.isComplaint,
    justified: c.justified,
    qualificationNote: c.qualificationNote,
  };
  type Entry = typeof entry;
  const categories = settings.categories
    .filter((k) => !k.archived || k.id === c.category)
    .map((k) => [k.id, k.label] as const);
  const save = (e: Entry) =>
    actions.patch({
      ...e,
      receivedAt: fromLocalInput(e.receivedAt) ?? c.receivedAt,
      customer: {
        civility: e.customer.civility,
        name: e.customer.name,
        company: e.customer.company.trim() || undefined,
        email: e.customer.email || undefined,
        phone: e.customer.phone || undefined,
        customerNumber: e.customer.customerNumber || undefined,
        orderNumber: e.customer.orderNumber || undefined,
      },
    });
  return (
    <div>
      <EditSection title={t('ui.step.register')} value={entry} rev={c.rev} onSave={save} testId="register-step">
        {(d, set, errors) => (
          <div class="form__grid">
            <Text
              label={t('ui.form.receivedAt')}
              type="datetime-local"
              value={d.receivedAt}
              onChange={(v) => set({ ...d, receivedAt: v })}
              error={errors['patch.receivedAt']}
            />
            <Select
              label={t('ui.form.channel')}
              value={d.channel}
              options={CHANNELS.map((k) => [k, t(`channel.${k}`)] as const)}
              onChange={(v) => set({ ...d, channel: v })}
            />
            <Select
              label={t('ui.form.civility')}
              value={d.customer.civility}
              options={CIVILITIES.map((k) => [k, t(`ui.form.civility.${k}`)] as const)}
              onChange={(v) => set({ ...d, customer: { ...d.customer, civility: v } })}
              testId="customer-civility"
            />
            <Text
              label={t('ui.form.customerName')}
              value={d.customer.name}
              onChange={(v) => set({ ...d, customer: { ...d.customer, name: v } })}
              error={errors['patch.customer.name']}
            />
            <Text
              label={t('ui.form.company')}
              value={d.customer.company}
              onChange={(v) => set({ ...d, customer: { ...d.customer, company: v } })}
              error={errors['patch.customer.company']}
              testId="customer-company"
            />
            <Text
              label={t('ui.form.customerEmail')}
              type="email"
              value={d.customer.email}
              onChange={(v) => set({ ...d, customer: { ...d.customer, email: v } })}
              error={errors['patch.customer.email']}
            />
            <Text
              label={t('ui.form.customerPhone')}
              type="tel"
              value={d.customer.phone}
              onChange={(v) => set({ ...d, customer: { ...d.customer, phone: v } })}
            />
            <Text
              label={t('ui.form.customerNumber')}
              value={d.customer.customerNumber}
              onChange={(v) => set({ ...d, customer: { ...d.customer, customerNumber: v } })}
            />
            <Text
              label={t('ui.form.orderNumber')}
              value={d.customer.orderNumber}
              onChange={(v) => set({ ...d, customer: { ...d.customer, orderNumber: v } })}
            />
            <Text
              label={t('ui.form.subject')}
              value={d.subject}
              wide
              onChange={(v) => set({ ...d, subject: v })}
              error={errors['patch.subject']}
            />
            <Select
              label={t('ui.form.category')}
              value={d.category}
              options={categories}
              onChange={(v) => set({ ...d, category: v })}
            />
            <Text label={t('ui.form.product')} value={d.product} onChange={(v) => set({ ...d, product: v })} />
            <Select
              label={t('ui.form.justified')}
              value={d.justified}
              options={JUSTIFIED.map((j) => [j, t(`justified.${j}`)] as const)}
              onChange={(v) => set({ ...d, justified: v })}
            />
            <Text label={t('ui.form.summary')} area={3} value={d.summary} onChange={(v) => set({ ...d, summary: v })} />
            <Text
              label={t('ui.form.remedy')}
              area={2}
              value={d.remedyRequested}
              onChange={(v) => set({ ...d, remedyRequested: v })}
            />
            <Check
              label={t('ui.form.isComplaint')}
              checked={d.isComplaint}
              onChange={(v) => set({ ...d, isComplaint: v })}
            />
            {!d.isComplaint && (
              <Text
                label={t('ui.step.qualificationNote')}
                area={2}
                value={d.qualificationNote}
                onChange={(v) => set({ ...d, qualificationNote: v })}
              />
            )}
          </div>
        )}
      </EditSection>
      {c.excerpt && (
        <details class="excerpt">
          <summary>{t('ui.form.excerpt')}</summary>
          <p class="excerpt__text">{c.excerpt}</p>
        </details>
      )}
      {(c.phase === 'registered' || c.phase === 'acknowledged') && (
        <TransitionButton
          label={t('ui.step.toNotComplaint')}
          onRun={() => actions.transition('notComplaint')}
          testId="to-notComplaint"
        />
      )}
      {c.phase === 'notComplaint' && (
        <TransitionButton label={t('ui.step.requalify')} onRun={() => actions.transition('registered')} />
      )}
    </div>
  );
}
