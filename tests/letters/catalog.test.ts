import { describe, expect, it } from 'vitest';
import { resolveTemplate, SHIPPED_SOURCES, SHIPPED_TEMPLATES, templatesFor } from '@/lib/letters/catalog';
import { LetterContextSchema, letterContext } from '@/lib/letters/context';
import { TemplateMetaSchema, TemplateOverridesSchema } from '@/lib/letters/meta';
import { PHASES } from '@/lib/register/schema';
import { NOW, rendered, SAMPLE_INPUTS, SETTINGS, sampleComplaint, withCompensation, withDecision } from './sample';

const ids = (phase: (typeof PHASES)[number]) => templatesFor(phase).map((m) => m.id);

describe('the letter catalogue', () => {
  it('offers the letters that fit each phase of the process', () => {
    expect(ids('registered')).toEqual(['accuse-reception', 'demande-informations']);
    expect(ids('acknowledged')).toEqual(['demande-informations', 'prolongation-delai']);
    expect(ids('investigating')).toEqual([
      'demande-informations',
      'prolongation-delai',
      'reponse-favorable',
      'reponse-defavorable',
      'reponse-non-conformite',
    ]);
    expect(ids('answered')).toEqual(['information-mediation', 'cloture-suivi']);
    expect(ids('unfounded')).toEqual([
      'reponse-favorable',
      'reponse-defavorable',
      'reponse-non-conformite',
      'information-mediation',
    ]);
    expect(ids('notComplaint')).toEqual([]);
    for (const phase of PHASES) expect(Array.isArray(templatesFor(phase))).toBe(true);
  });

  it('offers only the answers written for the decision when it is known', () => {
    const answers = (outcome: 'favourable' | 'partial' | 'unfavourable') =>
      templatesFor('investigating', outcome).map((m) => m.id);
    expect(answers('favourable')).toEqual([
      'demande-informations',
      'prolongation-delai',
      'reponse-favorable',
      'reponse-non-conformite',
    ]);
    expect(answers('partial')).toEqual([
      'demande-informations',
      'prolongation-delai',
      'reponse-favorable',
      'reponse-defavorable',
      'reponse-non-conformite',
    ]);
    // A letter admitting a non-conformity is never offered with a refusal.
    expect(templatesFor('unfounded', 'unfavourable').map((m) => m.id)).toEqual([
      'reponse-defavorable',
      'information-mediation',
    ]);
  });

  it('gives every template a version, a phase and a title in both languages', () => {
    for (const m of SHIPPED_TEMPLATES) {
      expect(m.version).toBeGreaterThanOrEqual(1);
      expect(m.title.fr).not.toBe(m.title.en);
    }
  });

  it('refuses metadata naming an unknown variable or a version 0', () => {
    const base = {
      id: 'accuse-reception',
      version: 1,
      phase: 'acknowledgement',
      title: { fr: 'A', en: 'A' },
      variables: [],
    };
    expect(TemplateMetaSchema.safeParse(base).success).toBe(true);
    expect(TemplateMetaSchema.safeParse({ ...base, version: 0 }).success).toBe(false);
    expect(TemplateMetaSchema.safeParse({ ...base, variables: [{ name: 'client.nom' }] }).success).toBe(false);
    expect(
      TemplateMetaSchema.safeParse({ ...base, inputs: [{ id: 'a', label: base.title, kind: 'html' }] }).success,
    ).toBe(false);
  });

  it('uses an agent-edited copy for its language only', () => {
    const overrides = TemplateOverridesSchema.parse({ 'accuse-reception': { source: 'Copie éditée', version: 4 } });
    expect(resolveTemplate('accuse-reception', 'fr', overrides)).toMatchObject({
      source: 'Copie éditée',
      version: 4,
      edited: true,
    });
    expect(resolveTemplate('accuse-reception', 'en', overrides)).toMatchObject({
      source: SHIPPED_SOURCES.en['accuse-reception'],
      version: SHIPPED_TEMPLATES.find((m) => m.id === 'accuse-reception')!.version,
      edited: false,
    });
    expect(resolveTemplate('inconnu', 'fr')).toBeUndefined();
  });

  it('renders an edited copy and records its version', async () => {
    const edited = SHIPPED_SOURCES.fr['accuse-reception'].replace(
      '{{customer.salutation}},',
      'Chère cliente, cher client,',
    );
    const letter = await rendered('accuse-reception', sampleComplaint(), 'fr', {
      override: { source: edited, version: 2 },
    });
    expect(letter.text).toContain('Chère cliente, cher client,');
    expect(letter.version).toBe(2);
  });
});

describe('the view model of a letter', () => {
  it('conforms to its schema', () => {
    const ctx = letterContext(sampleComplaint(), SETTINGS, SAMPLE_INPUTS, NOW, 'fr');
    expect(LetterContextSchema.parse(ctx)).toEqual(ctx);
  });

  it('sets the decision flags', () => {
    const flags = (outcome: 'favourable' | 'partial' | 'unfavourable' | null) => {
      const ctx = letterContext(withDecision(sampleComplaint(), { outcome }), SETTINGS, {}, NOW, 'fr');
      return [ctx.isFavourable, ctx.isPartial, ctx.isUnfavourable, ctx.needsMediation];
    };
    expect(flags('favourable')).toEqual([true, false, false, false]);
    expect(flags('partial')).toEqual([false, true, false, true]);
    expect(flags('unfavourable')).toEqual([false, false, true, true]);
    expect(flags(null)).toEqual([false, false, false, true]);
  });

  it('sets the compensation flags and formats the amount', () => {
    const financial = letterContext(sampleComplaint(), SETTINGS, {}, NOW, 'fr');
    expect([financial.isFinancial, financial.isCommercial, financial.hasCompensation]).toEqual([true, false, true]);
    expect(financial.compensation.amount).toBe('30,00\u00a0€');
    const none = letterContext(withCompensation(sampleComplaint(), { kind: 'none' }), SETTINGS, {}, NOW, 'en');
    expect([none.isFinancial, none.isCommercial, none.hasCompensation]).toEqual([false, false, false]);
    expect(letterContext(sampleComplaint(), SETTINGS, {}, NOW, 'en').compensation.amount).toBe('€30.00');
  });

  it('writes the deadlines and follow-up dates in words', () => {
    const ctx = letterContext(sampleComplaint(), SETTINGS, {}, NOW, 'fr');
    expect([ctx.today, ctx.receivedDate, ctx.answerDueDate]).toEqual(['5 mars 2026', '2 mars 2026', '12 mars 2026']);
    expect(ctx.followUp.done[0]).toMatchObject({ dueDate: '20 mars 2026', doneDate: '18 mars 2026' });
    expect(ctx.hasNonConformity).toBe(true);
  });
});
