import { describe, expect, it } from 'vitest';
import type { Lang } from '@/lib/i18n';
import { SHIPPED_TEMPLATES } from '@/lib/letters/catalog';
import type { TemplateId } from '@/lib/letters/meta';
import type { RenderResult } from '@/lib/letters/render';
import type { Complaint } from '@/lib/register/schema';
import { type Settings, SettingsSchema } from '@/lib/settings/schema';
import { render, SAMPLE_INPUTS, SETTINGS, sampleComplaint, withCompensation, withDecision } from './sample';

const LANGS: Lang[] = ['fr', 'en'];

interface Gap {
  id: TemplateId;
  what: string;
  complaint?: (c: Complaint) => Complaint;
  settings?: Settings;
  inputs?: Record<string, string>;
  /** The required values left blank, and their French labels, in the order the refusal names them. */
  variable: string | string[];
  label: string | string[];
}

const without = (key: keyof typeof SAMPLE_INPUTS) => ({ ...SAMPLE_INPUTS, [key]: '  ' });
const unfavourable = (c: Complaint) => withDecision(c, { outcome: 'unfavourable' });

/** For each shipped template, one required value left blank, and the French label the refusal must name. */
const GAPS: Gap[] = [
  {
    id: 'accuse-reception',
    what: 'the signatory (settings)',
    settings: { ...SETTINGS, signature: { name: '', title: '' } },
    variable: 'signature.name',
    label: 'Nom du signataire (paramètres)',
  },
  {
    id: 'accuse-reception',
    what: 'the customer’s name',
    complaint: (c) => ({ ...c, customer: { ...c.customer, name: '' } }),
    variable: 'customer.addressee',
    label: 'Nom du client',
  },
  {
    id: 'prolongation-delai',
    what: 'an extension of the answer deadline recorded first',
    variable: ['extension.newDueDate', 'extension.reason'],
    label: ['Prolongation du délai de réponse (à enregistrer d’abord)', 'Motif de la prolongation du délai'],
  },
  {
    id: 'reponse-favorable',
    what: 'what the customer asked for',
    complaint: (c) => ({ ...c, remedyRequested: '' }),
    variable: 'remedyRequested',
    label: 'Demande du client (ce qu’il réclame)',
  },
  {
    id: 'demande-informations',
    what: 'the information requested',
    inputs: without('informations'),
    variable: 'inputs.informations',
    label: 'Informations demandées au client',
  },
  {
    id: 'reponse-favorable',
    what: 'the compensation',
    complaint: (c) => withCompensation(c, { kind: 'none' }),
    variable: 'hasCompensation',
    label: 'Dédommagement, geste commercial ou remède légal',
  },
  {
    id: 'reponse-favorable',
    what: 'the amount of a financial compensation',
    complaint: (c) => withCompensation(c, { kind: 'financial', amountEuros: null }),
    variable: 'compensation.amount',
    label: 'Montant (dédommagement ou remboursement)',
  },
  {
    id: 'reponse-favorable',
    what: 'how and by when the money is paid',
    complaint: (c) => withCompensation(c, { kind: 'financial', method: null, dueDay: null }),
    variable: ['compensation.method', 'compensation.dueDate'],
    label: ['Mode de versement (virement, chèque, avoir…)', 'Date de versement ou d’exécution promise'],
  },
  {
    id: 'reponse-favorable',
    what: 'which remedy the law owes, and on which ground',
    complaint: (c) => withCompensation(c, { kind: 'legal', legalRemedy: null, legalBasis: null }),
    variable: ['compensation.legalRemedy', 'compensation.legalBasis'],
    label: [
      'Remède légal (remboursement, remplacement ou réparation)',
      'Fondement légal (garantie de conformité ou transport)',
    ],
  },
  {
    id: 'reponse-favorable',
    what: 'the amount, method and date of a refund owed by law',
    complaint: (c) =>
      withCompensation(c, {
        kind: 'legal',
        legalRemedy: 'refund',
        legalBasis: 'conformity',
        amountEuros: null,
        method: null,
        dueDay: null,
      }),
    variable: ['compensation.amount', 'compensation.method', 'compensation.dueDate'],
    label: [
      'Montant (dédommagement ou remboursement)',
      'Mode de versement (virement, chèque, avoir…)',
      'Date de versement ou d’exécution promise',
    ],
  },
  {
    id: 'reponse-non-conformite',
    what: 'the date of a replacement owed by law',
    complaint: (c) =>
      withCompensation(c, { kind: 'legal', legalRemedy: 'replacement', legalBasis: 'transport', dueDay: null }),
    variable: 'compensation.dueDate',
    label: 'Date de versement ou d’exécution promise',
  },
  {
    id: 'reponse-defavorable',
    what: 'an address to confirm in writing a complaint taken by phone',
    complaint: (c) => ({ ...unfavourable(c), channel: 'phone' }),
    settings: { ...SETTINGS, company: { ...SETTINGS.company, address: '', email: '' } },
    variable: 'company.address',
    label: 'Adresse de l’entreprise (paramètres)',
  },
  {
    id: 'reponse-favorable',
    what: 'the description of a commercial gesture',
    complaint: (c) => withCompensation(c, { kind: 'commercial', description: '' }),
    variable: 'compensation.description',
    label: 'Description du dédommagement',
  },
  {
    id: 'reponse-defavorable',
    what: 'the reasons',
    complaint: (c) => withDecision(unfavourable(c), { reasons: '' }),
    variable: 'decision.reasons',
    label: 'Motifs de la décision',
  },
  {
    id: 'reponse-defavorable',
    what: 'the decision itself',
    complaint: (c) => withDecision(c, { outcome: null }),
    variable: 'decision.outcome',
    label: 'Décision (favorable, partielle ou défavorable)',
  },
  {
    id: 'reponse-non-conformite',
    what: 'the causes',
    complaint: (c) => withDecision(c, { causes: '' }),
    variable: 'decision.causes',
    label: 'Causes de la non-conformité',
  },
  {
    id: 'reponse-non-conformite',
    what: 'the non-conformity itself',
    complaint: (c) => withDecision(c, { nonConformity: false }),
    variable: 'hasNonConformity',
    label: 'Non-conformité reconnue',
  },
  {
    id: 'information-mediation',
    what: 'the mediator’s website (settings)',
    settings: { ...SETTINGS, mediator: { ...SETTINGS.mediator, website: '' } },
    variable: 'mediator.website',
    label: 'Site ou formulaire du médiateur (paramètres)',
  },
  {
    id: 'cloture-suivi',
    what: 'what was done',
    inputs: without('bilan'),
    variable: 'inputs.bilan',
    label: 'Ce qui a été fait (bilan pour le client)',
  },
];

function expectRefused(result: RenderResult): asserts result is Extract<RenderResult, { ok: false }> {
  expect(result.ok).toBe(false);
  expect(result).not.toHaveProperty('text');
  expect(result).not.toHaveProperty('html');
}

describe('a letter with a required value missing', () => {
  it('has at least one refusal case for every shipped template', () => {
    expect(new Set(GAPS.map((g) => g.id))).toEqual(new Set(SHIPPED_TEMPLATES.map((m) => m.id)));
  });

  for (const gap of GAPS) {
    for (const lang of LANGS) {
      it(`refuses « ${gap.id} » in ${lang} without ${gap.what}, naming it in French`, async () => {
        const c = (gap.complaint ?? ((x) => x))(sampleComplaint());
        const result = await render(gap.id, c, lang, {
          ...(gap.settings ? { settings: gap.settings } : {}),
          ...(gap.inputs ? { inputs: gap.inputs } : {}),
        });
        expectRefused(result);
        const labels = [gap.label].flat();
        expect(result.missingVariables).toEqual([gap.variable].flat());
        expect(result.missing).toEqual(labels);
        expect(result.message).toBe(`Lettre incomplète, à compléter avant de l’insérer : ${labels.join(', ')}.`);
        const version = SHIPPED_TEMPLATES.find((m) => m.id === gap.id)!.version;
        expect(result).toMatchObject({ templateId: gap.id, lang, version });
      });
    }
  }

  it('lists every missing value at once, heading and signature included', async () => {
    const blank = SettingsSchema.parse({});
    const c = { ...sampleComplaint(), customer: { civility: 'none' as const, name: '', email: 'x@example.fr' } };
    const result = await render('accuse-reception', c, 'fr', { settings: blank });
    expectRefused(result);
    expect(result.missing).toEqual([
      'Nom du client',
      'Nom du signataire (paramètres)',
      'Nom de l’entreprise (paramètres)',
    ]);
  });

  it('refuses a template written for another decision', async () => {
    const result = await render(
      'reponse-favorable',
      withDecision(sampleComplaint(), { outcome: 'unfavourable' }),
      'fr',
    );
    expectRefused(result);
    expect(result.problems).toEqual(['Ce modèle ne convient pas à la décision enregistrée (défavorable).']);
  });

  it('refuses an unreadable date or amount typed by the agent', async () => {
    const result = await render('demande-informations', sampleComplaint(), 'fr', {
      inputs: { ...SAMPLE_INPUTS, dateLimite: '20/03/2026' },
    });
    expectRefused(result);
    expect(result.problems).toEqual([
      'Date invalide pour « Réponse souhaitée avant le » : « 20/03/2026 » (attendu : AAAA-MM-JJ).',
    ]);
  });

  it('refuses an unknown template by name', async () => {
    const result = await render('lettre-de-relance', sampleComplaint(), 'fr');
    expectRefused(result);
    expect(result.message).toBe('Modèle de lettre inconnu : « lettre-de-relance ».');
  });
});
