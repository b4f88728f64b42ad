import { beforeEach, describe, expect, it } from 'vitest';
import { registerDb } from '@/lib/register/store/db';
import {
  getTemplateOverrides,
  nextTemplateVersion,
  OVERRIDES_KEY,
  resetTemplateOverride,
  saveTemplateOverride,
} from '@/lib/register/store/letter-overrides';
import { listQuarantine } from '@/lib/register/store/quarantine';
import type { InvalidRecord } from '@/lib/register/store/queries';
import { freshDatabase } from '../support/complaints';

const NOW = new Date('2026-03-05T10:00:00Z');

beforeEach(freshDatabase);

describe('the store of edited template copies', () => {
  it('reads no copies from an empty register', async () => {
    expect(await getTemplateOverrides()).toEqual({});
  });

  it('keeps a saved copy with the shipped version + 1, then counts up by one per save', async () => {
    const first = await saveTemplateOverride('accuse-reception', 'fr', 'Texte 1', NOW);
    expect(first).toEqual({ source: 'Texte 1', version: 3, lang: 'fr' });
    await saveTemplateOverride('accuse-reception', 'fr', 'Texte 2', NOW);
    await saveTemplateOverride('cloture-suivi', 'en', 'Text', NOW);
    expect(await getTemplateOverrides()).toEqual({
      'accuse-reception': { fr: { source: 'Texte 2', version: 4, lang: 'fr' } },
      'cloture-suivi': { en: { source: 'Text', version: 3, lang: 'en' } },
    });
  });

  it('keeps one copy per language, each with its own versions', async () => {
    await saveTemplateOverride('accuse-reception', 'fr', 'Texte', NOW);
    const english = await saveTemplateOverride('accuse-reception', 'en', 'Text', NOW);
    expect(english).toEqual({ source: 'Text', version: 3, lang: 'en' });
    expect((await getTemplateOverrides())['accuse-reception']).toEqual({
      fr: { source: 'Texte', version: 3, lang: 'fr' },
      en: { source: 'Text', version: 3, lang: 'en' },
    });
    expect(nextTemplateVersion(1)).toBe(2);
    expect(nextTemplateVersion(4, { source: '', version: 2, lang: 'fr' })).toBe(5);
  });

  it('reads a copy stored before copies were kept per language as a copy in its language', async () => {
    await (await registerDb()).put(
      'meta',
      { 'accuse-reception': { source: 'Ancien', version: 4, lang: 'en' } },
      OVERRIDES_KEY,
    );
    expect(await getTemplateOverrides()).toEqual({
      'accuse-reception': { en: { source: 'Ancien', version: 4, lang: 'en' } },
    });
  });

  it('resets only the copy of the language asked for', async () => {
    await saveTemplateOverride('accuse-reception', 'fr', 'Texte', NOW);
    expect(await resetTemplateOverride('accuse-reception', 'en')).toBe(false);
    expect(await getTemplateOverrides()).toHaveProperty('accuse-reception');
    expect(await resetTemplateOverride('accuse-reception', 'fr')).toBe(true);
    expect(await getTemplateOverrides()).toEqual({});
    expect(await resetTemplateOverride('accuse-reception', 'fr')).toBe(false);
  });

  it('reports an unreadable value, reads it as no copies and leaves it alone on reset', async () => {
    const corrupt = { 'accuse-reception': { source: 42, version: 'two' } };
    await (await registerDb()).put('meta', corrupt, OVERRIDES_KEY);
    const reports: InvalidRecord[] = [];
    expect(await getTemplateOverrides((r) => reports.push(r))).toEqual({});
    expect(reports).toEqual([
      expect.objectContaining({ store: 'meta', key: OVERRIDES_KEY, issues: expect.stringContaining('source') }),
    ]);
    expect(await resetTemplateOverride('accuse-reception', 'fr')).toBe(false);
    expect(await (await registerDb()).get('meta', OVERRIDES_KEY)).toEqual(corrupt);
  });

  it('moves an unreadable value to quarantine, whole, before an explicit save replaces it', async () => {
    const corrupt = 'not an object';
    await (await registerDb()).put('meta', corrupt, OVERRIDES_KEY);
    await saveTemplateOverride('accuse-reception', 'fr', 'Texte', NOW);
    expect(await getTemplateOverrides()).toEqual({
      'accuse-reception': { fr: { source: 'Texte', version: 3, lang: 'fr' } },
    });
    expect(await listQuarantine()).toEqual([
      expect.objectContaining({ key: `meta:${OVERRIDES_KEY}:${NOW.toISOString()}`, store: 'meta', raw: corrupt }),
    ]);
  });
});
