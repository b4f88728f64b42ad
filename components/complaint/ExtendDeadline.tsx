// An explicit extension of a deadline: the new due date, the reason, and when the customer was told. Once
// recorded, the panel offers the letter that announces it ("Prolongation du délai de réponse"); the letter
// recorded carries the extension's `at`, so the history links the two.
import { useState } from 'preact/hooks';
import { extensionRefusal } from '@/lib/deadlines/extension';
import { t } from '@/lib/i18n';
import { formatDateTime, fromLocalInput, toLocalInput } from '@/lib/i18n/dates';
import { templateMeta } from '@/lib/letters/catalog';
import type { Complaint } from '@/lib/register/schema';
import { Select, Text } from '../controls';
import { LetterComposer } from './LetterComposer';
import type { StepProps } from './types';

export const EXTENSION_TEMPLATE = 'prolongation-delai';

/** The most recent extension (of either clock) that no letter recorded so far announces. */
export function unannouncedExtension(c: Complaint): { at: string; newDueAt: string } | undefined {
  const all = [...c.clocks.ack.extensions, ...c.clocks.answer.extensions].sort((a, b) => (a.at < b.at ? -1 : 1));
  const latest = all.at(-1);
  return latest && !c.letters.some((l) => l.extensionAt === latest.at) ? latest : undefined;
}

export function ExtendDeadline(props: StepProps) {
  const { complaint: c, actions, now } = props;
  const running = (['ack', 'answer'] as const).filter((k) => c.clocks[k].metAt === null);
  const [clock, setClock] = useState<'ack' | 'answer'>(running[0] ?? 'answer');
  const [form, setForm] = useState({ newDueAt: '', reason: '', customerToldAt: toLocalInput(now.toISOString()) });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  /** The extension whose letter is being prepared: kept while the composer shows its outcome. */
  const [announcing, setAnnouncing] = useState<string | null>(null);
  const offered = unannouncedExtension(c);
  if (running.length === 0 || c.phase === 'notComplaint') return null;
  const submit = async (e: Event) => {
    e.preventDefault();
    const newDueAt = fromLocalInput(form.newDueAt);
    const customerToldAt = fromLocalInput(form.customerToldAt);
    if (!newDueAt || !customerToldAt || !form.reason.trim())
      return setMessage({ ok: false, text: t('ui.extend.incomplete') });
    const refused = extensionRefusal(c, clock, { newDueAt, customerToldAt });
    if (refused) return setMessage({ ok: false, text: refused });
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
      {offered && announcing === null && (
        <p>
          <button
            type="button"
            class="button"
            data-testid="extension-letter-offer"
            onClick={() => setAnnouncing(offered.at)}
          >
            {t('ui.extend.prepareLetter', { date: formatDateTime(offered.newDueAt) })}
          </button>
        </p>
      )}
      {announcing !== null && <ExtensionLetter {...props} extensionAt={announcing} />}
    </details>
  );
}

function ExtensionLetter(props: StepProps & { extensionAt: string }) {
  const meta = templateMeta(EXTENSION_TEMPLATE);
  if (!meta)
    return (
      <p class="warning" role="status" data-testid="extension-letter-missing">
        {t('letters.refused.unknownTemplate', { id: EXTENSION_TEMPLATE })}
      </p>
    );
  return <LetterComposer {...props} templates={[meta]} extensionAt={props.extensionAt} />;
}
