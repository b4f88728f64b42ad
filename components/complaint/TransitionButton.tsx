// A step of the process as a button. The background checks the step's guard; when it refuses, the
// missing items are listed in French under the button, and nothing changes.
import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { ErrorPayload } from '@/lib/protocol/messages';

interface Props {
  label: string;
  /** Asked before running (e.g. "the acknowledgement letter has been sent?"). */
  confirm?: string;
  primary?: boolean;
  testId?: string;
  onRun: () => Promise<ErrorPayload | undefined>;
}

export function TransitionButton({ label, confirm, primary, testId, onRun }: Props) {
  const [error, setError] = useState<ErrorPayload | undefined>();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (confirm && !window.confirm(confirm)) return;
    setBusy(true);
    setError(await onRun());
    setBusy(false);
  };
  return (
    <div class="transition">
      <button
        type="button"
        class={`button${primary ? ' button--primary' : ''}`}
        disabled={busy}
        onClick={run}
        data-testid={testId}
      >
        {label}
      </button>
      {error && (
        <div class="transition__refused" role="alert">
          <p>{error.message}</p>
          {error.missing && (
            <ul aria-label={t('ui.step.missing')}>
              {error.missing.map((m) => (
                <li key={m.key}>{m.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
