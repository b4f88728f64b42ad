// The background's one handler map: each request type of the protocol has exactly one handler here.
// Writes go through the register store, are announced to every context, and refresh the badge.
import { UserError } from '../../i18n';
import { templateMeta } from '../../letters/catalog';
import { validateTemplate } from '../../letters/validate';
import type { RequestOf, RequestType, ResponseOf } from '../../protocol/messages';
import { retentionPeriodsOf } from '../../register/retention';
import type { Complaint } from '../../register/schema';
import { anonymizeComplaint, applyRetention } from '../../register/store/anonymize';
import {
  addNote,
  createComplaint,
  extendDeadline,
  recordLetter,
  transitionComplaint,
  updateComplaint,
  type WriteContext,
} from '../../register/store/complaints';
import { resetTemplateOverride, saveTemplateOverride } from '../../register/store/letter-overrides';
import { quarantineComplaints } from '../../register/store/quarantine';
import { getComplaint } from '../../register/store/queries';
import { beginCheck, checkBatch } from '../../register/store/restore-check';
import { beginRestore, rollbackRestore } from '../../register/store/restore-journal';
import { restoreBatch, restoreFinish } from '../../register/store/restore-writer';
import { getSettings, saveSettings } from '../../register/store/settings';
import { productSync } from '../../register/store/sync-state';
import { SettingsSchema } from '../../settings/schema';
import { linkPatch } from '../../stats/recurring';
import type { Sender } from '../transport';
import { reportAsked, reportWebmailTab } from '../webmail-tabs';
import { announceChange } from './announce';
import { assignmentHandlers } from './assignment-handlers';
import { refreshBadge } from './badge';
import { assertMayEditLetters, publishTemplate, teamSettings, unpublishTemplate } from './org-settings';
import { watchRestore } from './restore-guard';
import { engineDeps, requestSync } from './sync';
import { teamHandlers } from './team-handlers';
import { answerScan } from './webmail-scan';

/** Typed by the protocol's ResponseMap: a handler that answers the wrong thing does not compile. */
type Handler<T extends RequestType> = (request: RequestOf<T>, sender: Sender) => Promise<ResponseOf<T>>;
type HandlerMap = { [T in RequestType]: Handler<T> };

/** Every change is announced, then sent to the team server at once when the register belongs to one. */
async function announce(ids: string[]): Promise<void> {
  await announceChange(ids);
  void requestSync();
}

/** In a team register the events name the agent the server knows (its token), as the server does. */
async function writeContext(): Promise<WriteContext> {
  const [settings, identity] = await Promise.all([getSettings(), productSync.getIdentity()]);
  if (identity) return { now: new Date(), actor: identity.agent.name, agent: identity.agent };
  return { now: new Date(), actor: settings.agentName || 'agent' };
}

async function written(work: (w: WriteContext) => Promise<Complaint>): Promise<Complaint> {
  const complaint = await work(await writeContext());
  await announce([complaint.id]);
  return complaint;
}

export const handlers: HandlerMap = {
  'complaint/create': async ({ input }) => {
    const settings = await getSettings();
    return written((w) => createComplaint(input, settings.policy, w));
  },
  'complaint/update': ({ id, rev, patch }) => written((w) => updateComplaint(id, rev, patch, w)),
  'complaint/transition': ({ id, rev, to, at }) => written((w) => transitionComplaint(id, rev, to, w, at)),
  'complaint/extend': ({ id, rev, clock, newDueAt, reason, customerToldAt }) =>
    written((w) => extendDeadline(id, rev, clock, { newDueAt, reason, customerToldAt }, w)),
  'complaint/note': ({ id, text }) => written((w) => addNote(id, text, w)),
  'complaint/letter': ({ id, letter }) => written((w) => recordLetter(id, letter, w)),
  'complaint/anonymize': async ({ id, reason }) => {
    const periods = retentionPeriodsOf(await getSettings());
    return written(async (w) => (await anonymizeComplaint(id, reason, w, periods)).complaint);
  },
  'retention/apply': async ({ ids }) => {
    const report = await applyRetention(ids, retentionPeriodsOf(await getSettings()), await writeContext());
    if (report.anonymized.length > 0) await announce(report.anonymized.map((a) => a.id));
    return report;
  },
  'complaints/link-group': async ({ ids }) => {
    const group = [...new Set(ids)];
    const w = await writeContext();
    const linked: string[] = [];
    try {
      for (const id of group) {
        const current = await getComplaint(id);
        if (!current) throw new UserError('register.notFound', { id });
        const patch = linkPatch(current, group);
        // Patched at the revision read: a change made meanwhile is refused rather than overwritten.
        if (patch) linked.push((await updateComplaint(id, current.rev, patch, w)).id);
      }
    } finally {
      if (linked.length > 0) await announce(linked);
    }
    return { linked: linked.length };
  },
  'webmail/scan': async ({ messages, threadIds }) => {
    const settings = await getSettings();
    return answerScan(
      messages,
      threadIds,
      {
        dueSoonHours: settings.policy.dueSoonHours,
        ownDomains: settings.ownDomains,
        spotThreshold: settings.spotThreshold,
        spotThresholds: settings.spotThresholds,
      },
      new Date(),
    );
  },
  'webmail/opened': async ({ messages, draft }, sender) => {
    if (sender.tab?.id === undefined) return false;
    const threadIds = [...new Set(messages.map((m) => m.threadId).filter((x): x is string => x !== null))];
    await reportWebmailTab(sender.tab.id, {
      messageIds: messages.map((m) => m.messageId),
      threadIds,
      draft,
      at: new Date().toISOString(),
    });
    return true;
  },
  'settings/save': async ({ settings }) => {
    // In a team register the organisation's fields are the server's (a manager writes them there first).
    const team = await productSync.getConnection();
    const saved = await saveSettings(
      team ? await teamSettings(engineDeps(), team, SettingsSchema.parse(settings), await getSettings()) : settings,
    );
    await announce([]);
    return saved;
  },
  'templates/save': async ({ id, lang, source }) => {
    const meta = templateMeta(id);
    if (!meta) throw new UserError('letters.refused.unknownTemplate', { id });
    const problems = validateTemplate(source, meta);
    if (problems.length > 0) {
      throw new UserError('options.templates.refused', { list: problems.map((p) => p.message).join(' ') });
    }
    const team = await productSync.getConnection();
    assertMayEditLetters(team);
    const saved = await saveTemplateOverride(id, lang, source, new Date());
    if (team) await publishTemplate(engineDeps(), team, id, lang, saved);
    await announce([]);
    return saved;
  },
  'templates/reset': async ({ id, lang }) => {
    const team = await productSync.getConnection();
    assertMayEditLetters(team);
    if (team) await unpublishTemplate(engineDeps(), team, id, lang);
    const removed = await resetTemplateOverride(id, lang);
    await announce([]);
    return removed;
  },
  // A restore announces once, when it finishes: not once per batch of a thousand complaints.
  'backup/check-begin': async ({ retention }) => ({
    checkId: beginCheck(retention && { periods: retention.periods, now: new Date(retention.now) }),
  }),
  'backup/check-batch': ({ checkId, index, entries }) => checkBatch(checkId, index, entries),
  'backup/restore-begin': async ({ checkId }) => {
    const restoreId = await beginRestore(new Date(), checkId ?? null);
    watchRestore('begin', () => announce([]));
    return { restoreId };
  },
  'backup/restore-batch': ({ restoreId, entries, index }) => restoreBatch(restoreId, entries, index),
  'backup/restore-finish': async ({ restoreId, meta }) => {
    const outcome = await restoreFinish(restoreId, meta);
    await announce([]);
    return outcome;
  },
  'backup/restore-cancel': async ({ restoreId }) => {
    const undone = await rollbackRestore(restoreId);
    if (undone) await announce([]);
    return undone;
  },
  'badge/refresh': () => refreshBadge(),
  ...teamHandlers(writeContext),
  ...assignmentHandlers(writeContext, written),
  'register/quarantine': async ({ ids }) => {
    const moved = await quarantineComplaints(ids, new Date());
    if (moved.length) await announce([]);
    return moved.length;
  },
  // The router has already opened the panel, inside the click's gesture.
  'sidepanel/open': async ({ view }, sender) => {
    if (sender.tab?.id === undefined) return false;
    await reportAsked(sender.tab.id, view);
    return true;
  },
};
