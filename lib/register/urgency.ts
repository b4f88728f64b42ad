// How urgent a complaint is, for lists and chips: the state of its next running clock and a French
// countdown ("dans 3 h", "en retard de 2 j"). Pure: `now` is a parameter.
import { type ClockStatus, clockStatus } from '../deadlines/clock';
import { t } from '../i18n';
import { CLOCKLESS_PHASES } from './phases';
import type { Complaint } from './schema';

export interface Urgency {
  clock: 'ack' | 'answer' | null;
  status: ClockStatus;
  dueAt: string | null;
}

export function urgencyOf(c: Pick<Complaint, 'phase' | 'clocks'>, now: Date, dueSoonHours: number): Urgency {
  if (CLOCKLESS_PHASES.includes(c.phase)) return { clock: null, status: 'notApplicable', dueAt: null };
  const clock = c.clocks.ack.metAt === null ? 'ack' : c.clocks.answer.metAt === null ? 'answer' : null;
  if (!clock) {
    const late = (['ack', 'answer'] as const).some((k) => (c.clocks[k].metAt ?? '') > c.clocks[k].dueAt);
    return { clock: null, status: late ? 'metLate' : 'met', dueAt: null };
  }
  // The earlier running clock decides (the answer clock can only come first after an extension).
  const running = (['ack', 'answer'] as const).filter((k) => c.clocks[k].metAt === null);
  const first = running.reduce((a, b) => (c.clocks[b].dueAt < c.clocks[a].dueAt ? b : a));
  return { clock: first, status: clockStatus(c.clocks[first], now, dueSoonHours), dueAt: c.clocks[first].dueAt };
}

const RANK: Record<ClockStatus, number> = { overdue: 0, dueSoon: 1, running: 2, metLate: 3, met: 3, notApplicable: 4 };

/** Most urgent first: overdue (oldest deadline first), then due soon, then by next deadline, then the rest, newest first. */
export function compareUrgency(now: Date, dueSoonHours: number) {
  return (a: Complaint, b: Complaint): number => {
    const ua = urgencyOf(a, now, dueSoonHours);
    const ub = urgencyOf(b, now, dueSoonHours);
    if (RANK[ua.status] !== RANK[ub.status]) return RANK[ua.status] - RANK[ub.status];
    if (ua.dueAt && ub.dueAt && ua.dueAt !== ub.dueAt) return ua.dueAt < ub.dueAt ? -1 : 1;
    return a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : 0;
  };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "dans 3 h", "dans 2 j", "en retard de 45 min": rounded down, in the largest unit that is at least 1. */
export function countdown(dueAt: string, now: Date): string {
  const left = new Date(dueAt).getTime() - now.getTime();
  const span = Math.abs(left);
  const amount =
    span >= DAY
      ? t('ui.countdown.days', { n: Math.floor(span / DAY) })
      : span >= HOUR
        ? t('ui.countdown.hours', { n: Math.floor(span / HOUR) })
        : t('ui.countdown.minutes', { n: Math.max(1, Math.floor(span / MINUTE)) });
  return left >= 0 ? t('ui.countdown.in', { amount }) : t('ui.countdown.late', { amount });
}
