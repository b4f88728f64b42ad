// Free notes on the complaint, each signed and dated, recorded in the history.
import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { formatDateTime } from '@/lib/i18n/dates';
import type { Complaint } from '@/lib/register/schema';
import { Text } from '../controls';
import type { ComplaintActions } from './types';

export function Notes({ complaint, actions }: { complaint: Complaint; actions: ComplaintActions }) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const add = async (e: Event) => {
    e.preventDefault();
    if (!text.trim()) return;
    const failed = await actions.note(text);
    setError(failed?.message ?? '');
    if (!failed) setText('');
  };
  return (
    <section class="section" aria-label={t('ui.notes.title')}>
      <h3>{t('ui.notes.title')}</h3>
      <ul class="notes">
        {complaint.notes.map((n) => (
          <li key={n.id}>
            <p class="notes__meta">
              {formatDateTime(n.at)} · {n.author}
            </p>
            <p class="notes__text">{n.text}</p>
          </li>
        ))}
      </ul>
      <form onSubmit={add}>
        <Text
          label={t('ui.notes.add')}
          area={2}
          value={text}
          onChange={setText}
          error={error || undefined}
          testId="note-text"
        />
        <button type="submit" class="button">
          {t('ui.notes.save')}
        </button>
      </form>
    </section>
  );
}
