// The month-by-month shares within the deadline: a Chart.js line chart on a canvas, drawn once the
// figures are on screen (Chart.js is fetched then), and the same figures as a table for screen readers.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { MonthStats } from '@/lib/stats/compute';
import { formatCount, formatMonth, formatShare } from '@/lib/stats/format';

interface Props {
  months: MonthStats[];
}

const ACK_COLOR = '#1a73e8';
const ANSWER_COLOR = '#137333';
const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

export function MonthlyChart({ months }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    let remove: (() => void) | undefined;
    let live = true;
    void import('./chart').then(({ drawShares }) => {
      if (!live || !canvas.current) return;
      remove = drawShares(canvas.current, {
        months: months.map((m) => formatMonth(m.month, true)),
        series: [
          { label: t('dash.chart.ack'), values: months.map((m) => percent(m.ack.onTime)), color: ACK_COLOR },
          { label: t('dash.chart.answer'), values: months.map((m) => percent(m.answer.onTime)), color: ANSWER_COLOR },
        ],
        tick: (v) => formatShare(v / 100),
        point: (label, v) => t('dash.chart.point', { label, value: formatShare(v / 100) }),
      });
      setDrawn(true);
      performance.mark('dashboard:chart');
    });
    return () => {
      live = false;
      remove?.();
    };
  }, [months]);

  return (
    <figure class="dash-chart" data-testid="dash-chart">
      <div class="dash-chart__canvas">
        <canvas ref={canvas} role="img" aria-label={t('dash.chart.label')} data-testid="dash-chart-canvas" />
        {!drawn && <p class="dash-chart__loading">{t('dash.chart.loading')}</p>}
      </div>
      <figcaption class="dash-note">{t('dash.chart.note')}</figcaption>
      <table class="visually-hidden" data-testid="dash-chart-table">
        <caption>{t('dash.chart.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dash.table.month')}</th>
            <th scope="col">{t('dash.table.received')}</th>
            <th scope="col">{t('dash.chart.ack')}</th>
            <th scope="col">{t('dash.chart.answer')}</th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month}>
              <th scope="row">{formatMonth(m.month)}</th>
              <td>{formatCount(m.received)}</td>
              <td>{formatShare(m.ack.onTime)}</td>
              <td>{formatShare(m.answer.onTime)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
