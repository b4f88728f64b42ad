// Connecting from the options page: the browser is asked for the server's one origin first thing in the
// click (its prompt needs the user's gesture), then the background checks the token and keeps it.
import { useEffect, useState } from 'preact/hooks';
import { send } from '@/lib/extension/protocol';
import { managedServer, requestServerPermission } from '@/lib/extension/team';
import { t } from '@/lib/i18n';
import { serverOrigin } from '@/lib/sync/connection';
import { useSyncStatus } from './useSyncStatus';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function useTeamConnection() {
  const status = useSyncStatus();
  const [managed, setManaged] = useState<string | null>(null);
  useEffect(() => {
    void managedServer().then(setManaged);
  }, []);

  const connect = async (server: string, token: string): Promise<string | null> => {
    const origin = serverOrigin(server);
    if (!origin) return t('team.error.address');
    try {
      if (!(await requestServerPermission(origin))) return t('team.permissionDenied', { origin });
      await send({ type: 'team/connect', server: origin, token });
      return null;
    } catch (error) {
      return messageOf(error);
    }
  };
  const disconnect = async () => {
    await send({ type: 'team/disconnect' });
  };
  /** The complaints held before joining, sent on the agent's click: what was sent, or why not. */
  const onboard = async (): Promise<string> => {
    try {
      const { queued, kept } = await send({ type: 'team/onboard' });
      return [t('team.onboard.done', { queued }), ...(kept ? [t('team.onboard.kept', { kept })] : [])].join(' ');
    } catch (error) {
      return messageOf(error);
    }
  };
  return { status, managed, connect, disconnect, onboard };
}
