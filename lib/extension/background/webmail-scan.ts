// The answer to a webmail page's scan: which of its messages and threads are in the register (as chips
// worded in the agent's language) and what the spotter thinks of each message not yet logged. Doing
// this here keeps the spotter, the register and the dictionaries out of the webmail content script.
import { t } from '../../i18n';
import {
  type ChipView,
  type ScanAnswer,
  ScanAnswerSchema,
  type ScannedMessage,
  type SpotView,
} from '../../protocol/webmail';
import type { Complaint } from '../../register/schema';
import { findByMessageId, findByThreadId } from '../../register/store/queries';
import { countdown } from '../../register/urgency';
import { assess } from '../../spotting/assess';
import type { SpotThresholds } from '../../spotting/threshold';
import { weighingWords } from '../../spotting/words';

export function chipView(c: Complaint, now: Date, dueSoonHours: number): ChipView {
  const phase = t(`phase.${c.phase}`);
  const due = c.nextDueAt;
  const left = due ? new Date(due).getTime() - now.getTime() : 0;
  const state = !due ? 'none' : left < 0 ? 'overdue' : left <= dueSoonHours * 3_600_000 ? 'dueSoon' : 'running';
  const params = { reference: c.reference, phase, countdown: due ? countdown(due, now) : '' };
  const text = t(due ? 'content.chipDue' : 'content.chip', params);
  const label = t(due ? 'content.chipLabelDue' : 'content.chipLabel', params);
  // Team register: who holds it, worded here so the content script's chip message stays as it is.
  const name = c.assignee?.name;
  return {
    id: c.id,
    messageId: c.source.messageId ?? null,
    threadId: c.source.threadId ?? null,
    state,
    text: name ? t('content.chipHolder', { chip: text, name }) : text,
    label: name ? t('content.chipLabelHolder', { label, name }) : label,
    rowText: c.reference,
    rowLabel: t('content.rowChipLabel', params),
  };
}

/** An address of one of the company's own domains (or a subdomain of one). */
export function isOwnAddress(email: string, ownDomains: string[]): boolean {
  const domain = email.toLowerCase().split('@')[1] ?? '';
  return domain !== '' && ownDomains.some((d) => domain === d.toLowerCase() || domain.endsWith(`.${d.toLowerCase()}`));
}

/** The spotter's verdict (cues and model, issue 15) worded for the page: the cues found, then the words
 *  the model weighed most. Only the cue table's shape crosses to the content script. */
export function spotView(
  message: ScannedMessage,
  ownDomains: string[],
  threshold: number | null = null,
  thresholds: SpotThresholds | null = null,
): SpotView {
  const verdict = assess(
    { subject: message.subject, text: message.text, fromEmail: message.fromEmail, ownDomains },
    { threshold, thresholds },
  );
  const reasons = verdict.cues.filter((c) => c.weight > 0).map((c) => c.label);
  if (verdict.fragments.length > 0) reasons.push(weighingWords(verdict.fragments));
  return {
    likely: verdict.likely,
    score: verdict.score,
    cues: verdict.cues,
    // A "word" is whatever the customer typed between spaces: bounded like every text that crosses to the page.
    fragments: verdict.fragments.map((f) => ({ text: f.text.slice(0, 200), weight: f.weight })),
    title: verdict.likely ? t('content.logLikelyTitle', { cues: reasons.join(' ; ') }) : t('content.logTitle'),
  };
}

export async function answerScan(
  messages: ScannedMessage[],
  threadIds: string[],
  settings: {
    dueSoonHours: number;
    ownDomains: string[];
    spotThreshold?: number | null;
    spotThresholds?: SpotThresholds;
  },
  now: Date,
): Promise<ScanAnswer> {
  const found = new Map<string, Complaint>();
  for (const m of messages) for (const c of await findByMessageId(m.messageId)) found.set(c.id, c);
  for (const th of new Set(threadIds)) for (const c of await findByThreadId(th)) found.set(c.id, c);
  const logged = new Set([...found.values()].map((c) => c.source.messageId));
  const own = messages.filter((m) => isOwnAddress(m.fromEmail, settings.ownDomains)).map((m) => m.messageId);
  const spots: Record<string, SpotView> = {};
  for (const m of messages)
    if (!logged.has(m.messageId) && !own.includes(m.messageId))
      spots[m.messageId] = spotView(
        m,
        settings.ownDomains,
        settings.spotThreshold ?? null,
        settings.spotThresholds ?? null,
      );
  // Parsed on the way out: the content script trusts this shape (see lib/content/guards.ts).
  return ScanAnswerSchema.parse({
    labels: { log: t('content.log'), logLikely: t('content.logLikely') },
    chips: [...found.values()].map((c) => chipView(c, now, settings.dueSoonHours)),
    spots,
    own,
  });
}
