// The monthly chart, loaded on demand by MonthlyChart (its own chunk: only the dashboard ever loads
// Chart.js). Only the pieces a line chart needs are registered, so the rest of Chart.js is shaken off.
import {
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip);

export interface Series {
  label: string;
  /** Percentages (0–100); null where nothing was decided that month. */
  values: (number | null)[];
  color: string;
}

export interface SharesChart {
  months: string[];
  series: Series[];
  /** Axis tick ("80 %") and tooltip line ("Réponse dans le délai : 80 %"), in the page's language. */
  tick: (percent: number) => string;
  point: (label: string, percent: number) => string;
}

/** Draws the shares on `canvas`; returns what removes the chart. */
export function drawShares(canvas: HTMLCanvasElement, { months, series, tick, point }: SharesChart): () => void {
  const chart = new Chart(canvas, {
    type: 'line',
    data: {
      labels: months,
      datasets: series.map((s) => ({
        label: s.label,
        data: s.values,
        borderColor: s.color,
        backgroundColor: s.color,
        pointRadius: 3,
        // Straight segments: a smoothed curve would suggest values between the months that were never measured.
        tension: 0,
        clip: 8,
        spanGaps: true,
      })),
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: {
        y: { min: 0, max: 100, ticks: { callback: (v) => tick(Number(v)) } },
      },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: { callbacks: { label: (item) => point(item.dataset.label ?? '', item.parsed.y ?? 0) } },
      },
    },
  });
  return () => chart.destroy();
}
