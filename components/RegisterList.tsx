// The register, most urgent first: reference, customer, phase and the next deadline as a countdown.
import { t } from '@/lib/i18n';
import type { Complaint } from '@/lib/register/schema';
import { urgencyOf } from '@/lib/register/urgency';
import { DeadlineChip } from './DeadlineChip';

interface Props {
  complaints: Complaint[];
  now: Date;
  dueSoonHours: number;
  filtered: boolean;
  onOpen: (id: string) => void;
}

export function RegisterList({ complaints, now, dueSoonHours, filtered, onOpen }: Props) {
  if (complaints.length === 0) {
    return <p class="empty">{t(filtered ? 'ui.register.emptyFiltered' : 'ui.register.empty')}</p>;
  }
  return (
    <ul class="register" data-testid="register-list">
      {complaints.map((c) => {
        const u = urgencyOf(c, now, dueSoonHours);
        return (
          <li key={c.id}>
            <button type="button" class="register__row" data-testid="register-row" onClick={() => onOpen(c.id)}>
              <span class="register__ref">{c.reference}</span>
              <span class="register__customer">{c.customer.name || c.customer.email}</span>
              <span class="register__subject">{c.subject}</span>
              <span class="register__phase">{t(`phase.${c.phase}`)}</span>
              {c.assignee && (
                <span class="register__assignee" data-testid="row-assignee">
                  {t('ui.list.assignee', { name: c.assignee.name })}
                </span>
              )}
              <DeadlineChip
                status={u.status}
                dueAt={u.dueAt}
                now={now}
                label={u.clock ? t(u.clock === 'ack' ? 'ui.clock.ack' : 'ui.clock.answer') : undefined}
              />
            </button>
          </li>
        );
      })}
    </ul>
  );
}
