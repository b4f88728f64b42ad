import { describe, expect, it } from 'vitest';
import { isScanAnswer, isTabRequest } from '@/lib/extension/content/guards';
import { ScanAnswerSchema, TabRequestSchema } from '@/lib/protocol/webmail';

const good = {
  labels: { log: 'Consigner la réclamation', logLikely: 'Consigner la réclamation (réclamation probable)' },
  chips: [
    {
      id: 'x',
      messageId: 'm',
      threadId: null,
      state: 'overdue',
      text: 'REC',
      label: 'l',
      rowText: 'r',
      rowLabel: 'rl',
    },
  ],
  spots: { m: { likely: true, score: 3, cues: [], title: 't' } },
  own: [],
};

describe('the content script’s shape checks', () => {
  it('accept exactly what the zod schemas accept for a scan answer', () => {
    const cases: unknown[] = [
      good,
      { ...good, chips: [{ ...good.chips[0], state: 'late' }] },
      { ...good, labels: { log: 1, logLikely: '' } },
      { ...good, spots: { m: { likely: 'yes', score: 1, cues: [], title: '' } } },
      { ...good, chips: 'nope' },
      null,
      [],
    ];
    for (const c of cases) expect(isScanAnswer(c), JSON.stringify(c)).toBe(ScanAnswerSchema.safeParse(c).success);
  });

  it('accept exactly what the zod schemas accept for a tab request', () => {
    const cases: unknown[] = [
      { type: 'webmail/current' },
      { type: 'letter/insert', letter: { text: 'Madame, Monsieur,' } },
      { type: 'letter/insert', messageId: 'm', letter: { text: 'x', html: '<p>x</p>' } },
      { type: 'letter/insert', letter: { text: 'x', html: 3 } },
      { type: 'letter/insert' },
      { type: 'letter/insert', letter: { text: '' } },
      { type: 'letter/delete' },
      'letter/insert',
    ];
    for (const c of cases) expect(isTabRequest(c), JSON.stringify(c)).toBe(TabRequestSchema.safeParse(c).success);
  });
});
