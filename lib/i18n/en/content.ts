import type { content as fr } from '../fr/content';

export const content: Record<keyof typeof fr, string> = {
  'content.log': 'Log complaint',
  'content.logLikely': 'Log complaint (likely complaint)',
  'content.logTitle': 'Save this message to the complaint register',
  'content.logLikelyTitle': 'This message looks like a complaint: {cues}',
  'content.chip': '{reference} · {phase}',
  'content.chipDue': '{reference} · {phase} · {countdown}',
  'content.chipLabel': 'Complaint {reference}, {phase}. Open in the panel.',
  'content.chipLabelDue': 'Complaint {reference}, {phase}, next deadline {countdown}. Open in the panel.',
  'content.rowChipLabel': 'Logged conversation: complaint {reference}, {phase}',
};
