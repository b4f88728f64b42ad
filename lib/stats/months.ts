// Calendar months as a French register reads them: Europe/Paris months ("2026-03" starts at midnight in
// Paris on 1 March, 23:00Z the day before), whatever the machine's zone. Pure: `now` is a parameter.
import { parisDay, startOfParisDay } from '../deadlines/paris-time';

export interface MonthWindow {
  /** `YYYY-MM`, oldest first; the last one is the month of `now`. */
  keys: string[];
  /** Start instants (epoch ms) of each month, plus the start of the month after the last: keys.length + 1 items. */
  starts: number[];
}

const key = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/** The `count` Paris months ending with the month of `now` (the current month is partial). */
export function lastMonths(now: Date, count: number): MonthWindow {
  const [year, month] = parisDay(now).split('-').map(Number) as [number, number];
  const keys: string[] = [];
  const starts: number[] = [];
  for (let back = count - 1; back >= -1; back--) {
    const index = year * 12 + (month - 1) - back;
    const k = key(Math.floor(index / 12), (index % 12) + 1);
    starts.push(Date.parse(startOfParisDay(`${k}-01`)));
    if (back >= 0) keys.push(k);
  }
  return { keys, starts };
}

/** Index in `window.keys` of the month holding the instant `ms`, or -1 outside the window. */
export function monthIndex(window: MonthWindow, ms: number): number {
  const { starts } = window;
  if (!(ms >= (starts[0] as number) && ms < (starts[starts.length - 1] as number))) return -1;
  let i = starts.length - 2;
  while (ms < (starts[i] as number)) i--;
  return i;
}
