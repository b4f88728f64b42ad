import type { deadlines as fr } from '../fr/deadlines';

export const deadlines: Record<keyof typeof fr, string> = {
  'deadlines.badDuration':
    'Invalid duration: “{text}”. Examples: “48 heures”, “10 jours”, “10 jours ouvrés”, “10 jours ouvrables”, “2 mois” (a whole number from 1 to 366).',
  'deadlines.badInstant':
    'Invalid receipt date: “{text}”. Expected an ISO 8601 instant with its offset, e.g. 2026-05-12T09:30:00Z or 2026-05-12T11:30:00+02:00.',
  'deadlines.badDay': 'Invalid day: “{text}”. Expected a real date written YYYY-MM-DD.',
  'deadlines.noWorkingDay': 'No working day found after {day}: check the closure days.',
  'deadlines.cli.usage':
    'Usage: npm run -s due -- <ISO receipt instant> "<n> <unit>" [--alsace-moselle] [--closure=YYYY-MM-DD]… | <instant> ack|answer --preset=<procedure|joursOuvres|acpr|servicesPaiement>',
  'deadlines.cli.missingArgs': 'Missing arguments: a receipt instant and a duration are required.',
  'deadlines.cli.tooManyArgs': 'Unexpected argument: “{arg}”.',
  'deadlines.cli.unknownFlag': 'Unknown option: “{flag}”.',
  'deadlines.cli.unknownPreset': 'Unknown rule: “{preset}”. Expected procedure, joursOuvres, acpr or servicesPaiement.',
  'deadlines.cli.presetClock': 'With --preset, name the clock “ack” (acknowledgement) or “answer”, not “{arg}”.',
  'deadlines.unit.heures': 'hours',
  'deadlines.unit.jours': 'calendar days',
  'deadlines.unit.joursOuvres': 'working days (Mon-Fri)',
  'deadlines.unit.joursOuvrables': 'working days (Mon-Sat)',
  'deadlines.unit.mois': 'months',
  'deadlines.unitOne.heures': 'hour',
  'deadlines.unitOne.jours': 'calendar day',
  'deadlines.unitOne.joursOuvres': 'working day (Mon-Fri)',
  'deadlines.unitOne.joursOuvrables': 'working day (Mon-Sat)',
  'deadlines.unitOne.mois': 'month',
  'deadlines.preset.procedure': 'Internal procedure (48 h / 10 calendar days)',
  'deadlines.preset.joursOuvres': 'Working days (2 / 10 working days)',
  'deadlines.preset.acpr': 'ACPR (10 working days Mon-Sat / 2 months)',
  'deadlines.preset.servicesPaiement': 'Payment services (48 h / 15 working days Mon-Sat, 35 at most)',
  'deadlines.preset.custom': 'Custom',
  'deadlines.presetHelp.procedure':
    'Closure days lengthen the deadlines; a deadline falling on a Saturday, Sunday or public holiday moves to the next working day (French Code of Civil Procedure, art. 642).',
  'deadlines.presetHelp.joursOuvres': 'Only Monday to Friday count, leaving out public holidays and closure days.',
  'deadlines.presetHelp.acpr':
    'ACPR recommendation 2022-R-01: only Sundays and public holidays lengthen the 10 working days (not your closure days), and the 2 months are a maximum that does not move past a weekend or a public holiday.',
  'deadlines.presetHelp.servicesPaiement':
    'Monetary and Financial Code, art. L133-45: answer within 15 working days; in exceptional situations, up to 35 working days after receipt, provided a holding reply giving the reasons for the delay was sent to the customer.',
  'deadlines.presetHelp.custom':
    'Durations of your choice, counted like the internal procedure (closure days included, moved to the next working day).',
  'deadlines.extension.holdingReplyMissing':
    'Extension refused: enter the date of the holding reply sent to the customer giving the reasons for the delay (Monetary and Financial Code, art. L133-45). It must be sent by {day}.',
  'deadlines.extension.holdingReplyLate':
    'Extension refused: the holding reply must reach the customer by the original deadline, {day} (Monetary and Financial Code, art. L133-45).',
  'deadlines.extension.beyondMax':
    'Extension refused: the final answer is due by {day} at the latest, {max} after receipt (Monetary and Financial Code, art. L133-45).',
  'deadlines.realHours.ack':
    'Deadline in real hours: the acknowledgement is due on {due}, weekends and public holidays included.',
  'deadlines.realHours.answer':
    'Deadline in real hours: the answer is due on {due}, weekends and public holidays included.',
  'deadlines.clock.ack': 'Acknowledgement',
  'deadlines.clock.answer': 'Answer',
  'deadlines.status.running': 'Running',
  'deadlines.status.dueSoon': 'Due soon',
  'deadlines.status.overdue': 'Overdue',
  'deadlines.status.met': 'On time',
  'deadlines.status.metLate': 'Done late',
  'deadlines.status.notApplicable': 'Not applicable',
  'deadlines.holiday.jourDeLAn': "New Year's Day",
  'deadlines.holiday.lundiDePaques': 'Easter Monday',
  'deadlines.holiday.feteDuTravail': 'Labour Day',
  'deadlines.holiday.victoire1945': 'Victory in Europe Day',
  'deadlines.holiday.ascension': 'Ascension Day',
  'deadlines.holiday.lundiDePentecote': 'Whit Monday',
  'deadlines.holiday.feteNationale': 'Bastille Day',
  'deadlines.holiday.assomption': 'Assumption Day',
  'deadlines.holiday.toussaint': "All Saints' Day",
  'deadlines.holiday.armistice': 'Armistice Day',
  'deadlines.holiday.noel': 'Christmas Day',
  'deadlines.holiday.vendrediSaint': 'Good Friday (Alsace-Moselle)',
  'deadlines.holiday.saintEtienne': "St Stephen's Day (Alsace-Moselle)",
};
