import type { privacy as fr } from '../fr/privacy';

export const privacy: Record<keyof typeof fr, string> = {
  'privacy.placeholder.customer': 'Anonymised customer',
  'privacy.placeholder.subject': 'Anonymised complaint',
  'privacy.placeholder.text': '[Text erased: personal data]',
  'privacy.alreadyAnonymized': 'Complaint {reference} is already anonymised.',
  'privacy.notDue':
    'Complaint {reference} has not reached the end of its retention period: it cannot be anonymised on that ground.',
  'privacy.reason.retention': 'end of the retention period',
  'privacy.reason.request': 'customer’s erasure request',
  'privacy.erase.button': 'Anonymise (customer’s erasure request)',
  'privacy.erase.confirmTitle': 'Anonymise complaint {reference} ({customer})?',
  'privacy.erase.confirm':
    'The personal data will be permanently erased from the complaint and its history: name, contact details, customer and order numbers, message, summary, notes and free texts. Dates, category, product, decision and compensation are kept for statistics. This cannot be undone.',
  'privacy.erase.confirmButton': 'Anonymise permanently',
  'privacy.erase.cancel': 'Cancel',
  'privacy.erase.busy': 'Anonymising…',
  'privacy.erase.done': 'Complaint anonymised on {date}: its personal data has been erased.',
  'privacy.retention.title': 'Retention of personal data',
  'privacy.retention.help':
    'The personal data of a complaint is kept {years} year(s) after its closure (for a message filed as not a complaint, after its last update), then anonymised. Statistics remain.',
  'privacy.retention.loading': 'Looking for complaints past their retention period…',
  'privacy.retention.none': 'No complaint is past its retention period.',
  'privacy.retention.count': '{n} complaint(s) are past their retention period.',
  'privacy.retention.column.reference': 'Reference',
  'privacy.retention.column.closedAt': 'Closed on',
  'privacy.retention.column.customer': 'Customer (initials)',
  'privacy.retention.apply': 'Anonymise these complaints…',
  'privacy.retention.confirmOne': '1 complaint will be anonymised: {list}.',
  'privacy.retention.confirmMany': '{n} complaints will be anonymised: {list}.',
  'privacy.retention.confirmDetail':
    'Their personal data will be permanently erased, including from the history. This cannot be undone.',
  'privacy.retention.confirmButton': 'Confirm anonymisation',
  'privacy.retention.cancel': 'Cancel',
  'privacy.retention.busy': 'Anonymising…',
  'privacy.retention.done': '{n} complaint(s) anonymised: {list}.',
  'privacy.retention.skipped': '{n} complaint(s) not anonymised:',
  'privacy.retention.failed': 'Anonymisation failed: {message}',
};
