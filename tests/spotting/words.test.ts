// Issue 15: the model's weighing words are worded in the agent's language, with its own quotation marks.
import { weighingWords } from '../../lib/spotting/words';

describe('weighingWords', () => {
  const fragments = [{ text: 'reçu' }, { text: 'tjrs rien' }];

  it('quotes each word the French way for a French agent', () => {
    expect(weighingWords(fragments, 'fr')).toBe('mots qui ont pesé : « reçu », « tjrs rien »');
  });

  it('and the English way for an English one', () => {
    expect(weighingWords(fragments, 'en')).toBe('words that weighed: “reçu”, “tjrs rien”');
  });
});
