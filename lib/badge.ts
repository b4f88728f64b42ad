// What the toolbar badge says: overdue complaints in red; when none is overdue, those due soon in orange;
// nothing when all is well. Pure, so it is tested on any counts.
import { t } from './i18n';

export const BADGE_RED = '#C5221F';
export const BADGE_ORANGE = '#E37400';

export interface BadgeState {
  text: string;
  color: string;
  title: string;
}

export function badgeFor(counts: { overdue: number; dueSoon: number }): BadgeState {
  const title = counts.overdue || counts.dueSoon ? t('badge.title', counts) : t('badge.titleNone');
  if (counts.overdue > 0) return { text: shortCount(counts.overdue), color: BADGE_RED, title };
  if (counts.dueSoon > 0) return { text: shortCount(counts.dueSoon), color: BADGE_ORANGE, title };
  return { text: '', color: BADGE_ORANGE, title };
}

/** The badge has room for about four characters. */
const shortCount = (n: number) => (n > 999 ? '999+' : String(n));
