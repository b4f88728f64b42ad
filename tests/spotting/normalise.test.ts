import { excerptOf, normalise, sentenceAround, stripQuoted, toPlainText } from '../../lib/spotting/normalise';

describe('toPlainText', () => {
  it('drops tags, scripts and styles and decodes entities', () => {
    const html = '<style>p{}</style><p>Colis&nbsp;<b>ab&icirc;m&eacute;</b> &amp; rien</p><script>x()</script>';

    expect(toPlainText(html).replace(/\s+/g, ' ').trim()).toBe('Colis ab&icirc;mé & rien');
  });

  it('leaves plain text untouched, "<" included', () => {
    expect(toPlainText('prix < 10 € et > 5 €')).toBe('prix < 10 € et > 5 €');
  });
});

describe('stripQuoted', () => {
  it('keeps only the new text of a Gmail reply whose header wraps over two lines', () => {
    const text = 'Merci !\n\nLe lun. 3 mars 2025 à 10:12, Jean <jean@example.fr> a\nécrit :\n> ancienne réclamation';

    expect(stripQuoted(text).trim()).toBe('Merci !');
  });

  it('cuts at an Outlook header block', () => {
    const text = 'Bien reçu.\nDe : Service client\nEnvoyé : lundi 3 mars 2025 10:12\nObjet : colis perdu';

    expect(stripQuoted(text).trim()).toBe('Bien reçu.');
  });

  it('cuts at "-----Original Message-----"', () => {
    expect(stripQuoted('See below.\n-----Original Message-----\nI demand a refund').trim()).toBe('See below.');
  });
});

describe('normalise', () => {
  it('folds case, accents and apostrophes and maps back to the original words', () => {
    const text = normalise('Je n’ai JAMAIS reçu\n  mon colis');

    expect(text.norm).toBe("je n'ai jamais recu\nmon colis");
    const at = text.norm.indexOf('jamais recu');
    expect(excerptOf(text, at, at + 'jamais recu'.length)).toBe('JAMAIS reçu');
  });

  it('finds the sentence around a word, keeping decimals whole', () => {
    const norm = 'debite 2 fois de 244.94 euros. quel est le delai ?';
    const { start, end } = sentenceAround(norm, norm.indexOf('delai'));

    expect(norm.slice(start, end).trim()).toBe('quel est le delai ?');
    const first = sentenceAround(norm, 0);
    expect(norm.slice(first.start, first.end)).toBe('debite 2 fois de 244.94 euros.');
  });
});
