// Issue 15: customers' spelling is mapped to one form before cues and model read the text, and the
// excerpts shown to the agent still quote the customer's own words.
import { normalise, stripQuoted } from '../../lib/spotting/normalise';
import { spot } from '../../lib/spotting/score';

const norm = (text: string) => normalise(text).norm;

describe('respelling customers’ French', () => {
  it('reads SMS forms and missing apostrophes as the words they stand for', () => {
    expect(norm('jai tjrs pas recu ma comande')).toBe("j'ai toujours pas recu ma commande");
    expect(norm('g pas recu mon colis, cest nul')).toBe("j'ai pas recu mon colis, c'est nul");
    expect(norm('jatends depuis 3 semaines, pk ?')).toBe("j'attends depuis 3 semaines, pourquoi ?");
    expect(norm('vs avez encaissé')).toBe('vous avez encaisse');
  });

  it('turns "sa" into "ça" only where it means "ça", and keeps the possessive', () => {
    expect(norm('sa fait 3 semaines')).toBe('ca fait 3 semaines');
    expect(norm('sa marche plus')).toBe('ca marche plus');
    expect(norm('sa commande est partie')).toBe('sa commande est partie');
  });

  it('maps misspelt "reçu", "remboursement" and the infinitive written for the participle', () => {
    expect(norm('jamais resu')).toBe('jamais recu');
    expect(norm('le rembourcement')).toBe('le remboursement');
    expect(norm('toujours pas remboursé')).toBe('toujours pas rembourser');
    expect(norm('pas encore livrer')).toBe('pas encore livre');
    expect(norm('merci de livrer lundi')).toBe('merci de livrer lundi');
  });

  it('lets a cue fire on the misspelt phrase and quotes the customer’s words', () => {
    const verdict = spot({ subject: '', text: 'bonjour jai tjrs pas recu ma comande 4512' });

    const nonDelivery = verdict.cues.find((cue) => cue.id === 'nonDelivery');
    expect(nonDelivery?.excerpt).toBe('tjrs pas recu');
  });

  it('ignores a signature after "-- " and a mobile footer, as quoted replies', () => {
    expect(stripQuoted('Merci pour le suivi.\n-- \nJean Dupont\nRéclamations : 01 02 03').trim()).toBe(
      'Merci pour le suivi.',
    );
    expect(stripQuoted('Bien reçu.\nEnvoyé de mon iPhone\n> colis jamais reçu').trim()).toBe('Bien reçu.');
  });
});
