// Every letter, in French and English, for each case it can be used in: complaint received in writing or
// orally, decision favourable / partial / unfavourable, compensation financial / commercial / legal remedy.
// Each rendering is checked for the sentences the law requires and the ones it forbids.
import { describe, expect, it } from 'vitest';
import type { Lang } from '@/lib/i18n';
import { SHIPPED_TEMPLATES } from '@/lib/letters/catalog';
import type { TemplateMeta } from '@/lib/letters/meta';
import { type Complaint, OUTCOMES } from '@/lib/register/schema';
import {
  render,
  rendered,
  sampleComplaint,
  withCompensation,
  withCustomer,
  withDecision,
  withExtension,
} from './sample';

const LANGS: Lang[] = ['fr', 'en'];
type Outcome = (typeof OUTCOMES)[number];
type Channel = Complaint['channel'];

/** The ways a complaint is granted something, as the agent records them. */
const COMPENSATIONS: Record<string, Partial<Complaint['compensation']>> = {
  financial: { kind: 'financial', amountEuros: 30, method: 'transfer', dueDay: '2026-03-20' },
  commercial: {
    kind: 'commercial',
    amountEuros: null,
    description: 'un bon d’achat de 20 € valable un an',
    method: null,
    dueDay: '2026-03-20',
  },
  legalRefund: {
    kind: 'legal',
    legalRemedy: 'refund',
    legalBasis: 'conformity',
    amountEuros: 89.9,
    method: 'originalPayment',
    dueDay: '2026-03-20',
  },
  legalReplacement: {
    kind: 'legal',
    legalRemedy: 'replacement',
    legalBasis: 'transport',
    amountEuros: null,
    method: null,
    dueDay: '2026-03-20',
  },
  legalRepair: {
    kind: 'legal',
    legalRemedy: 'repair',
    legalBasis: 'conformity',
    amountEuros: null,
    method: null,
    dueDay: '2026-03-20',
  },
  none: { kind: 'none', amountEuros: null, method: null, dueDay: null },
};
type CompensationCase = keyof typeof COMPENSATIONS;

const CHANNELS: { channel: Channel; written: boolean }[] = [
  { channel: 'email', written: true },
  { channel: 'letter', written: true },
  { channel: 'webform', written: true },
  { channel: 'phone', written: false },
  { channel: 'counter', written: false },
  { channel: 'other', written: false },
];

/** What the law makes the mediator block say (L612-1, L612-2, L616-1), in each language. */
const MEDIATOR: Record<Lang, { always: string[]; written: string[]; oral: string[] }> = {
  fr: {
    always: [
      'vous pouvez recourir gratuitement au médiateur de la consommation',
      'articles L612-1 et L616-1 du Code de la consommation',
      'Site internet et formulaire de saisine : www.mediationconso-ame.com',
      'Adresse postale : 197 Boulevard Saint-Germain, 75007 Paris',
      'Téléphone : 06 15 68 40 48',
      "Vous restez libre d'accepter ou de refuser la solution qu'il vous proposera, comme de saisir la justice.",
    ],
    written: [
      'Le médiateur peut être saisi après une réclamation écrite auprès de nos services, comme celle que vous nous avez adressée, et au plus tard un an après celle-ci (article L612-2 du Code de la consommation).',
    ],
    oral: [
      "Le médiateur ne peut être saisi qu'après une réclamation écrite auprès de nos services (article L612-2 du Code de la consommation).",
      "nous vous invitons donc à nous confirmer d'abord votre réclamation par écrit",
      'aux coordonnées figurant dans notre signature ci-dessous',
      "Le délai d'un an pour saisir le médiateur court à compter de cette réclamation écrite.",
    ],
  },
  en: {
    always: [
      'you may refer it free of charge to the consumer mediator with whom we are registered',
      'French Consumer Code, articles L612-1 and L616-1',
      'Website and referral form: www.mediationconso-ame.com',
      'Postal address: 197 Boulevard Saint-Germain, 75007 Paris',
      'Telephone: 06 15 68 40 48',
      'You remain free to accept or refuse the solution the mediator proposes, and to go to court.',
    ],
    written: [
      'The mediator can be approached once you have made a written complaint to us, as you have done, and no later than one year after it (French Consumer Code, article L612-2).',
    ],
    oral: [
      'The mediator can only be approached after a written complaint to us (French Consumer Code, article L612-2).',
      'please first confirm your complaint to us in writing',
      'using the contact details in our signature below',
      'The one-year period for referring the matter to the mediator runs from that written complaint.',
    ],
  },
};

/** The sentences naming what is granted, for each kind, and what must never be said of it. */
const GRANTED: Record<Lang, Record<CompensationCase, { says: string[]; never: RegExp[] }>> = {
  fr: {
    financial: {
      says: ['la somme de 30,00\u00a0€', 'versée par virement bancaire au plus tard le 20 mars 2026'],
      never: [/geste commercial/],
    },
    commercial: {
      says: ['à titre de geste commercial : un bon d’achat de 20 € valable un an'],
      never: [/la somme de/],
    },
    legalRefund: {
      says: [
        'Le défaut constaté relève de la garantie légale de conformité due par le vendeur (articles L217-3 et suivants du Code de la consommation). Nous procédons donc au remboursement de votre achat : la somme de 89,90\u00a0€ vous sera remboursée sur le moyen de paiement utilisé lors de votre achat au plus tard le 20 mars 2026.',
      ],
      never: [/geste commercial/i, /dédommagement/i, /à titre commercial/],
    },
    legalReplacement: {
      says: [
        "Le produit a été endommagé pendant sa livraison ; ce risque nous incombe jusqu'à ce que vous en preniez possession (article L216-2 du Code de la consommation). Nous procédons donc au remplacement du produit au plus tard le 20 mars 2026.",
      ],
      never: [/geste commercial/i, /dédommagement/i, /à titre commercial/],
    },
    legalRepair: {
      says: [
        'garantie légale de conformité',
        'Nous procédons donc à la réparation du produit au plus tard le 20 mars 2026.',
      ],
      never: [/geste commercial/i, /dédommagement/i, /à titre commercial/],
    },
    none: { says: [], never: [/geste commercial/, /la somme de/, /dédommagement/i] },
  },
  en: {
    financial: {
      says: ['the sum of €30.00', 'paid by bank transfer by 20 March 2026 at the latest'],
      never: [/goodwill gesture/],
    },
    commercial: { says: ['goodwill gesture', 'un bon d’achat de 20 € valable un an'], never: [/the sum of/] },
    legalRefund: {
      says: [
        'The fault is covered by the seller’s legal guarantee that goods conform to the contract (French Consumer Code, articles L217-3 et seq.). We will therefore refund your purchase: the sum of €89.90 will be refunded to the means of payment used for your purchase by 20 March 2026 at the latest.',
      ],
      never: [/goodwill/i, /compensation/i],
    },
    legalReplacement: {
      says: [
        'The product was damaged in transit; this risk is ours until you take possession of it (French Consumer Code, article L216-2). We will therefore replace the product by 20 March 2026 at the latest.',
      ],
      never: [/goodwill/i, /compensation/i],
    },
    legalRepair: {
      says: ['articles L217-3 et seq.', 'We will therefore repair the product by 20 March 2026 at the latest.'],
      never: [/goodwill/i, /compensation/i],
    },
    none: { says: [], never: [/goodwill/, /the sum of/, /compensation/i] },
  },
};

const CLAIM = 'Le remplacement du produit ou son remboursement.';
const REASONS = 'Le colis a été abîmé pendant le transport.';

function caseOf(meta: TemplateMeta, channel: Channel, outcome: Outcome, compensation: CompensationCase): Complaint {
  const c = withCompensation(
    withDecision({ ...sampleComplaint(), channel }, { outcome }),
    COMPENSATIONS[compensation]!,
  );
  return meta.id === 'prolongation-delai' ? withExtension(c) : c;
}

/** The compensations an answer letter is written with; the favourable answer and the non-conformity letter need one. */
function compensationsFor(meta: TemplateMeta): CompensationCase[] {
  const granted: CompensationCase[] = ['financial', 'commercial', 'legalRefund', 'legalReplacement', 'legalRepair'];
  if (meta.phase !== 'answer' && meta.phase !== 'followUp') return ['financial'];
  return meta.id === 'reponse-defavorable' || meta.phase === 'followUp' ? [...granted, 'none'] : granted;
}

const count = (text: string, s: string) => text.split(s).length - 1;

describe('each letter in each case it is used in', () => {
  for (const meta of SHIPPED_TEMPLATES) {
    for (const lang of LANGS) {
      for (const outcome of meta.outcomes ?? OUTCOMES) {
        for (const compensation of compensationsFor(meta)) {
          // A remedy the law owes comes with a decision at least partly favourable (tested below).
          if (meta.outcomes && outcome === 'unfavourable' && compensation.startsWith('legal')) continue;
          it(`« ${meta.id} » (${lang}), ${outcome} decision, ${compensation}: says what the law requires`, async () => {
            for (const { channel, written } of CHANNELS) {
              const letter = await rendered(meta.id, caseOf(meta, channel, outcome, compensation), lang);
              const text = letter.text;
              const where = `${meta.id} ${lang} ${outcome} ${compensation} ${channel}`;

              // The mediator: whenever the answer is not fully favourable, and in the mediation letter always.
              const mediator =
                meta.mediator === 'always' || (meta.mediator === 'whenNotFavourable' && outcome !== 'favourable');
              const block = MEDIATOR[lang];
              for (const s of block.always) expect(text.includes(s), `${where}: ${s}`).toBe(mediator);
              for (const s of block.written) expect(text.includes(s), `${where}: ${s}`).toBe(mediator && written);
              for (const s of block.oral) expect(text.includes(s), `${where}: ${s}`).toBe(mediator && !written);
              expect(text, where).not.toMatch(/europa\.eu|\bODR\b|\bRLL\b/);

              // One closing formula, no second "Nous vous prions…" sentence before it.
              if (lang === 'fr') expect(count(text, 'Nous vous prions'), where).toBe(1);
              else expect(count(text, 'Yours '), where).toBe(1);
              if (lang === 'en') expect(text, where).not.toMatch(/non-conformity|commercial gesture|\bM\. /i);

              if (meta.phase === 'answer') {
                // The claim, then the decision on it.
                const claim = lang === 'fr' ? `Votre demande :\n${CLAIM}` : `Your request:\n${CLAIM}`;
                expect(text, where).toContain(claim);
                expect(text.indexOf(claim), where).toBeLessThan(text.indexOf(REASONS));
                const granted = GRANTED[lang][compensation]!;
                for (const s of granted.says) expect(text, where).toContain(s);
                for (const r of granted.never) expect(text, where).not.toMatch(r);
                if (outcome === 'unfavourable' && compensation === 'financial') {
                  expect(text, where).toContain(
                    lang === 'fr' ? 'à titre commercial, la somme de' : 'on a goodwill basis',
                  );
                  expect(text, where).not.toMatch(lang === 'fr' ? /dédommagement/i : /by way of compensation/i);
                }
              }
            }
          });
        }
      }
    }
  }

  for (const lang of LANGS) {
    for (const id of ['reponse-favorable', 'reponse-defavorable', 'reponse-non-conformite']) {
      it(`refuses « ${id} » (${lang}) granting a legal remedy with an unfavourable decision`, async () => {
        const c = withCompensation(
          withDecision(sampleComplaint(), { outcome: 'unfavourable' }),
          COMPENSATIONS.legalRefund!,
        );
        const result = await render(id, c, lang);
        expect(result.ok).toBe(false);
        expect(!result.ok && result.problems).toContain(
          'Un remède dû par la loi (remboursement, remplacement ou réparation) ne peut pas accompagner une décision défavorable : enregistrez une décision partiellement favorable.',
        );
      });
    }
  }

  it('never offers the non-conformity letter with an unfavourable decision', () => {
    const meta = SHIPPED_TEMPLATES.find((m) => m.id === 'reponse-non-conformite')!;
    expect(meta.outcomes).toEqual(['favourable', 'partial']);
  });

  it('calls money granted with a partly favourable decision what it is, without "à titre commercial"', async () => {
    const c = withDecision(sampleComplaint(), { outcome: 'partial' });
    const letter = await rendered('reponse-defavorable', c, 'fr');
    expect(letter.text).toContain(
      'Pour la partie de votre demande que nous acceptons, nous vous accordons la somme de 30,00\u00a0€, qui vous sera versée par virement bancaire au plus tard le 20 mars 2026.',
    );
    expect(letter.text).not.toContain('à titre commercial');
  });

  it('names the remedy and its date in the non-conformity letter, a goodwill gesture included', async () => {
    const c = withCompensation(sampleComplaint(), COMPENSATIONS.commercial!);
    const fr = await rendered('reponse-non-conformite', c, 'fr');
    expect(fr.text).toContain('Ce geste commercial vous sera remis au plus tard le 20 mars 2026.');
    const en = await rendered('reponse-non-conformite', c, 'en');
    expect(en.text).toContain('You will receive it by 20 March 2026 at the latest.');
  });
});

describe('addressing the customer', () => {
  const cases = [
    {
      civility: 'madame',
      company: undefined,
      fr: [
        'Madame Claire Martin\nLe 5 mars 2026',
        '\n\nMadame,\n\n',
        "Nous vous prions d'agréer, Madame, l'expression de nos salutations distinguées.",
      ],
      en: ['Ms Claire Martin\n5 March 2026', '\n\nDear Ms Claire Martin,\n\n', '\n\nYours sincerely,\n\n'],
    },
    {
      civility: 'monsieur',
      company: undefined,
      fr: [
        'Monsieur Claire Martin\nLe 5 mars 2026',
        '\n\nMonsieur,\n\n',
        "Nous vous prions d'agréer, Monsieur, l'expression de nos salutations distinguées.",
      ],
      en: ['Mr Claire Martin\n5 March 2026', '\n\nDear Mr Claire Martin,\n\n', '\n\nYours sincerely,\n\n'],
    },
    {
      civility: 'none',
      company: undefined,
      fr: [
        'Claire Martin\nLe 5 mars 2026',
        '\n\nMadame, Monsieur,\n\n',
        "Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.",
      ],
      en: ['Claire Martin\n5 March 2026', '\n\nDear Sir or Madam,\n\n', '\n\nYours faithfully,\n\n'],
    },
    {
      civility: 'madame',
      company: 'Hôtel du Lac SARL',
      fr: [
        "Hôtel du Lac SARL\nÀ l'attention de Madame Claire Martin\nLe 5 mars 2026",
        '\n\nMadame,\n\n',
        "d'agréer, Madame, l'expression",
      ],
      en: [
        'Hôtel du Lac SARL\nFor the attention of Ms Claire Martin\n5 March 2026',
        '\n\nDear Ms Claire Martin,\n\n',
        'Yours sincerely,',
      ],
    },
    {
      civility: 'none',
      company: 'Hôtel du Lac SARL',
      fr: ["Hôtel du Lac SARL\nÀ l'attention de Claire Martin\nLe 5 mars 2026", '\n\nMadame, Monsieur,\n\n'],
      en: [
        'Hôtel du Lac SARL\nFor the attention of Claire Martin\n5 March 2026',
        '\n\nDear Sir or Madam,\n\n',
        'Yours faithfully,',
      ],
    },
  ] as const;

  for (const { civility, company, fr, en } of cases) {
    it(`opens and closes every letter for ${civility}${company ? ' inside a company' : ''}, in French and English`, async () => {
      for (const meta of SHIPPED_TEMPLATES) {
        const c = withCustomer(caseOf(meta, 'email', meta.outcomes?.[0] ?? 'favourable', 'financial'), {
          civility,
          ...(company ? { company } : {}),
        });
        const frLetter = await rendered(meta.id, c, 'fr');
        for (const s of fr) expect(frLetter.text, meta.id).toContain(s);
        if (!company) expect(frLetter.text, meta.id).not.toContain("À l'attention de");
        const enLetter = await rendered(meta.id, c, 'en');
        for (const s of en) expect(enLetter.text, meta.id).toContain(s);
        if (!company) expect(enLetter.text, meta.id).not.toContain('For the attention of');
        expect(enLetter.text, meta.id).not.toMatch(/\bM\. |Madame|Monsieur/);
      }
    });
  }
});

describe('deadlines the customer is told about', () => {
  it('the information request gives the answer date, extensions included, and says only we extend it', async () => {
    const fr = await rendered('demande-informations', withExtension(sampleComplaint()), 'fr');
    expect(fr.text).toContain(
      'Nous vous adresserons notre réponse écrite et motivée au plus tard le 26 mars 2026 ; ce délai ne sera prolongé que si nous vous en informons.',
    );
    const en = await rendered('demande-informations', withExtension(sampleComplaint()), 'en');
    expect(en.text).toContain('by 26 March 2026 at the latest; this date will only be extended if we tell you so.');
  });

  it('the extension letter announces the newest extension: new date, reason and reference', async () => {
    const first = withExtension(sampleComplaint());
    const c = withExtension(first, {
      newDueAt: '2026-04-09T21:59:59.999Z',
      reason: 'Le fournisseur doit encore examiner le produit.',
      customerToldAt: '2026-03-20T10:00:00.000Z',
      at: '2026-03-20T10:00:00.000Z',
    });
    const fr = await rendered('prolongation-delai', c, 'fr');
    expect(fr.text).toContain('Objet : prolongation du délai de réponse à votre réclamation');
    expect(fr.text).toContain(`Réf. : ${c.reference} (réclamation du 2 mars 2026)`);
    expect(fr.text).toContain('pour la raison suivante :\n\nLe fournisseur doit encore examiner le produit.');
    expect(fr.text).toContain('au plus tard le 9 avril 2026');
    expect(fr.text).not.toContain('26 mars 2026');
    const en = await rendered('prolongation-delai', c, 'en');
    expect(en.text).toContain('for the following reason:\n\nLe fournisseur doit encore examiner le produit.');
    expect(en.text).toContain('by 9 April 2026 at the latest');
  });

  it('the extension letter is refused, saying why, while no extension is recorded', async () => {
    for (const lang of LANGS) {
      const result = await render('prolongation-delai', sampleComplaint(), lang);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toBe(
        'Lettre incomplète, à compléter avant de l’insérer : Prolongation du délai de réponse (à enregistrer d’abord), Motif de la prolongation du délai.',
      );
    }
  });

  it('an extension of the acknowledgement deadline is not announced as one of the answer', async () => {
    const c = sampleComplaint();
    const ack = { ...c.clocks.ack, extensions: [{ ...withExtension(c).clocks.answer.extensions[0]! }] };
    const result = await render('prolongation-delai', { ...c, clocks: { ...c.clocks, ack } }, 'fr');
    expect(result.ok).toBe(false);
  });
});

describe('the closure letter, as the customer reads it', () => {
  const followUp = (c: Complaint): Complaint => ({
    ...c,
    followUp: [
      {
        id: crypto.randomUUID(),
        description: 'Nouveau calage pour la vaisselle',
        owner: 'Logistique (Jean)',
        dueDay: '2026-03-20',
        doneAt: '2026-03-18T15:00:00.000Z',
        effectiveness: { checkedAt: null, effective: null, note: '' },
      },
      {
        id: crypto.randomUUID(),
        description: 'Contrôle des colis de vaisselle pendant un mois',
        owner: 'Qualité (Paul)',
        dueDay: '2026-04-17',
        doneAt: null,
        effectiveness: { checkedAt: null, effective: null, note: '' },
      },
    ],
  });

  it('lists what was done and what is planned, with their dates, never who owns them', async () => {
    const fr = await rendered('cloture-suivi', followUp(sampleComplaint()), 'fr');
    expect(fr.text).toContain('Ce que nous avons déjà fait :\n- Nouveau calage pour la vaisselle (le 18 mars 2026)');
    expect(fr.text).toContain(
      "Ce que nous avons prévu :\n- Contrôle des colis de vaisselle pendant un mois (d'ici le 17 avril 2026)",
    );
    const en = await rendered('cloture-suivi', followUp(sampleComplaint()), 'en');
    expect(en.text).toContain('What we have already done:\n- Nouveau calage pour la vaisselle (on 18 March 2026)');
    expect(en.text).toContain(
      'What we have planned:\n- Contrôle des colis de vaisselle pendant un mois (by 17 April 2026)',
    );
    for (const text of [fr.text, en.text]) expect(text).not.toMatch(/Logistique|Qualité|Jean|Paul/);
  });

  it('says money was "versé" and a goodwill gesture "remis"', async () => {
    const paid = await rendered('cloture-suivi', sampleComplaint(), 'fr');
    expect(paid.text).toContain('La somme de 30,00\u00a0€ qui vous a été accordée a été versée le 9 mars 2026.');
    const gesture = withCompensation(sampleComplaint(), {
      ...COMPENSATIONS.commercial!,
      executedAt: '2026-03-09T10:00:00.000Z',
    });
    const given = await rendered('cloture-suivi', gesture, 'fr');
    expect(given.text).toContain(
      'Le geste commercial qui vous a été accordé (un bon d’achat de 20 € valable un an) vous a été remis le 9 mars 2026.',
    );
    expect(given.text).not.toContain('versé');
    const givenEn = await rendered('cloture-suivi', gesture, 'en');
    expect(givenEn.text).toContain(
      'The goodwill gesture granted to you (un bon d’achat de 20 € valable un an) was given to you on 9 March 2026.',
    );
  });

  it('names a legal remedy carried out by its name', async () => {
    const done = { executedAt: '2026-03-09T10:00:00.000Z' };
    const refund = withCompensation(sampleComplaint(), { ...COMPENSATIONS.legalRefund!, ...done });
    expect((await rendered('cloture-suivi', refund, 'fr')).text).toContain(
      'Le remboursement de 89,90\u00a0€ vous a été versé le 9 mars 2026.',
    );
    const replacement = withCompensation(sampleComplaint(), { ...COMPENSATIONS.legalReplacement!, ...done });
    expect((await rendered('cloture-suivi', replacement, 'fr')).text).toContain(
      'Le produit de remplacement vous a été remis le 9 mars 2026.',
    );
    expect((await rendered('cloture-suivi', replacement, 'en')).text).toContain(
      'The replacement product was delivered to you on 9 March 2026.',
    );
  });
});
