// The deadline engine: pure functions, no browser API. See compute.ts for the counting rules.
export {
  addCalendarDays,
  addMonthsClamped,
  daysBetween,
  daysInMonth,
  type Holiday,
  holidayName,
  holidaysIn,
  type IsoDay,
  isClosureDay,
  isHoliday,
  isIsoDay,
  isoDaySchema,
  isWorkingDayOuvrable,
  isWorkingDayOuvre,
  makeIsoDay,
  weekday,
} from './calendar';
export { type Clock, ClockSchema, type ClockStatus, ClockStatusSchema, clockStatus, remaining } from './clock';
export { computeDue, type DueDate, type DueDateExplained, DueDateSchema, explainDue } from './compute';
export { checkExtension, type ExtensionRequest, extensionLimit, extensionRefusal } from './extension';
export { endOfParisDay, instantSchema, PARIS_TZ, parisDay, startOfParisDay, toInstant } from './paris-time';
export {
  type CalendarOptions,
  type CalendarOptionsInput,
  CalendarOptionsSchema,
  type ClockRule,
  ClockRuleSchema,
  DEFAULT_POLICY,
  type DeadlinePolicy,
  DeadlinePolicySchema,
  type DeadlinePreset,
  DeadlinePresetSchema,
  type Duration,
  DurationSchema,
  type DurationUnit,
  DurationUnitSchema,
  formatDuration,
  POLICY_PRESETS,
  parseDuration,
  policyFromPreset,
  withPresetRules,
} from './policy';
export { daysOffInHoursClock } from './real-hours';
