// Recurring problems: each group says why its complaints look alike (fields and shared words) and
// offers to link them into each other's investigation in one click.
import { t } from '@/lib/i18n';
import { formatDay } from '@/lib/i18n/dates';
import type { RecurringGroup } from '@/lib/stats/recurring';

interface Props {
  groups: RecurringGroup[];
  /** Groups left out of the list (the smallest ones). */
  hidden: number;
  days: number;
  maxLink: number;
  categoryLabel: (id: string) => string;
  /** Key (first complaint id) of the group being linked, if any. */
  linking: string | null;
  onLink: (group: RecurringGroup) => void;
}

const SHOWN_COMPLAINTS = 8;
export const groupKey = (g: RecurringGroup) => g.complaints[0]?.id ?? '';

function why(g: RecurringGroup, categoryLabel: (id: string) => string): string[] {
  return [
    t('dash.recurring.customers', { n: g.customers }),
    g.category !== null ? t('dash.recurring.sameCategory', { category: categoryLabel(g.category) }) : '',
    g.product !== null ? t('dash.recurring.sameProduct', { product: g.product }) : '',
    g.sharedWords.length ? t('dash.recurring.words', { words: g.sharedWords.join(', ') }) : '',
  ].filter(Boolean);
}

export function RecurringList({ groups, hidden, days, maxLink, categoryLabel, linking, onLink }: Props) {
  if (groups.length === 0) return <p class="empty">{t('dash.recurring.none', { days })}</p>;
  return (
    <>
      <ul class="dash-groups">
        {groups.map((g) => {
          const key = groupKey(g);
          const rest = g.complaints.length - SHOWN_COMPLAINTS;
          return (
            <li key={key} class="dash-group" data-testid="dash-group">
              <h3>{t('dash.recurring.group', { n: g.complaints.length, days })}</h3>
              <ul class="dash-group__why">
                {why(g, categoryLabel).map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
              <ul class="dash-group__complaints">
                {g.complaints.slice(0, SHOWN_COMPLAINTS).map((c) => (
                  <li key={c.id}>
                    <span class="register__ref">{c.reference}</span> <span>{formatDay(c.receivedAt)}</span>{' '}
                    <span>{c.subject}</span> <span class="dash-muted">{c.customer.name || c.customer.email}</span>
                  </li>
                ))}
                {rest > 0 && <li class="dash-muted">{t('dash.recurring.moreComplaints', { n: rest })}</li>}
              </ul>
              {g.linked ? (
                <p class="chip chip--met" data-testid="dash-group-linked">
                  {t('dash.recurring.linked')}
                </p>
              ) : g.complaints.length > maxLink ? (
                <p class="dash-muted">{t('dash.recurring.tooLarge', { max: maxLink })}</p>
              ) : (
                <button
                  type="button"
                  class="button button--primary"
                  disabled={linking !== null}
                  onClick={() => onLink(g)}
                  data-testid="dash-group-link"
                >
                  {linking === key ? t('dash.recurring.linking') : t('dash.recurring.link')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {hidden > 0 && <p class="dash-muted">{t('dash.recurring.more', { n: hidden })}</p>}
    </>
  );
}
