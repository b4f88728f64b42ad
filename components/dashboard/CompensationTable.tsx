// Compensation granted, month by month (execution date, else answer date), and beside it the remedies owed by
// law: a legal refund is money paid too, but it is not a compensation the company chose to grant.
import { getLang, t } from '@/lib/i18n';
import { formatEuros } from '@/lib/i18n/money';
import type { MonthStats } from '@/lib/stats/compute';
import { formatCount, formatMonth } from '@/lib/stats/format';

export function CompensationTable({ months }: { months: MonthStats[] }) {
  return (
    <table class="dash-table dash-table--numbers" data-testid="dash-compensation">
      <caption>{t('dash.compensation.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dash.table.month')}</th>
          <th scope="col">{t('dash.table.count')}</th>
          <th scope="col">{t('dash.table.amount')}</th>
          <th scope="col">{t('dash.compensation.legalCount')}</th>
          <th scope="col">{t('dash.compensation.legalRefunds')}</th>
        </tr>
      </thead>
      <tbody>
        {[...months].reverse().map((m) => (
          <tr key={m.month}>
            <th scope="row">{formatMonth(m.month)}</th>
            <td>{formatCount(m.compensation.count)}</td>
            <td>{formatEuros(m.compensation.euros, getLang())}</td>
            <td>{formatCount(m.legal.count)}</td>
            <td>{formatEuros(m.legal.euros, getLang())}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
