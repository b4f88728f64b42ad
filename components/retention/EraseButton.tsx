// Erasure on the customer's request (GDPR art. 17): one button, then a confirmation that names the
// complaint, since the anonymisation cannot be undone. An anonymised complaint says when it was done.
import { useId, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { formatDateTime } from '@/lib/i18n/dates';
import type { ErrorPayload } from '@/lib/protocol/messages';
import type { Complaint } from '@/lib/register/schema';
import './privacy.css';

interface Props {
  complaint: Complaint;
  onAnonymize: (reason: 'request') => Promise<ErrorPayload | undefined>;
}

export function EraseButton({ complaint: c, onAnonymize }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | undefined>();
  const titleId = useId();
  if (c.anonymizedAt) {
    return (
      <p class="notice privacy-erase__done" role="status" data-testid="anonymized-notice">
        {t('privacy.erase.done', { date: formatDateTime(c.anonymizedAt) })}
      </p>
    );
  }
  const run = async () => {
    setBusy(true);
    const failure = await onAnonymize('request');
    setBusy(false);
    setError(failure);
    if (!failure) setConfirming(false);
  };
  return (
    <div class="privacy-erase">
      {!confirming && (
        <button type="button" class="button button--danger" onClick={() => setConfirming(true)} data-testid="erase">
          {t('privacy.erase.button')}
        </button>
      )}
      {confirming && (
        <div class="confirm" role="alertdialog" aria-labelledby={titleId} data-testid="erase-confirm">
          <p id={titleId}>
            <strong>
              {t('privacy.erase.confirmTitle', {
                reference: c.reference,
                customer: c.customer.name || c.customer.email || '',
              })}
            </strong>
          </p>
          <p>{t('privacy.erase.confirm')}</p>
          <div class="confirm__buttons">
            <button type="button" class="button button--danger" disabled={busy} onClick={run} data-testid="erase-yes">
              {busy ? t('privacy.erase.busy') : t('privacy.erase.confirmButton')}
            </button>
            <button
              type="button"
              class="button"
              disabled={busy}
              onClick={() => {
                setConfirming(false);
                setError(undefined);
              }}
            >
              {t('privacy.erase.cancel')}
            </button>
          </div>
        </div>
      )}
      {error && (
        <p class="warning" role="alert">
          {error.message}
        </p>
      )}
    </div>
  );
}
