import { describe, expect, it } from 'vitest';
import type { Lang } from '@/lib/i18n';
import { SHIPPED_SOURCES, SHIPPED_TEMPLATES } from '@/lib/letters/catalog';
import { TEMPLATE_IDS, type TemplateId } from '@/lib/letters/meta';
import { templateVariables, validateTemplate } from '@/lib/letters/validate';
import { rendered, sampleComplaint, withDecision } from './sample';

const LANGS: Lang[] = ['fr', 'en'];

/** Sentences each letter must say, with the sample complaint (received 2 March, answer due 12 March). */
const KEY_SENTENCES: Record<TemplateId, Record<Lang, string[]>> = {
  'accuse-reception': {
    fr: [
      'Nous avons bien reçu votre réclamation du 2 mars 2026 concernant « Colis arrivé endommagé »',
      'Elle est enregistrée dans notre registre des réclamations sous la référence',
      'Le service concerné a ouvert une analyse',
      '(commande n° CMD-7781)',
      'une réponse écrite et motivée au plus tard le 12 mars 2026',
    ],
    en: [
      'We have received your complaint of 2 March 2026 about "Colis arrivé endommagé"',
      'It has been recorded in our complaints register under reference',
      'The department concerned has started looking into',
      'a reasoned written answer by 12 March 2026 at the latest',
    ],
  },
  'demande-informations': {
    fr: [
      'nous avons besoin des informations suivantes :\n\nUne photo du colis et du produit endommagés.',
      'si possible avant le 20 mars 2026',
    ],
    en: [
      'we need the following information:\n\nUne photo du colis et du produit endommagés.',
      'if possible by 20 March 2026',
    ],
  },
  'reponse-favorable': {
    fr: [
      'nous y donnons une suite favorable, pour les raisons suivantes :\n\nLe colis a été abîmé pendant le transport.',
      'En dédommagement, nous vous accordons la somme de 30,00\u00a0€.',
      'Le remboursement sera effectué sur votre moyen de paiement sous 14 jours.',
    ],
    en: [
      'we are upholding your complaint, for the following reasons:\n\nLe colis a été abîmé pendant le transport.',
      'By way of compensation, we are granting you the sum of €30.00.',
    ],
  },
  'reponse-defavorable': {
    fr: [
      'nous ne sommes malheureusement pas en mesure de donner une suite favorable à votre demande, pour les raisons suivantes :\n\nLe colis a été abîmé',
      'médiateur de la consommation',
    ],
    en: ['we regret that we are unable to uphold your request, for the following reasons:', 'consumer mediator'],
  },
  'reponse-non-conformite': {
    fr: [
      'Notre analyse a confirmé une non-conformité',
      'Causes identifiées :\nCalage insuffisant du carton.',
      'Actions correctives engagées :\nNouveau calage pour les articles fragiles.',
      'Nous donnons par conséquent une suite favorable à votre demande',
      'la somme de 30,00\u00a0€',
    ],
    en: [
      'Our investigation has confirmed a non-conformity',
      'Causes identified:\nCalage insuffisant du carton.',
      'Corrective actions undertaken:\nNouveau calage pour les articles fragiles.',
      'the sum of €30.00',
    ],
  },
  'information-mediation': {
    fr: ['votre désaccord avec la réponse apportée', 'Notre réponse du 10 mars 2026 reste inchangée.', 'AME CONSO'],
    en: ['you disagree with the answer given', 'Notre réponse du 10 mars 2026 reste inchangée.', 'AME CONSO'],
  },
  'cloture-suivi': {
    fr: [
      'Nous avons changé de transporteur pour votre région.',
      'Actions menées :\n- Former l’équipe d’expédition au nouveau calage (réalisée le 18 mars 2026)',
      'Actions correctives mises en œuvre :\nNouveau calage pour les articles fragiles.',
      'a été réglé le 9 mars 2026',
    ],
    en: [
      'Actions carried out:\n- Former l’équipe d’expédition au nouveau calage (done on 18 March 2026)',
      'Corrective actions implemented:\nNouveau calage pour les articles fragiles.',
      'was paid on 9 March 2026',
    ],
  },
};

const HEADING: Record<Lang, (ref: string) => string[]> = {
  fr: (ref) => [
    "À l'attention de Claire Martin\nLe 5 mars 2026",
    `Réf. : ${ref} (réclamation du 2 mars 2026)`,
    'Madame, Monsieur,',
    "Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.",
    'Julie Bernard\nResponsable du service client\nMaison Dupont SAS\n12 rue de la Paix, 75002 Paris\nTél. : 01 23 45 67 89\nservice-client@maison-dupont.fr',
  ],
  en: (ref) => [
    'For the attention of Claire Martin\n5 March 2026',
    `Ref.: ${ref} (complaint of 2 March 2026)`,
    'Dear Sir or Madam,',
    'Yours faithfully,',
    'Julie Bernard\nResponsable du service client\nMaison Dupont SAS\n12 rue de la Paix, 75002 Paris\nTel.: 01 23 45 67 89\nservice-client@maison-dupont.fr',
  ],
};

/** The sample complaint with the first decision the template is written for. */
const sampleFor = (id: TemplateId) => {
  const meta = SHIPPED_TEMPLATES.find((m) => m.id === id)!;
  return withDecision(sampleComplaint(), { outcome: meta.outcomes?.[0] ?? 'favourable' });
};

describe('the shipped letters', () => {
  it('ship all seven letters, each in French and in English', () => {
    expect(SHIPPED_TEMPLATES.map((m) => m.id)).toEqual([...TEMPLATE_IDS]);
    for (const lang of LANGS)
      for (const id of TEMPLATE_IDS) expect(SHIPPED_SOURCES[lang][id].length).toBeGreaterThan(200);
  });

  for (const lang of LANGS) {
    for (const id of TEMPLATE_IDS) {
      it(`renders « ${id} » in ${lang} with the heading, the reference, dates in words and the signature`, async () => {
        const c = sampleFor(id);
        const letter = await rendered(id, c, lang);
        for (const sentence of [...HEADING[lang](c.reference), ...KEY_SENTENCES[id][lang]]) {
          expect(letter.text).toContain(sentence);
        }
        expect(letter.text).not.toMatch(/\{\{|\}\}|undefined|null|\[object|\btrue\b|\bfalse\b|\n{3,}/);
        expect(letter).toMatchObject({ ok: true, templateId: id, version: 1, lang, missing: [] });
      });
    }
  }

  it('are valid templates whose metadata declares exactly the variables they use', () => {
    for (const meta of SHIPPED_TEMPLATES) {
      const declared = [...meta.variables.map((v) => v.name), ...meta.inputs.map((i) => `inputs.${i.id}`)].sort();
      for (const lang of LANGS) {
        const source = SHIPPED_SOURCES[lang][meta.id];
        expect(validateTemplate(source, meta), `${meta.id} ${lang}`).toEqual([]);
        expect(
          templateVariables(
            source,
            meta.inputs.map((i) => i.id),
          ),
          `${meta.id} ${lang}`,
        ).toEqual(declared);
      }
    }
  });

  it('write a partly favourable answer as such, naming the mediator', async () => {
    const c = withDecision(sampleComplaint(), { outcome: 'partial' });
    const fr = await rendered('reponse-favorable', c, 'fr');
    expect(fr.text).toContain('Nous y donnons une suite favorable pour partie');
    expect(fr.text).toContain('M. Kamel Boubendir');
    const en = await rendered('reponse-defavorable', c, 'en');
    expect(en.text).toContain('we can only uphold part of your request');
  });

  it('describe a commercial gesture instead of an amount', async () => {
    const c = {
      ...sampleComplaint(),
      compensation: {
        kind: 'commercial' as const,
        amountEuros: null,
        description: 'un bon d’achat de 20 € valable un an',
        executedAt: null,
      },
    };
    const letter = await rendered('reponse-favorable', c, 'fr');
    expect(letter.text).toContain(
      'nous vous accordons le geste commercial suivant : un bon d’achat de 20 € valable un an.',
    );
    expect(letter.text).not.toContain('la somme de');
  });

  it('ask for information without a reply-by date when none is given', async () => {
    const letter = await rendered('demande-informations', sampleComplaint(), 'fr', {
      inputs: { informations: 'Le numéro de série.' },
    });
    expect(letter.text).toContain('Nous vous remercions de bien vouloir nous les transmettre en répondant simplement');
    expect(letter.text).not.toContain('si possible avant');
  });
});
