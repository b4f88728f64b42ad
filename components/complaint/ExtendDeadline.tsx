// An explicit extension of a deadline: the new due date, the reason, and when the customer was told.
import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { Complaint } from '@/lib/register/schema';
import { fromLocalInput, toLocalInput } from '@/lib/ui/format';
import { Select, Text } from '../controls';
import type { ComplaintActions } from './types';

export function ExtendDeadline({
  complaint: c,
  actions,
  now,
}: {
  complaint: Complaint;
  actions: ComplaintActions;
  now: Date;
}) {
  const running = (['ack', 'answer'] as const).filter((k) => c.clocks[k].metAt === null);
  const [clock, setClock] = useState<'ack' | 'answer'>(running[0] ?? 'answer');
  const [form, setForm] = useState({ newDueAt: '', reason: '', customerToldAt: toLocalInput(now.toISOString()) });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (running.length === 0 || c.phase === 'notComplaint') return null;
  const submit = async (e: Event) => {
    e.preventDefault();
    const newDueAt = fromLocalInput(form.newDueAt);
    const customerToldAt = fromLocalInput(form.customerToldAt);
    if (!newDueAt || !customerToldAt || !form.reason.trim())
      return setMessage({ ok: false, text: t('ui.extend.incomplete') });
    const error = await actions.extend(clock, { newDueAt, reason: form.reason, customerToldAt });
    setMessage(error ? { ok: false, text: error.message } : { ok: true, text: t('ui.extend.done') });
  };
  return (
    <details class="section">
      <summary>{t('ui.extend.title')}</summary>
      <form class="form__grid" onSubmit={submit}>
        <Select
          label={t('ui.extend.clock')}
          value={clock}
          options={running.map((k) => [k, t(k === 'ack' ? 'ui.clock.ack' : 'ui.clock.answer')] as const)}
          onChange={setClock}
        />
        <Text
          label={t('ui.extend.newDueAt')}
          type="datetime-local"
          value={form.newDueAt}
          onChange={(v) => setForm({ ...form, newDueAt: v })}
        />
        <Text
          label={t('ui.extend.customerToldAt')}
          type="datetime-local"
          value={form.customerToldAt}
          onChange={(v) => setForm({ ...form, customerToldAt: v })}
        />
        <Text
          label={t('ui.extend.reason')}
          area={2}
          value={form.reason}
          onChange={(v) => setForm({ ...form, reason: v })}
        />
        <div class="field">
          <button type="submit" class="button">
            {t('ui.extend.submit')}
          </button>
        </div>
      </form>
      {message && (
        <p class={message.ok ? 'notice' : 'warning'} role="status">
          {message.text}
        </p>
      )}
    </details>
  );
}
