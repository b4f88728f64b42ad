export const content = {
  'content.log': 'Consigner la réclamation',
  'content.logLikely': 'Consigner la réclamation (réclamation probable)',
  'content.logTitle': 'Enregistrer ce message dans le registre des réclamations',
  'content.logLikelyTitle': 'Ce message ressemble à une réclamation : {cues}',
  'content.chip': '{reference} · {phase}',
  'content.chipDue': '{reference} · {phase} · {countdown}',
  'content.chipLabel': 'Réclamation {reference}, {phase}. Ouvrir dans le panneau.',
  'content.chipLabelDue': 'Réclamation {reference}, {phase}, prochaine échéance {countdown}. Ouvrir dans le panneau.',
  'content.rowChipLabel': 'Conversation consignée : réclamation {reference}, {phase}',
} as const;
