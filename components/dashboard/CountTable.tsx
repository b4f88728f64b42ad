// A small table of counts (by phase, reason or severity) with a bar showing each one's weight.
import { t } from '@/lib/i18n';
import { formatCount } from '@/lib/stats/format';

export interface CountRow {
  key: string;
  label: string;
  /** Null while it is being counted. */
  count: number | null;
}

interface Props {
  title: string;
  rows: CountRow[];
  testId: string;
}

export function CountTable({ title, rows, testId }: Props) {
  const max = Math.max(1, ...rows.map((r) => r.count ?? 0));
  return (
    <table class="dash-table" data-testid={testId}>
      <caption>{title}</caption>
      <thead class="visually-hidden">
        <tr>
          <th scope="col">{t('dash.table.label')}</th>
          <th scope="col">{t('dash.table.count')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-key={r.key}>
            <th scope="row">
              {r.label}
              <span class="dash-bar" style={{ width: `${(100 * (r.count ?? 0)) / max}%` }} aria-hidden="true" />
            </th>
            <td>{r.count === null ? t('dash.pending') : formatCount(r.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
