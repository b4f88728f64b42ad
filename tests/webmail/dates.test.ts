import { describe, expect, it } from 'vitest';
import { isValidTimeZone, parseWebmailDate } from '../../lib/webmail/dates';

const PARIS = 'Europe/Paris';

describe('parseWebmailDate', () => {
  it('reads Gmail English dates with the narrow no-break space before AM/PM', () => {
    expect(parseWebmailDate('Apr 9, 2025, 3:02\u202fAM', PARIS)).toBe('2025-04-09T01:02:00.000Z');
    expect(parseWebmailDate('Tue, Apr 8, 2025, 11:26\u202fAM', PARIS)).toBe('2025-04-08T09:26:00.000Z');
    expect(parseWebmailDate('Apr 9, 2025, 8:01 PM', PARIS)).toBe('2025-04-09T18:01:00.000Z');
  });

  it('reads the classic "at" form and winter time', () => {
    expect(parseWebmailDate('Thu, Dec 18, 2014 at 12:35 PM', PARIS)).toBe('2014-12-18T11:35:00.000Z');
    expect(parseWebmailDate('Fri, Jan 18, 2019, 1:10 AM', PARIS)).toBe('2019-01-18T00:10:00.000Z');
  });

  it('reads Gmail French dates, where "mar." is Tuesday and not March', () => {
    expect(parseWebmailDate('9 avr. 2025, 15:02', PARIS)).toBe('2025-04-09T13:02:00.000Z');
    expect(parseWebmailDate('mar. 8 avr. 2025, 11:26', PARIS)).toBe('2025-04-08T09:26:00.000Z');
    expect(parseWebmailDate('jeu. 18 déc. 2014 à 12:35', PARIS)).toBe('2014-12-18T11:35:00.000Z');
    expect(parseWebmailDate('Mar 9, 2025, 12:00 AM', PARIS)).toBe('2025-03-08T23:00:00.000Z');
  });

  it('interprets the wall time in the given zone, across DST', () => {
    expect(parseWebmailDate('Apr 9, 2025, 3:02 AM', 'America/Los_Angeles')).toBe('2025-04-09T10:02:00.000Z');
    expect(parseWebmailDate('sam. 29 mars 2025 à 12:00', PARIS)).toBe('2025-03-29T11:00:00.000Z');
    expect(parseWebmailDate('lun. 31 mars 2025 à 12:00', PARIS)).toBe('2025-03-31T10:00:00.000Z');
  });

  it("reads Outlook's numeric dates in the page's order", () => {
    expect(parseWebmailDate('mar. 08/04/2025 11:26', PARIS)).toBe('2025-04-08T09:26:00.000Z');
    expect(parseWebmailDate('Tue 4/8/2025 11:26 AM', PARIS, { numericOrder: 'mdy' })).toBe('2025-04-08T09:26:00.000Z');
  });

  it('ignores the relative part Gmail appends', () => {
    expect(parseWebmailDate('8 avr. 2025, 11:26 (il y a 1 jour)', PARIS)).toBe('2025-04-08T09:26:00.000Z');
  });

  it('returns null when the text is not a full date with a time', () => {
    for (const text of [
      '',
      '3:02 AM',
      'Apr 9',
      'Feb 30, 2025, 1:00 PM',
      'hier',
      '31/02/2025 10:00',
      '13:02 PM Apr 9, 2025',
    ])
      expect(parseWebmailDate(text, PARIS), text).toBeNull();
    expect(parseWebmailDate(null, PARIS)).toBeNull();
  });

  it('returns null for an unknown zone', () => {
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(parseWebmailDate('Apr 9, 2025, 3:02 AM', 'Mars/Olympus')).toBeNull();
  });
});
