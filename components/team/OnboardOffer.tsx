// Options, "Registre d'équipe": the complaints the register held when it joined, offered to the team. Nothing
// is sent until the agent clicks (issue 13); each goes with its history.
import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';

interface Props {
  count: number;
  /** Resolves with the message to show (what was sent, or why not). */
  onSend: () => Promise<string>;
}

export function OnboardOffer({ count, onSend }: Props) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const send = async () => {
    setBusy(true);
    setMessage(await onSend());
    setBusy(false);
  };
  return (
    <div data-testid="team-onboard">
      {count > 0 && (
        <>
          <p>{t('team.onboard.waiting', { count })}</p>
          <p class="options__help">{t('team.onboard.help')}</p>
          <button type="button" onClick={send} disabled={busy} data-testid="team-onboard-send">
            {busy ? t('team.onboard.sending') : t('team.onboard.send')}
          </button>
        </>
      )}
      {message && (
        <p role="status" data-testid="team-onboard-message">
          {message}
        </p>
      )}
    </div>
  );
}
