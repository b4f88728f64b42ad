// A part of the complaint the agent edits and saves as one patch. The copy being edited is kept while
// the record changes elsewhere, so a save on a stale copy is refused by the background (revision check)
// with a French message, and nothing typed is lost.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { ErrorPayload } from '@/lib/protocol/messages';

interface Props<T> {
  title: string;
  value: T;
  /** Identity of the stored version; a new one resets the copy when it has not been edited. */
  rev: number;
  onSave: (value: T) => Promise<ErrorPayload | undefined>;
  children: (draft: T, set: (next: T) => void, errors: Record<string, string>) => ComponentChildren;
  testId?: string;
}

export function EditSection<T>({ title, value, rev, onSave, children, testId }: Props<T>) {
  const [draft, setDraft] = useState(value);
  const [dirty, setDirty] = useState(false);
  // Read when the effect runs, not when it was scheduled: effects run after paint, and an agent's first
  // keystroke can land between a new version arriving and its effect running (it must not be overwritten).
  const edited = useRef(false);
  const [status, setStatus] = useState<{ error?: ErrorPayload; saved?: boolean }>({});
  useEffect(() => {
    if (!edited.current) setDraft(value);
  }, [rev]);
  const set = (next: T) => {
    edited.current = true;
    setDraft(next);
    setDirty(true);
    setStatus({});
  };
  const save = async (e: Event) => {
    e.preventDefault();
    const error = await onSave(draft);
    setStatus(error ? { error } : { saved: true });
    if (!error) {
      edited.current = false;
      setDirty(false);
    }
  };
  return (
    <form class="section" onSubmit={save} aria-label={title} data-testid={testId} noValidate>
      <h3>{title}</h3>
      {children(draft, set, status.error?.fields ?? {})}
      <div class="section__actions">
        <button type="submit" class="button" disabled={!dirty}>
          {t('ui.action.save')}
        </button>
        {status.saved && <span role="status">{t('ui.action.saved')}</span>}
        {status.error && (
          <span class="field__error" role="alert">
            {status.error.message}
          </span>
        )}
      </div>
    </form>
  );
}
