import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/extension/background/start';
import { CHANGE_KEY, send } from '@/lib/extension/protocol';
import { RequestError } from '@/lib/protocol/messages';
import { getComplaint, getHistory } from '@/lib/register/store/queries';
import { saveSettings } from '@/lib/register/store/settings';
import { freshDatabase, newInput } from '../support/complaints';
import { closedComplaint } from './fixtures';

beforeEach(async () => {
  fakeBrowser.reset();
  await freshDatabase();
  startBackground();
});

const announced = async () => ((await fakeBrowser.storage.local.get(CHANGE_KEY))[CHANGE_KEY] as { ids: string[] }).ids;

describe('anonymisation through the background', () => {
  it('anonymises one complaint on the customer’s request and announces the change', async () => {
    const c = await send({ type: 'complaint/create', input: newInput() });
    const saved = await send({ type: 'complaint/anonymize', id: c.id, reason: 'request' });
    expect(saved).toMatchObject({ id: c.id, customer: { name: 'Client anonymisé' }, anonymizedAt: expect.any(String) });
    expect(await announced()).toEqual([c.id]);
    expect((await getHistory(c.id)).map((e) => e.type)).toEqual(['created', 'anonymized']);
  });

  it('refuses a second anonymisation with a French message', async () => {
    const c = await send({ type: 'complaint/create', input: newInput() });
    await send({ type: 'complaint/anonymize', id: c.id, reason: 'request' });
    const error = (await send({ type: 'complaint/anonymize', id: c.id, reason: 'request' }).catch(
      (e) => e,
    )) as RequestError;
    expect(error).toBeInstanceOf(RequestError);
    expect(error.payload).toMatchObject({
      key: 'privacy.alreadyAnonymized',
      message: `La réclamation ${c.reference} est déjà anonymisée.`,
    });
  });

  it('refuses an unknown reason and a malformed id', async () => {
    const bad = await fakeBrowser.runtime.sendMessage({ type: 'complaint/anonymize', id: 'x', reason: 'whim' });
    expect(bad).toMatchObject({ ok: false, error: { key: 'error.invalidInput' } });
    const none = await fakeBrowser.runtime.sendMessage({ type: 'retention/apply', ids: [] });
    expect(none).toMatchObject({ ok: false, error: { key: 'error.invalidInput' } });
  });

  it('applies the retention period of the settings, skipping what is not due, and reports', async () => {
    const old = await closedComplaint('2019-01-07T09:00:00.000Z', '2019-02-01T10:00:00Z');
    const recent = await closedComplaint(
      new Date(Date.now() - 20 * 86_400_000).toISOString(),
      new Date().toISOString(),
    );
    const open = await send({ type: 'complaint/create', input: newInput() });
    const report = await send({ type: 'retention/apply', ids: [old.id, recent.id, open.id] });
    expect(report.anonymized).toEqual([{ id: old.id, reference: old.reference }]);
    expect(report.skipped.map((s) => s.id)).toEqual([recent.id, open.id]);
    expect(report.skipped[0]?.message).toMatch(/n’a pas dépassé sa durée de conservation/);
    expect(await announced()).toEqual([old.id]);
    expect((await getComplaint(recent.id))?.anonymizedAt).toBeNull();

    // Above 10 years the settings need a written reason (issue 9).
    await expect(saveSettings({ retentionYears: 30 })).rejects.toThrow(/Au-delà de 10 ans/);
    await saveSettings({ retentionYears: 30, retentionReason: 'Contentieux en cours' });
    const again = await send({ type: 'retention/apply', ids: [old.id] });
    expect(again.anonymized).toEqual([]);
    expect(again.skipped[0]?.message).toMatch(/déjà anonymisée/);
  });
});
