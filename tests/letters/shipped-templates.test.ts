import { describe, expect, it } from 'vitest';
import type { Lang } from '@/lib/i18n';
import { SHIPPED_SOURCES, SHIPPED_TEMPLATES } from '@/lib/letters/catalog';
import { TEMPLATE_IDS, type TemplateId } from '@/lib/letters/meta';
import { templateVariables, validateTemplate } from '@/lib/letters/validate';
import { rendered, sampleComplaint, withCompensation, withDecision, withExtension } from './sample';

const LANGS: Lang[] = ['fr', 'en'];

/** Sentences each letter must say, with the sample complaint (received 2 March by email, answer due 12 March). */
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
      'Nous vous adresserons notre réponse écrite et motivée au plus tard le 12 mars 2026 ; ce délai ne sera prolongé que si nous vous en informons.',
    ],
    en: [
      'we need the following information:\n\nUne photo du colis et du produit endommagés.',
      'if possible by 20 March 2026',
      'We will send you our reasoned written answer by 12 March 2026 at the latest; this date will only be extended if we tell you so.',
    ],
  },
  'prolongation-delai': {
    fr: [
      'Objet : prolongation du délai de réponse à votre réclamation',
      'enregistrée sous la référence',
      'pour la raison suivante :\n\nNous attendons le rapport d’expertise du transporteur.',
      'Nous vous adresserons donc notre réponse écrite et motivée au plus tard le 26 mars 2026.',
    ],
    en: [
      'Subject: extension of the time to answer your complaint',
      'recorded under reference',
      'for the following reason:\n\nNous attendons le rapport d’expertise du transporteur.',
      'We will therefore send you our reasoned written answer by 26 March 2026 at the latest.',
    ],
  },
  'reponse-favorable': {
    fr: [
      'Votre demande :\nLe remplacement du produit ou son remboursement.',
      'nous donnons une suite favorable à votre demande, pour les raisons suivantes :\n\nLe colis a été abîmé pendant le transport.',
      'En dédommagement, nous vous accordons la somme de 30,00\u00a0€, qui vous sera versée par virement bancaire au plus tard le 20 mars 2026.',
      'Vous recevrez un e-mail de confirmation dès le versement effectué.',
    ],
    en: [
      'Your request:\nLe remplacement du produit ou son remboursement.',
      'we are upholding your request, for the following reasons:\n\nLe colis a été abîmé pendant le transport.',
      'By way of compensation, we are granting you the sum of €30.00, which will be paid by bank transfer by 20 March 2026 at the latest.',
    ],
  },
  'reponse-defavorable': {
    fr: [
      'Votre demande :\nLe remplacement du produit ou son remboursement.',
      'nous ne sommes malheureusement pas en mesure de donner une suite favorable à votre demande, pour les raisons suivantes :\n\nLe colis a été abîmé',
      'Nous vous accordons néanmoins, à titre commercial, la somme de 30,00\u00a0€, qui vous sera versée par virement bancaire au plus tard le 20 mars 2026.',
      'médiateur de la consommation',
    ],
    en: [
      'Your request:\nLe remplacement du produit ou son remboursement.',
      'we regret that we are unable to uphold your request, for the following reasons:',
      'We are nevertheless granting you, on a goodwill basis, the sum of €30.00, which will be paid by bank transfer by 20 March 2026 at the latest.',
      'consumer mediator',
    ],
  },
  'reponse-non-conformite': {
    fr: [
      'Votre demande :\nLe remplacement du produit ou son remboursement.',
      'Notre analyse a confirmé une non-conformité',
      'Causes identifiées :\nCalage insuffisant du carton.',
      'Actions correctives engagées :\nNouveau calage pour les articles fragiles.',
      'Nous donnons par conséquent une suite favorable à votre demande',
      'la somme de 30,00\u00a0€, qui vous sera versée par virement bancaire au plus tard le 20 mars 2026.',
    ],
    en: [
      'Your request:\nLe remplacement du produit ou son remboursement.',
      'Our investigation has confirmed that what we supplied was not as it should have been',
      'What caused it:\nCalage insuffisant du carton.',
      'What we are doing so that it does not happen again:\nNouveau calage pour les articles fragiles.',
      'the sum of €30.00, which will be paid by bank transfer by 20 March 2026 at the latest.',
    ],
  },
  'information-mediation': {
    fr: ['votre désaccord avec la réponse apportée', 'Notre réponse du 10 mars 2026 reste inchangée.', 'AME CONSO'],
    en: ['you disagree with the answer given', 'Notre réponse du 10 mars 2026 reste inchangée.', 'AME CONSO'],
  },
  'cloture-suivi': {
    fr: [
      'Nous avons changé de transporteur pour votre région.',
      'Ce que nous avons déjà fait :\n- Former l’équipe d’expédition au nouveau calage (le 18 mars 2026)',
      'Pour éviter que cela se reproduise :\nNouveau calage pour les articles fragiles.',
      'La somme de 30,00\u00a0€ qui vous a été accordée a été versée le 9 mars 2026.',
    ],
    en: [
      'What we have already done:\n- Former l’équipe d’expédition au nouveau calage (on 18 March 2026)',
      'What we are doing so that it does not happen again:\nNouveau calage pour les articles fragiles.',
      'The sum of €30.00 granted to you was paid on 9 March 2026.',
    ],
  },
};

/** The customer's civility is not known and there is no company: name alone, "Madame, Monsieur". */
const HEADING: Record<Lang, (ref: string) => string[]> = {
  fr: (ref) => [
    `Claire Martin\nLe 5 mars 2026\n\nObjet :`,
    `Réf. : ${ref} (réclamation du 2 mars 2026)\n\nMadame, Monsieur,\n\n`,
    "\n\nNous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.\n\nJulie Bernard",
    'Julie Bernard\nResponsable du service client\nMaison Dupont SAS\n12 rue de la Paix, 75002 Paris\nTél. : 01 23 45 67 89\nservice-client@maison-dupont.fr',
  ],
  en: (ref) => [
    'Claire Martin\n5 March 2026\n\nSubject:',
    `Ref.: ${ref} (complaint of 2 March 2026)\n\nDear Sir or Madam,\n\n`,
    '\n\nYours faithfully,\n\nJulie Bernard',
    'Julie Bernard\nResponsable du service client\nMaison Dupont SAS\n12 rue de la Paix, 75002 Paris\nTel.: 01 23 45 67 89\nservice-client@maison-dupont.fr',
  ],
};

/** The sample complaint with the first decision the template is written for (and, for the extension letter,
 *  an extension of the answer deadline to announce). */
const sampleFor = (id: TemplateId) => {
  const meta = SHIPPED_TEMPLATES.find((m) => m.id === id)!;
  const c = withDecision(sampleComplaint(), { outcome: meta.outcomes?.[0] ?? 'favourable' });
  return id === 'prolongation-delai' ? withExtension(c) : c;
};

describe('the shipped letters', () => {
  it('ship all eight letters, each in French and in English', () => {
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
        expect(letter.text).not.toMatch(/\{\{|\}\}|undefined|null|\[object|\btrue\b|\bfalse\b|\n{3,}|À l'attention/);
        const version = SHIPPED_TEMPLATES.find((m) => m.id === id)!.version;
        expect(letter).toMatchObject({ ok: true, templateId: id, version, lang, missing: [] });
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
    expect(fr.text).toContain('Nous donnons une suite favorable à une partie de votre demande');
    expect(fr.text).toContain('M. Kamel Boubendir');
    const en = await rendered('reponse-defavorable', c, 'en');
    expect(en.text).toContain('we can only uphold part of your request');
  });

  it('describe a commercial gesture instead of an amount', async () => {
    const c = withCompensation(sampleComplaint(), {
      kind: 'commercial',
      amountEuros: null,
      description: 'un bon d’achat de 20 € valable un an',
      method: null,
      dueDay: null,
    });
    const letter = await rendered('reponse-favorable', c, 'fr');
    expect(letter.text).toContain(
      'Nous vous accordons, à titre de geste commercial : un bon d’achat de 20 € valable un an.',
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
