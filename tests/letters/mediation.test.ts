import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lang } from '@/lib/i18n';
import { en } from '@/lib/i18n/en';
import { fr } from '@/lib/i18n/fr';
import { MEDIATOR_PARTIAL, SHIPPED_SOURCES, SHIPPED_TEMPLATES } from '@/lib/letters/catalog';
import { validateTemplate } from '@/lib/letters/validate';
import { OUTCOMES } from '@/lib/register/schema';
import { render, rendered, SETTINGS, sampleComplaint, withDecision, withExtension } from './sample';

const LANGS: Lang[] = ['fr', 'en'];
/** The default mediator; an English letter writes "Mr", not the French "M.". */
const MEDIATOR_LINES: Record<Lang, string[]> = {
  fr: [
    'M. Kamel Boubendir',
    'AME CONSO',
    'www.mediationconso-ame.com',
    '197 Boulevard Saint-Germain, 75007 Paris',
    '06 15 68 40 48',
  ],
  en: [
    'Mr Kamel Boubendir',
    'AME CONSO',
    'www.mediationconso-ame.com',
    '197 Boulevard Saint-Germain, 75007 Paris',
    '06 15 68 40 48',
  ],
};
const answers = SHIPPED_TEMPLATES.filter((m) => m.phase === 'answer');
const meta = (id: string) => SHIPPED_TEMPLATES.find((m) => m.id === id)!;
const withoutMediator = (source: string) =>
  source.replace(/\{\{#needsMediation\}\}\n|\{\{\/needsMediation\}\}\n/g, '').replace('{{> mediateur}}\n', '');

describe('the consumer mediator in the letters (Code de la consommation L612-1, L616-1)', () => {
  for (const lang of LANGS) {
    for (const m of answers) {
      for (const outcome of (m.outcomes ?? []).filter((o) => o !== 'favourable')) {
        it(`names the mediator in « ${m.id} » (${lang}) for a ${outcome} decision`, async () => {
          const letter = await rendered(m.id, withDecision(sampleComplaint(), { outcome }), lang);
          for (const line of MEDIATOR_LINES[lang]) expect(letter.text).toContain(line);
          expect(letter.text).toContain(lang === 'fr' ? 'médiateur de la consommation' : 'consumer mediator');
        });
      }
    }
    it(`always names the mediator in the mediation information letter (${lang}), whatever the decision`, async () => {
      for (const outcome of OUTCOMES) {
        const letter = await rendered('information-mediation', withDecision(sampleComplaint(), { outcome }), lang);
        for (const line of MEDIATOR_LINES[lang]) expect(letter.text).toContain(line);
      }
    });
  }

  it('leaves it out of a fully favourable answer', async () => {
    const letter = await rendered('reponse-favorable', sampleComplaint(), 'fr');
    expect(letter.text).not.toContain('AME CONSO');
  });

  it('takes the mediator from the settings', async () => {
    const c = withDecision(sampleComplaint(), { outcome: 'unfavourable' });
    const mediator = {
      name: 'Mme Anne Durand',
      organisation: 'CM2C',
      website: 'www.cm2c.net',
      address: '14 rue Saint-Jean, 75017 Paris',
      phone: '',
    };
    const letter = await rendered('reponse-defavorable', c, 'fr', { settings: { ...SETTINGS, mediator } });
    expect(letter.text).toContain(
      'Mme Anne Durand\nCM2C\nSite internet et formulaire de saisine : www.cm2c.net\nAdresse postale : 14 rue Saint-Jean, 75017 Paris\n\n',
    );
    expect(letter.text).not.toContain('Téléphone :');
  });

  describe('cannot be removed from an answer that is not fully favourable', () => {
    for (const lang of LANGS) {
      for (const m of answers) {
        for (const outcome of (m.outcomes ?? []).filter((o) => o !== 'favourable')) {
          it(`refuses an edited « ${m.id} » (${lang}) without {{> mediateur}} for a ${outcome} decision`, async () => {
            const source = withoutMediator(SHIPPED_SOURCES[lang][m.id]);
            expect(source).not.toContain('mediateur');
            const result = await render(m.id, withDecision(sampleComplaint(), { outcome }), lang, {
              override: { source, version: 2 },
            });
            expect(result.ok).toBe(false);
            expect(!result.ok && result.problems).toEqual([
              'Le bloc du médiateur {{> mediateur}} est obligatoire dans ce modèle et ne peut pas dépendre d’une condition (Code de la consommation, art. L616-1).',
            ]);
          });
        }
      }
    }

    it('refuses the block hidden behind another condition', () => {
      const source = SHIPPED_SOURCES.fr['reponse-defavorable'].replace(
        '{{> mediateur}}',
        '{{#isFavourable}}{{> mediateur}}{{/isFavourable}}',
      );
      expect(validateTemplate(source, meta('reponse-defavorable')).map((p) => p.code)).toEqual(['missingMediator']);
    });

    it('refuses the block kept only under {{#needsMediation}} in the mediation letter, which always carries it', () => {
      const source = SHIPPED_SOURCES.fr['information-mediation'].replace(
        '{{> mediateur}}',
        '{{#needsMediation}}{{> mediateur}}{{/needsMediation}}',
      );
      expect(validateTemplate(source, meta('information-mediation')).map((p) => p.code)).toEqual(['missingMediator']);
    });

    it('in the editor, requires it in every answer that may be unfavourable', () => {
      const source = withoutMediator(SHIPPED_SOURCES.fr['reponse-favorable']);
      expect(validateTemplate(source, meta('reponse-favorable')).map((p) => p.code)).toEqual(['missingMediator']);
    });

    it('accepts an edited favourable answer without it when the decision is fully favourable', async () => {
      const source = withoutMediator(SHIPPED_SOURCES.fr['reponse-favorable']);
      const letter = await rendered('reponse-favorable', sampleComplaint(), 'fr', { override: { source, version: 3 } });
      expect(letter.version).toBe(3);
    });

    it('uses the renderer’s own block, not one an edited template could define', () => {
      expect(MEDIATOR_PARTIAL.fr).toContain('{{mediator.name}}');
      expect(MEDIATOR_PARTIAL.en).toContain('{{mediator.name}}');
    });
  });

  it('never points to the closed EU online dispute resolution platform', async () => {
    const forbidden = [
      /ec\.europa\.eu/i,
      /consumers\/odr/i,
      /\bRLL\b/,
      /\bODR\b/i,
      /règlement en ligne des litiges/i,
      /online dispute resolution/i,
    ];
    const texts: string[] = [];
    const dir = join(process.cwd(), 'templates');
    for (const lang of LANGS)
      for (const file of readdirSync(join(dir, lang))) texts.push(readFileSync(join(dir, lang, file), 'utf8'));
    texts.push(readFileSync(join(dir, 'catalog.ts'), 'utf8'));
    for (const dict of [fr, en]) {
      texts.push(
        ...Object.entries(dict)
          .filter(([k]) => k.startsWith('letters.'))
          .map(([, v]) => v),
      );
    }
    for (const lang of LANGS) {
      for (const m of SHIPPED_TEMPLATES) {
        for (const outcome of m.outcomes ?? OUTCOMES) {
          const letter = await rendered(m.id, withExtension(withDecision(sampleComplaint(), { outcome })), lang);
          texts.push(letter.text, letter.html);
        }
      }
    }
    expect(texts.length).toBeGreaterThan(40);
    for (const text of texts) for (const pattern of forbidden) expect(text).not.toMatch(pattern);
  });
});
