// Options, "Registre d'équipe": the server address (preset and locked when the company's policy sets it),
// the agent's token, connect and disconnect. The token field is never filled back: the page never reads it.
import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { SyncStatus } from '@/lib/sync/connection';
import { TextField } from '../options/TextField';
import { OnboardOffer } from './OnboardOffer';

interface Props {
  status: SyncStatus;
  /** The address the company's browser policy sets, if any: shown and not editable. */
  managedServer: string | null;
  /** Resolves with a French message when it failed. */
  onConnect: (server: string, token: string) => Promise<string | null>;
  onDisconnect: () => Promise<void>;
  /** Sends the complaints held before joining (the agent's confirmation); resolves with the message. */
  onOnboard?: () => Promise<string>;
}

export function TeamSection({ status, managedServer, onConnect, onDisconnect, onOnboard }: Props) {
  const [server, setServer] = useState(managedServer ?? status.identity?.server ?? '');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const connected = status.state !== 'off' && status.identity !== null;
  const address = managedServer ?? server;

  const connect = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    const error = await onConnect(address, token);
    setBusy(false);
    setMessage(error);
    if (!error) setToken('');
  };
  const disconnect = async () => {
    setBusy(true);
    await onDisconnect();
    setBusy(false);
    setMessage(t('team.disconnected'));
  };

  return (
    <section id="team" class="options__section" aria-labelledby="team-title" data-testid="team-section">
      <h2 id="team-title">{t('team.title')}</h2>
      <p class="options__help">{t('team.help')}</p>
      {connected && status.identity ? (
        <div>
          <p role="status" data-testid="team-identity">
            {t('team.connectedAs', {
              org: status.identity.agent.org,
              name: status.identity.agent.name,
              role: t(`team.role.${status.identity.agent.role}`),
            })}
          </p>
          {status.pending > 0 && <p>{t('team.pending', { count: status.pending })}</p>}
          {onOnboard && status.identity.agent.role !== 'auditor' && (
            <OnboardOffer count={status.waiting} onSend={onOnboard} />
          )}
          <button type="button" onClick={disconnect} disabled={busy} data-testid="team-disconnect">
            {t('team.disconnect')}
          </button>
        </div>
      ) : (
        <form onSubmit={connect}>
          <div class="form__grid">
            {managedServer ? (
              <p data-testid="team-server-managed">
                {t('team.server')} : <strong>{managedServer}</strong> — {t('team.serverManaged')}
              </p>
            ) : (
              <TextField
                label={t('team.server')}
                type="url"
                value={server}
                onInput={setServer}
                testId="team-server"
                wide
              />
            )}
            <TextField label={t('team.token')} value={token} onInput={setToken} testId="team-token" wide />
          </div>
          <p class="options__help">{t('team.tokenKept')}</p>
          <button type="submit" disabled={busy || !address || !token} data-testid="team-connect">
            {busy ? t('team.connecting') : t('team.connect')}
          </button>
        </form>
      )}
      {message && (
        <p role="alert" data-testid="team-message">
          {message}
        </p>
      )}
    </section>
  );
}
