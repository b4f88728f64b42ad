// The team register's local side (issue 13), one object per register: its connection and cursor
// (sync-identity.ts), its outbox and conflicts (outbox.ts), its reference blocks (reference-blocks.ts) and
// the application of pulled pages (pull-apply.ts), the complaints it held when it joined (onboarding.ts),
// the organisation's settings (org-settings.ts), the team's agents for the picker (team-list.ts). The
// product's register's is `productSync`.
import { defaultConnection, type RegisterConnection } from './db';
import { onboardingOn } from './onboarding';
import { orgSettingsOn } from './org-settings';
import { outboxOn } from './outbox';
import { pullApplyOn } from './pull-apply';
import { referenceBlocksOn } from './reference-blocks';
import { identityOn } from './sync-identity';
import { teamListOn } from './team-list';

export { type Conflict, dropConflictsOf, type OutboxEntry } from './outbox';
export type { HeldBlock } from './reference-blocks';
export { OUTBOX_STORES, recordOperation } from './sync-identity';

/** The sync side of one register (see register.ts). */
export function syncOn(connection: RegisterConnection) {
  return {
    ...identityOn(connection),
    ...outboxOn(connection),
    ...referenceBlocksOn(connection),
    ...pullApplyOn(connection),
    ...onboardingOn(connection),
    ...orgSettingsOn(connection),
    ...teamListOn(connection),
  };
}

export type SyncStore = ReturnType<typeof syncOn>;

/** The product's register's sync side. */
export const productSync = syncOn(defaultConnection);
