// Issue 15: the spotter reads each message as French or English (for its combiner and threshold), and in
// English it notices the shape of a support tweet: a how-to question, the customer's own mistake, the brand's
// own voice, against something paid for that failed.
import { detectLang, hintsOf } from '../../lib/spotting/hints';
import { prepare } from '../../lib/spotting/score';
import { loadInbox } from '../../scripts/spotter/inbox';

const norm = (text: string) => prepare({ subject: '', text }).norm;

describe('detectLang', () => {
  it('tells French from English, misspelled French included', () => {
    expect(detectLang(norm('bonjour sa fait 3 semaine que jattend mon rembourcement, tjrs rien'))).toBe('fr');
    expect(detectLang(norm('@Dropbox need billing assistant asap. no chat help, no contact.'))).toBe('en');
    expect(detectLang(norm('Commande 4512'))).toBe('fr'); // nothing to go by: French, the product's first language
  });

  it('agrees with the labelled language of every message of the labelled inbox', () => {
    const wrong = loadInbox().entries.filter((e) => detectLang(prepare(e).norm) !== e.lang);

    expect(wrong.map((e) => e.id)).toEqual([]);
  });
});

describe('hintsOf', () => {
  it('finds a how-to question and the customer’s own mistake', () => {
    expect(hintsOf(norm('@AskPlayStation how do I cancel a pre-order?'), 'en')).toEqual(
      expect.arrayContaining(['howTo', 'questionEarly']),
    );
    expect(hintsOf(norm('@gmail I forgot the password of my old email'), 'en')).toContain('ownMistake');
  });

  it('finds the brand’s voice and a paid purchase that failed', () => {
    expect(hintsOf(norm('We understand how you feel, let us know more in DM'), 'en')).toContain('companyVoice');
    expect(hintsOf(norm('I bought the pack 3 weeks ago and it still does not work'), 'en')).toEqual([
      'failure',
      'paid',
    ]);
  });

  it('has no French hints: the French cue table already reads questions and notifications', () => {
    expect(hintsOf(norm('comment faire pour annuler ma commande ?'), 'fr')).toEqual([]);
  });
});
