import { describe, expect, it } from 'vitest';
import { SHIPPED_SOURCES, SHIPPED_TEMPLATES } from '@/lib/letters/catalog';
import { validateTemplate } from '@/lib/letters/validate';
import { KNOWN_VARIABLES } from '@/lib/letters/variables';

const meta = (id: string) => SHIPPED_TEMPLATES.find((m) => m.id === id)!;
const ACK = SHIPPED_SOURCES.fr['accuse-reception'];

describe('checking a template before it is used (options page editor)', () => {
  it('accepts the shipped template unchanged', () => {
    expect(validateTemplate(ACK, meta('accuse-reception'))).toEqual([]);
  });

  it('reports a section that is never closed, with its name and line, in French', () => {
    const problems = validateTemplate(`${ACK}\n{{#isPartial}}\nPour partie.`, meta('accuse-reception'));
    expect(problems).toEqual([
      {
        code: 'syntax',
        message: `Erreur de syntaxe : section « isPartial » ouverte et jamais fermée (ligne ${ACK.split('\n').length + 2}).`,
      },
    ]);
  });

  it('reports a tag that is never closed', () => {
    const [problem] = validateTemplate('Réf. : {{reference\n\nMadame, Monsieur,', meta('accuse-reception'));
    expect(problem).toEqual({
      code: 'syntax',
      message: 'Erreur de syntaxe : balise ouverte par « {{ » et jamais fermée (ligne 3).',
    });
  });

  it('reports a section closed without being opened', () => {
    const [problem] = validateTemplate(`${ACK}{{/isPartial}}`, meta('accuse-reception'));
    expect(problem?.message).toMatch(
      /^Erreur de syntaxe : section « isPartial » fermée sans avoir été ouverte \(ligne \d+\)\.$/,
    );
  });

  it('reports an unknown variable with its line', () => {
    const problems = validateTemplate(
      ACK.replace('{{#customer.company}}', '{{#customer.company}} {{client.nom}}'),
      meta('accuse-reception'),
    );
    expect(problems).toEqual([
      {
        code: 'unknownVariable',
        name: 'client.nom',
        line: 1,
        message: 'Variable inconnue : « client.nom » (ligne 1).',
      },
    ]);
  });

  it('knows a list item’s fields only inside the list', () => {
    const closing = SHIPPED_SOURCES.fr['cloture-suivi'];
    expect(validateTemplate(`${closing}\n{{description}}`, meta('cloture-suivi')).map((p) => p.name)).toEqual([
      'description',
    ]);
    expect(
      validateTemplate(
        `${closing}\n{{#followUp.pending}}{{description}} {{dueDate}} {{.}}{{/followUp.pending}}`,
        meta('cloture-suivi'),
      ),
    ).toEqual([]);
  });

  it('gives a letter no way to print who owns a follow-up action, an internal detail', () => {
    const closing = SHIPPED_SOURCES.fr['cloture-suivi'];
    const problems = validateTemplate(
      `${closing}\n{{#followUp.done}}{{owner}}{{/followUp.done}}`,
      meta('cloture-suivi'),
    );
    expect(problems.map((p) => [p.code, p.name])).toEqual([['unknownVariable', 'owner']]);
  });

  it('knows only the inputs the template declares', () => {
    const problems = validateTemplate(`${ACK}\n{{inputs.informations}}`, meta('accuse-reception'));
    expect(problems.map((p) => [p.code, p.name])).toEqual([['unknownVariable', 'inputs.informations']]);
  });

  it('reports a required variable the template no longer uses, with its French label', () => {
    const problems = validateTemplate(ACK.replaceAll('{{reference}}', 'REC-?'), meta('accuse-reception'));
    expect(problems).toEqual([
      {
        code: 'missingRequired',
        name: 'reference',
        message: 'Variable obligatoire absente du modèle : « reference » (Référence de la réclamation).',
      },
    ]);
  });

  it('reports a required input the template no longer uses', () => {
    const source = SHIPPED_SOURCES.fr['demande-informations'].replace('{{inputs.informations}}', '');
    expect(validateTemplate(source, meta('demande-informations')).map((p) => p.message)).toEqual([
      'Variable obligatoire absente du modèle : « inputs.informations » (Informations demandées au client).',
    ]);
  });

  it('refuses triple braces, {{& }} and partials other than the mediator block', () => {
    const problems = validateTemplate(
      `${ACK}\n{{{subject}}}\n{{& subject}}\n{{> signature}}`,
      meta('accuse-reception'),
    );
    expect(problems.map((p) => p.code)).toEqual(['unescaped', 'unescaped', 'unknownPartial']);
    expect(problems[2]?.message).toContain('« signature »');
  });

  it('reports all the problems of a template at once', () => {
    const problems = validateTemplate('{{customer.nom}} {{> mediateur}}', meta('reponse-defavorable'));
    // Heading (addressee, reference, date, subject), the claim, the reasons, the money or
    // remedy (amount, method, date, description, legal remedy and ground) and the signature: 14 required values.
    expect(problems.map((p) => p.code)).toEqual(['unknownVariable', ...Array(14).fill('missingRequired')]);
  });

  it('knows every variable of the view model, each with a French and English label', async () => {
    const { fr } = await import('@/lib/i18n/fr');
    const { en } = await import('@/lib/i18n/en');
    expect(KNOWN_VARIABLES.length).toBeGreaterThan(40);
    for (const v of KNOWN_VARIABLES) {
      const key = `letters.var.${v.name}` as keyof typeof fr;
      expect(fr[key], v.name).toBeTruthy();
      expect(en[key], v.name).toBeTruthy();
    }
  });
});
