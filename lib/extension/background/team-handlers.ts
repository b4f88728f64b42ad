// The team register's requests (issue 13): connect, disconnect, sync now, and the agent's choice on a
// conflict. Part of the background's one handler map (handlers.ts).
import { UserError } from '../../i18n';
import type { RequestOf, ResponseOf } from '../../protocol/messages';
import { retentionPeriodsOf } from '../../register/retention';
import type { Complaint, ComplaintPatch } from '../../register/schema';
import { anonymizeComplaint } from '../../register/store/anonymize';
import {
  assignComplaint,
  extendDeadline,
  transitionComplaint,
  updateComplaint,
  type WriteContext,
} from '../../register/store/complaints';
import { getComplaint } from '../../register/store/queries';
import { getSettings } from '../../register/store/settings';
import { productSync } from '../../register/store/sync-state';
import { serverOrigin, TokenSchema } from '../../sync/connection';
import { announceChange } from './announce';
import { teamAgents } from './assignment-handlers';
import { connected, disconnected, engineDeps, hasPermission, requestSync } from './sync';
import { whoAmI } from './sync-engine';

type TeamType = 'team/connect' | 'team/disconnect' | 'team/sync' | 'team/onboard' | 'team/resolve';
type TeamHandlers = { [T in TeamType]: (request: RequestOf<T>) => Promise<ResponseOf<T>> };

/** The top-level fields of `patch` that the conflicting paths touch: "garder la mienne" sends only those. */
function patchFor(patch: ComplaintPatch, paths: readonly string[]): ComplaintPatch {
  const fields = new Set(paths.map((p) => p.split('.')[0]));
  return Object.fromEntries(Object.entries(patch).filter(([k]) => fields.has(k))) as ComplaintPatch;
}

export function teamHandlers(writeContext: () => Promise<WriteContext>): TeamHandlers {
  return {
    'team/connect': async ({ server, token }) => {
      const origin = serverOrigin(server);
      if (!origin) throw new UserError('team.error.address');
      const parsedToken = TokenSchema.safeParse(token);
      if (!parsedToken.success) throw new UserError('team.error.token');
      // The page asked the browser for this origin inside the click; without it nothing is sent.
      if (!(await hasPermission(origin))) throw new UserError('team.permissionDenied', { origin });
      const agent = await whoAmI(engineDeps(), origin, parsedToken.data);
      await productSync.saveConnection({
        server: origin,
        token: parsedToken.data,
        agent,
        connectedAt: new Date().toISOString(),
      });
      // The team's names kept at once, so that the picker works offline before it was ever opened online.
      void teamAgents().catch(() => undefined);
      return connected();
    },
    'team/disconnect': async () => {
      await productSync.forgetToken();
      // The colleagues' names kept for the picker go with the token.
      await productSync.forgetTeamList();
      // The settings and letters the register had before it joined are in force again.
      if (await productSync.restoreLocalSettings()) await announceChange([]);
      await disconnected();
      return requestSync();
    },
    'team/sync': () => requestSync(),
    'team/onboard': async () => {
      // Only on the agent's click in the options: the complaints held before joining go with their history.
      const identity = await productSync.assertWritable();
      if (!identity) throw new UserError('team.error.notConnected');
      const { id, name, role } = identity.agent;
      const result = await productSync.sendWaiting({ id, name, role });
      void requestSync();
      return result;
    },
    'team/resolve': async ({ key, keep }) => {
      const conflict = (await productSync.listConflicts()).find((c) => c.key === key);
      if (!conflict) return null;
      let complaint: Complaint | null = null;
      if (keep === 'mine') {
        // Mine again, on the team's newest version: an ordinary change, sent like any other.
        const { op } = conflict;
        const w = await writeContext();
        if (op.kind === 'update') {
          complaint = await updateComplaint(op.complaintId, undefined, patchFor(op.patch, conflict.paths), w);
        } else if (op.kind === 'transition') {
          complaint = await transitionComplaint(op.complaintId, undefined, op.to, w, op.stepAt);
        } else if (op.kind === 'extend') {
          complaint = await extendDeadline(op.complaintId, undefined, op.clock, op.extension, w);
        } else if (op.kind === 'assign') {
          complaint = await assignComplaint(op.complaintId, undefined, op.assignee, w);
        } else if (op.kind === 'anonymize') {
          // An erasure kept is an erasure done again on the team's newest version.
          const periods = retentionPeriodsOf(await getSettings());
          complaint = (await anonymizeComplaint(op.complaintId, op.reason, w, periods)).complaint;
        }
      }
      await productSync.dropConflict(key);
      complaint ??= await getComplaint(conflict.complaintId);
      await announceChange(complaint ? [complaint.id] : []);
      void requestSync();
      return complaint;
    },
  };
}
