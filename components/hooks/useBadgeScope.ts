// The badge's scope preference (lib/extension/badge-scope.ts), read and saved for the options page; the
// background recounts at once after a change.
import { useEffect, useState } from 'preact/hooks';
import { type BadgeScope, readBadgeScope, saveBadgeScope } from '@/lib/extension/badge-scope';
import { send } from '@/lib/extension/protocol';

export function useBadgeScope(): [BadgeScope, (scope: BadgeScope) => void] {
  const [scope, setScope] = useState<BadgeScope>('mine');
  useEffect(() => {
    void readBadgeScope().then(setScope);
  }, []);
  const change = (next: BadgeScope) => {
    setScope(next);
    void saveBadgeScope(next).then(() => send({ type: 'badge/refresh' }));
  };
  return [scope, change];
}
