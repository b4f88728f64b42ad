import { describe, expect, it } from 'vitest';
import { resolveTemplate, SHIPPED_TEMPLATES } from '@/lib/letters/catalog';
import { previewLetter, sampleComplaint, sampleSettings } from '@/lib/letters/sample';
import { ComplaintSchema } from '@/lib/register/schema';
import { DEFAULT_SETTINGS } from '@/lib/settings/schema';

describe('the sample complaint of the template editor', () => {
  it('is a valid complaint answered with a decision each letter is written for', () => {
    for (const meta of SHIPPED_TEMPLATES) {
      const c = sampleComplaint(meta, 'fr');
      expect(ComplaintSchema.safeParse(c).success).toBe(true);
      if (meta.outcomes) expect(meta.outcomes).toContain(c.decision.outcome);
    }
  });

  it.each(SHIPPED_TEMPLATES.flatMap((m) => (['fr', 'en'] as const).map((lang) => [m.id, lang] as const)))(
    'previews the shipped %s letter in %s with default settings',
    async (id, lang) => {
      const resolved = resolveTemplate(id, lang)!;
      const result = await previewLetter(resolved.meta, lang, resolved.source, 2, DEFAULT_SETTINGS);
      expect(result.ok ? '' : result.message).toBe('');
      if (result.ok) {
        expect(result.text).toContain('Claire Martin');
        expect(result.text).toContain('REC-2026-0042');
        expect(result.version).toBe(2);
      }
    },
  );

  it('signs with the agent’s settings and fills only the blanks from the sample company', () => {
    const own = { ...DEFAULT_SETTINGS, company: { ...DEFAULT_SETTINGS.company, name: 'Ma Boutique' } };
    const filled = sampleSettings(own);
    expect(filled.company.name).toBe('Ma Boutique');
    expect(filled.company.address).toBe('12 rue de la Paix, 75002 Paris');
    expect(filled.signature.name).toBe('Julie Bernard');
    expect(filled.mediator).toEqual(own.mediator);
  });
});
