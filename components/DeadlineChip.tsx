// The state of a clock as a coloured chip with a French countdown ("dans 3 h", "en retard de 2 j").
import type { ClockStatus } from '@/lib/deadlines/clock';
import { t } from '@/lib/i18n';
import { formatDateTime } from '@/lib/i18n/dates';
import { countdown } from '@/lib/register/urgency';

interface Props {
  status: ClockStatus;
  dueAt: string | null;
  now: Date;
  label?: string;
}

export function DeadlineChip({ status, dueAt, now, label }: Props) {
  const text =
    dueAt && (status === 'overdue' || status === 'dueSoon' || status === 'running')
      ? countdown(dueAt, now)
      : t(`deadlines.status.${status}`);
  return (
    <span class={`chip chip--${status}`} title={dueAt ? formatDateTime(dueAt) : undefined}>
      {label ? `${label} : ` : ''}
      {text}
    </span>
  );
}
