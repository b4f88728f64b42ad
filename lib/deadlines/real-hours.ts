// A clock counted in hours runs on real elapsed time (compute.ts): 48 hours from a Friday evening end on
// Sunday evening, whoever is at work. The complaint view warns the agent when such a clock crosses days off.
import { isHoliday } from './calendar';
import { addCalendarDays, weekday } from './civil-day';
import { parisDay } from './paris-time';
import type { CalendarOptionsInput, Duration } from './policy';

/** The Saturdays, Sundays and public holidays (Paris days) an hour clock runs through; [] for day or month clocks. */
export function daysOffInHoursClock(
  receivedAt: string,
  dueAt: string,
  rule: Duration,
  opts: CalendarOptionsInput = {},
): string[] {
  if (rule.unit !== 'heures') return [];
  const last = parisDay(dueAt);
  const days: string[] = [];
  for (let day = parisDay(receivedAt); day <= last; day = addCalendarDays(day, 1)) {
    const dow = weekday(day);
    if (dow === 0 || dow === 6 || isHoliday(day, opts)) days.push(day);
  }
  return days;
}
