// From a message read in the webmail to the draft of a register entry. Only what the complaint needs is
// kept: sender, date, subject, ids to find the thread again, and an excerpt of the text.
import type { SpotView } from '../../protocol/webmail';
import type { Draft } from '../../register/draft';
import type { AdapterId, ReadMessage } from '../../webmail/types';

export const EXCERPT_MAX = 4000;

export function excerptOf(text: string): string {
  const clean = text.replace(/\n{3,}/g, '\n\n').trim();
  return clean.length <= EXCERPT_MAX ? clean : `${clean.slice(0, EXCERPT_MAX - 1).trimEnd()}…`;
}

/** The https address of the thread, kept so the register links back to it (never another scheme). */
export function threadLink(href: string): string | undefined {
  try {
    const url = new URL(href);
    return url.protocol === 'https:' ? url.href.slice(0, 2000) : undefined;
  } catch {
    return undefined;
  }
}

export function draftFromMessage(
  message: Omit<ReadMessage, 'element'>,
  webmail: AdapterId,
  href: string,
  spot?: Pick<SpotView, 'likely' | 'score' | 'cues' | 'fragments'>,
): Draft {
  return {
    receivedAt: message.date ?? undefined,
    channel: 'email',
    source: {
      webmail,
      messageId: message.messageId,
      threadId: message.threadId ?? undefined,
      url: threadLink(href),
    },
    customer: { civility: 'none', name: message.from.name.slice(0, 200), email: message.from.email.slice(0, 320) },
    subject: message.subject.slice(0, 500),
    excerpt: excerptOf(message.text),
    spot: spot
      ? {
          likely: spot.likely,
          score: spot.score,
          cues: spot.cues.slice(0, 50),
          ...(spot.fragments ? { fragments: spot.fragments.slice(0, 5) } : {}),
        }
      : undefined,
    ...(message.readVia ? { readVia: message.readVia } : {}),
  };
}
