// The head of a complaint: reference, customer, phase, and both deadlines with their status, always visible.
import { clockStatus } from '@/lib/deadlines/clock';
import { daysOffInHoursClock } from '@/lib/deadlines/real-hours';
import { t } from '@/lib/i18n';
import { formatDateTime, formatWeekdayDateTime } from '@/lib/i18n/dates';
import type { Complaint } from '@/lib/register/schema';
import { DeadlineChip } from './DeadlineChip';

interface Props {
  complaint: Complaint;
  now: Date;
  dueSoonHours: number;
}

export function ComplaintHeader({ complaint: c, now, dueSoonHours }: Props) {
  const clockless = c.phase === 'notComplaint';
  const clock = (k: 'ack' | 'answer') => ({
    status: clockless ? ('notApplicable' as const) : clockStatus(c.clocks[k], now, dueSoonHours),
    dueAt: c.clocks[k].dueAt,
  });
  // An hour clock still running on its first due date, over a weekend or a holiday: agents back on Monday
  // must not find it already overdue.
  const realHours = (k: 'ack' | 'answer') => {
    const { dueAt, metAt, extensions } = c.clocks[k];
    return !clockless && metAt === null && extensions.length === 0
      ? daysOffInHoursClock(c.receivedAt, dueAt, c.policy[k], c.policy).length > 0
      : false;
  };
  return (
    <header class="complaint-header" data-testid="complaint-header">
      <h2>
        <span data-testid="complaint-reference">{c.reference}</span> · {t(`phase.${c.phase}`)}
      </h2>
      <p class="complaint-header__who">
        {c.customer.name} {c.customer.email && <span>&lt;{c.customer.email}&gt;</span>}
      </p>
      <p class="complaint-header__subject">{c.subject}</p>
      {c.source.url && (
        // Back to the ticket or thread it came from (an https address, checked by the register's schema).
        <p class="complaint-header__source">
          <a
            href={c.source.url}
            target="_blank"
            rel="noopener noreferrer"
            data-testid="open-source"
            aria-label={t('helpdesk.openSourceLabel', { system: t(`helpdesk.system.${c.source.webmail}`) })}
          >
            {t('helpdesk.openSource')}
          </a>
        </p>
      )}
      <dl class="deadlines">
        {(['ack', 'answer'] as const).map((k) => (
          <div key={k} data-testid={`deadline-${k}`}>
            <dt>{t(k === 'ack' ? 'ui.clock.ack' : 'ui.clock.answer')}</dt>
            <dd>
              <DeadlineChip {...clock(k)} now={now} />{' '}
              <span class="deadlines__due">{formatDateTime(c.clocks[k].dueAt)}</span>
              {realHours(k) && (
                <p class="deadlines__note" data-testid={`real-hours-${k}`}>
                  {t(`deadlines.realHours.${k}`, { due: formatWeekdayDateTime(c.clocks[k].dueAt) })}
                </p>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </header>
  );
}
