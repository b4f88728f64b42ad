import { setLang } from '../../lib/i18n';
import { LIKELY_THRESHOLD, spot, spotResultSchema } from '../../lib/spotting/score';

const ids = (result: ReturnType<typeof spot>) => result.cues.map((cue) => cue.id);

describe('spot', () => {
  afterEach(() => setLang('fr'));

  it('flags a French formal notice and explains it with the customer’s words', () => {
    const result = spot({
      subject: 'Mise en demeure – commande 88213',
      text: 'Madame, Monsieur,\nJe n’ai toujours pas reçu ma commande du 3 mars. Je vous mets en demeure de me rembourser sous 8 jours.',
    });

    expect(result.likely).toBe(true);
    expect(ids(result)).toEqual(expect.arrayContaining(['formalNotice', 'nonDelivery', 'refundDemand']));
    const notice = result.cues.find((cue) => cue.id === 'formalNotice');
    expect(notice?.label).toBe('Mise en demeure : le client engage une démarche formelle');
    expect(notice?.excerpt).toBe('Mise en demeure');
    expect(spotResultSchema.parse(result)).toEqual(result);
  });

  it('does not flag a question about the refund delay', () => {
    const result = spot({
      subject: 'Question',
      text: 'Bonjour, quel est le délai de remboursement une fois le colis retourné ? Merci.',
    });

    expect(result.likely).toBe(false);
    const refund = result.cues.find((cue) => cue.id === 'refund');
    expect(refund?.weight).toBeLessThan(1);
    expect(refund?.label).toContain('dans une question');
  });

  it('does not flag "comment faire une réclamation ?" as a complaint', () => {
    expect(spot({ subject: '', text: 'Bonjour, comment faire une réclamation si besoin ?' }).likely).toBe(false);
  });

  it('keeps a rhetorical "comment se fait-il" question at full weight', () => {
    const result = spot({ subject: '', text: 'Comment se fait-il que j’aie été prélevé deux fois ?' });

    expect(result.likely).toBe(true);
    expect(ids(result)).toContain('billingError');
  });

  it('ignores negated complaint words', () => {
    const result = spot({
      subject: 'Merci',
      text: 'Je ne suis pas mécontent de votre service, aucun problème avec la livraison. No complaints at all.',
    });

    expect(ids(result)).not.toEqual(expect.arrayContaining(['discontent']));
    expect(ids(result)).not.toContain('problem');
    expect(ids(result)).not.toContain('complaint');
    expect(result.likely).toBe(false);
  });

  it('still counts "je ne suis pas satisfait" as discontent', () => {
    expect(ids(spot({ subject: '', text: 'Je ne suis pas satisfait du tout de cet achat.' }))).toContain('discontent');
  });

  it('ignores the quoted previous message of a reply', () => {
    const result = spot({
      subject: 'Re: Commande 88213',
      text: [
        'Merci, c’est bien arrivé.',
        '',
        'Le lun. 3 mars 2025 à 10:12, Client <client@example.fr> a',
        'écrit :',
        '> Colis jamais reçu, c’est inadmissible, je vous mets en demeure !',
      ].join('\n'),
    });

    expect(result.likely).toBe(false);
    expect(ids(result)).not.toContain('formalNotice');
    expect(ids(result)).not.toContain('outrage');
  });

  it('ignores lines quoted with ">" and an English "wrote:" header', () => {
    const result = spot({
      subject: 'Re: order',
      text: 'Thanks, all good now.\n\nOn Mon, 3 Mar 2025 at 10:12, Jo <jo@example.com> wrote:\n> This is unacceptable, I demand a refund!',
    });

    expect(result.likely).toBe(false);
  });

  it('does not flag an angry newsletter sent from a newsletter address', () => {
    const result = spot({
      subject: 'Frais bancaires : c’est scandaleux !',
      text: 'Des clients jamais remboursés, une banque condamnée par le tribunal : inadmissible ! Pour vous désabonner, cliquez ici.',
      fromEmail: 'newsletter@association.example',
    });

    expect(result.likely).toBe(false);
    expect(ids(result)).toEqual(expect.arrayContaining(['automatedSender', 'unsubscribeFooter']));
    expect(result.cues.find((cue) => cue.id === 'automatedSender')?.excerpt).toBe('newsletter@association.example');
  });

  it('does not flag a message sent from one of the company’s own domains', () => {
    const result = spot({
      subject: 'Re: votre réclamation',
      text: 'Nous avons bien reçu votre réclamation concernant le produit défectueux et procédons au remboursement.',
      fromEmail: 'sav@support.boutique.fr',
      ownDomains: ['boutique.fr'],
    });

    expect(result.likely).toBe(false);
    expect(result.cues.find((cue) => cue.id === 'ownDomain')?.weight).toBe(-10);
  });

  it('flags an English complaint', () => {
    const result = spot({
      subject: 'Order 5521',
      text: 'My order never arrived and I have been charged twice. This is unacceptable, I want a full refund.',
    });

    expect(result.likely).toBe(true);
    expect(ids(result)).toEqual(expect.arrayContaining(['nonDelivery', 'billingError', 'outrage', 'refundDemand']));
  });

  it('gives every cue a label and the matched excerpt, as plain text', () => {
    const result = spot({ subject: '', text: 'Le produit est arrivé CASSÉ, je suis très déçue.' });

    expect(result.cues.find((cue) => cue.id === 'defect')?.excerpt).toBe('CASSÉ');
    expect(result.cues.find((cue) => cue.id === 'discontent')?.excerpt).toBe('déçue');
    for (const cue of result.cues) expect(cue.label.length).toBeGreaterThan(5);
  });

  it('sums the cue weights and compares the sum with the threshold', () => {
    const result = spot({ subject: '', text: 'Il y a un retard.' });

    expect(result.score).toBe(result.cues.reduce((sum, cue) => sum + cue.weight, 0));
    expect(result.score).toBeLessThan(LIKELY_THRESHOLD);
    expect(result.likely).toBe(false);
  });

  it('counts a text without any "je" as an article: half of its cues are cancelled', () => {
    const article = `${'La banque refuse de rembourser les clients victimes de fraude, le tribunal l’a condamnée. '.repeat(8)}`;
    const result = spot({ subject: 'Actualité', text: article });

    expect(ids(result)).toContain('impersonal');
    expect(result.likely).toBe(false);
  });

  it('reads accents and case loosely and tolerates a common typo', () => {
    expect(ids(spot({ subject: '', text: 'JE DEMANDE LE REMBOURSMENT' }))).toContain('refund');
    expect(ids(spot({ subject: '', text: 'produit defectueux' }))).toContain('defect');
  });

  it('gives English labels on request', () => {
    const result = spot({ subject: '', text: 'Colis jamais reçu.' }, { lang: 'en' });

    expect(result.cues[0]?.label).toBe('Order never or still not received');
  });

  it('strips HTML and stays fast on a 1 MB hostile input, with plain-text excerpts', () => {
    const filler = '<div class="x"><b>Bonjour</b> <a href="#">lien</a></div>\n'.repeat(18_000);
    const html = `<script>alert("inadmissible")</script><p>Le produit est <b>défectueux</b> !!</p>${filler}<script`;
    expect(html.length).toBeGreaterThan(1_000_000);

    // A super-linear pattern would not finish before the test's timeout; the figures are in `npm run bench`.
    const result = spot({ subject: '<i>Réclamation</i>', text: html });

    expect(ids(result)).toEqual(expect.arrayContaining(['complaint', 'defect', 'exclamations']));
    expect(ids(result)).not.toContain('outrage'); // script content is not text
    for (const cue of result.cues) expect(cue.excerpt).not.toMatch(/[<>]/);
  });

  // No wall-clock bound (it failed only on a busy machine): a catastrophic backtracking pattern would take
  // minutes on these inputs, and the test's timeout catches that.
  it('reads a megabyte of unclosed tags and exclamation marks without catastrophic backtracking', () => {
    expect(
      ids(spot({ subject: '!!!', text: '<script'.repeat(80_000) + '<'.repeat(200_000) + '!'.repeat(400_000) })),
    ).toContain('exclamations');
    expect(spot({ subject: '', text: `${'a'.repeat(500_000)} ${'é'.repeat(500_000)}` }).cues).toEqual([]);
  }, 20_000);

  it('refuses an input that is not a message', () => {
    expect(() => spot({ subject: 'x' } as never)).toThrow();
  });
});
