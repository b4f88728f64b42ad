import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/extension/background/start';
import { CHANGE_KEY, send } from '@/lib/extension/protocol';
import { SHIPPED_SOURCES } from '@/lib/letters/catalog';
import { RequestError } from '@/lib/protocol/messages';
import { getTemplateOverrides } from '@/lib/register/store/letter-overrides';
import { freshDatabase } from '../support/complaints';

beforeEach(async () => {
  fakeBrowser.reset();
  await freshDatabase();
  startBackground();
});

const shipped = SHIPPED_SOURCES.fr['accuse-reception'];
const edited = shipped.replace('{{customer.salutation}},', 'Chère cliente, cher client,');

describe('templates/save and templates/reset in the background', () => {
  it('stores a valid copy with the version bumped and announces the change', async () => {
    expect(edited).not.toBe(shipped);
    const first = await send({ type: 'templates/save', id: 'accuse-reception', lang: 'fr', source: edited });
    expect(first).toEqual({ source: edited, version: 3, lang: 'fr' });
    const second = await send({ type: 'templates/save', id: 'accuse-reception', lang: 'fr', source: `${edited}\n` });
    expect(second).toMatchObject({ version: 4 });
    expect((await getTemplateOverrides())['accuse-reception']?.fr).toMatchObject({ version: 4, lang: 'fr' });
    expect((await fakeBrowser.storage.local.get(CHANGE_KEY))[CHANGE_KEY]).toMatchObject({ ids: [] });
  });

  it('refuses a broken template with the French problems and stores nothing', async () => {
    const broken = `${shipped.replaceAll('{{customer.addressee}}', '{{client.nom}}')}\n{{#isFavourable}}`;
    const error = (await send({ type: 'templates/save', id: 'accuse-reception', lang: 'fr', source: broken }).catch(
      (e) => e,
    )) as RequestError;
    expect(error).toBeInstanceOf(RequestError);
    expect(error.payload.key).toBe('options.templates.refused');
    expect(error.message).toMatch(/^Modèle refusé : Erreur de syntaxe : section « isFavourable » ouverte/);
    const unknown = (await send({
      type: 'templates/save',
      id: 'accuse-reception',
      lang: 'fr',
      source: shipped.replaceAll('{{customer.addressee}}', '{{client.nom}}'),
    }).catch((e) => e)) as RequestError;
    expect(unknown.message).toContain('Variable inconnue : « client.nom »');
    expect(unknown.message).toContain('Variable obligatoire absente du modèle : « customer.addressee »');
    expect(await getTemplateOverrides()).toEqual({});
  });

  it('refuses a copy without the compulsory mediator block', async () => {
    const source = SHIPPED_SOURCES.fr['reponse-defavorable'].replace('{{> mediateur}}', '');
    const error = (await send({ type: 'templates/save', id: 'reponse-defavorable', lang: 'fr', source }).catch(
      (e) => e,
    )) as RequestError;
    expect(error.message).toContain('Le bloc du médiateur {{> mediateur}} est obligatoire');
  });

  it('refuses an unknown template or language before any handler runs', async () => {
    const raw = await fakeBrowser.runtime.sendMessage({
      type: 'templates/save',
      id: 'lettre-libre',
      lang: 'fr',
      source: 'x',
    });
    expect(raw).toMatchObject({ ok: false, error: { key: 'error.invalidInput' } });
    const lang = await fakeBrowser.runtime.sendMessage({ type: 'templates/reset', id: 'accuse-reception', lang: 'de' });
    expect(lang).toMatchObject({ ok: false, error: { key: 'error.invalidInput' } });
  });

  it('resets the copy of one language and says whether one was removed', async () => {
    await send({ type: 'templates/save', id: 'accuse-reception', lang: 'fr', source: edited });
    expect(await send({ type: 'templates/reset', id: 'accuse-reception', lang: 'en' })).toBe(false);
    expect(await send({ type: 'templates/reset', id: 'accuse-reception', lang: 'fr' })).toBe(true);
    expect(await getTemplateOverrides()).toEqual({});
  });
});
