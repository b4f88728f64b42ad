import { describe, expect, it } from 'vitest';
import { clockStatus, remaining } from '../../lib/deadlines';

// Answer due at the end of Fri 15 May 2026 (23:59:59.999 CEST); "due soon" in the last 24 hours.
const dueAt = '2026-05-15T21:59:59.999Z';
const at = (iso: string) => new Date(iso);
const HOUR = 3600 * 1000;

describe('clockStatus', () => {
  it('is running until the due-soon window opens', () => {
    expect(clockStatus({ dueAt }, at('2026-05-10T08:00:00Z'), 24)).toBe('running');
    expect(clockStatus({ dueAt }, new Date(Date.parse(dueAt) - 24 * HOUR - 1), 24)).toBe('running');
  });

  it('is due soon from exactly dueSoonHours before the deadline up to the deadline itself', () => {
    expect(clockStatus({ dueAt }, new Date(Date.parse(dueAt) - 24 * HOUR), 24)).toBe('dueSoon');
    expect(clockStatus({ dueAt }, at(dueAt), 24)).toBe('dueSoon');
  });

  it('is overdue one millisecond after the deadline', () => {
    expect(clockStatus({ dueAt, metAt: null }, new Date(Date.parse(dueAt) + 1), 24)).toBe('overdue');
    expect(clockStatus({ dueAt }, at('2026-05-16T00:00:00+02:00'), 24)).toBe('overdue');
  });

  it('is met when done at the very deadline, whatever the date now', () => {
    expect(clockStatus({ dueAt, metAt: dueAt }, at('2026-09-01T00:00:00Z'), 24)).toBe('met');
    expect(clockStatus({ dueAt, metAt: '2026-05-12T09:00:00Z' }, at('2026-05-12T10:00:00Z'), 24)).toBe('met');
  });

  it('is met late when done one millisecond after the deadline', () => {
    expect(clockStatus({ dueAt, metAt: '2026-05-15T22:00:00.000Z' }, at('2026-05-20T00:00:00Z'), 24)).toBe('metLate');
  });

  it('is not applicable whatever the dates when flagged so', () => {
    expect(clockStatus({ dueAt, notApplicable: true }, at('2026-06-01T00:00:00Z'), 24)).toBe('notApplicable');
    expect(clockStatus({ dueAt, metAt: dueAt, notApplicable: true }, at(dueAt), 24)).toBe('notApplicable');
  });

  it('follows a longer due-soon threshold', () => {
    expect(clockStatus({ dueAt }, at('2026-05-13T22:00:00Z'), 48)).toBe('dueSoon');
    expect(clockStatus({ dueAt }, at('2026-05-13T22:00:00Z'), 24)).toBe('running');
  });
});

describe('remaining', () => {
  it('is positive before the deadline and negative after', () => {
    expect(remaining(dueAt, at('2026-05-15T20:59:59.999Z'))).toBe(HOUR);
    expect(remaining(dueAt, at(dueAt))).toBe(0);
    expect(remaining(new Date(dueAt), at('2026-05-15T22:59:59.999Z'))).toBe(-HOUR);
  });
});
