import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/background/start';
import { CHANGE_KEY, RequestError, send } from '@/lib/messages';
import { getComplaint, getHistory } from '@/lib/register/queries';
import type { Complaint } from '@/lib/register/schema';
import { freshDatabase, newInput } from '../support/complaints';

beforeEach(async () => {
  fakeBrowser.reset();
  await freshDatabase();
  startBackground();
});

describe('the message protocol', () => {
  it('creates a complaint through the background, announces the change and updates the badge', async () => {
    const created = await send<Complaint>({
      type: 'complaint/create',
      input: newInput({ receivedAt: '2020-01-01T09:00:00Z' }),
    });
    expect(created.reference).toMatch(/^REC-\d{4}-0001$/);
    expect(await getComplaint(created.id)).toMatchObject({ id: created.id, phase: 'registered' });
    const change = (await fakeBrowser.storage.local.get(CHANGE_KEY))[CHANGE_KEY] as { ids: string[] };
    expect(change.ids).toEqual([created.id]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  it('refuses a malformed request with French field errors and writes nothing', async () => {
    const error = await send({ type: 'complaint/create', input: { ...newInput(), subject: '' } }).catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    const bogus = await fakeBrowser.runtime.sendMessage({
      type: 'complaint/create',
      input: { ...newInput(), subject: '  ' },
    });
    expect(bogus).toMatchObject({
      ok: false,
      error: { key: 'error.invalidInput', fields: { 'input.subject': 'Indiquez l’objet de la réclamation.' } },
    });
    const unknown = await fakeBrowser.runtime.sendMessage({ type: 'complaint/delete-everything' });
    expect(unknown).toMatchObject({ ok: false, error: { key: 'error.invalidInput' } });
  });

  it('names what is missing when a step is refused', async () => {
    const c = await send<Complaint>({ type: 'complaint/create', input: newInput() });
    await send({ type: 'complaint/transition', id: c.id, to: 'acknowledged' });
    await send({ type: 'complaint/transition', id: c.id, to: 'investigating' });
    const error = (await send({ type: 'complaint/transition', id: c.id, to: 'answered' }).catch(
      (e) => e,
    )) as RequestError;
    expect(error).toBeInstanceOf(RequestError);
    expect(error.payload.missing?.map((m) => m.message)).toContain(
      'Choisissez la décision (favorable, partielle ou défavorable).',
    );
    expect((await getHistory(c.id)).map((e) => e.type)).toEqual(['created', 'transition', 'transition']);
  });

  it('finds the logged messages and threads for the webmail chips', async () => {
    const c = await send<Complaint>({ type: 'complaint/create', input: newInput() });
    const chips = await send<{ reference: string }[]>({
      type: 'complaint/lookup',
      messageIds: ['msg-f:1'],
      threadIds: ['thread-f:1', 'thread-f:9'],
    });
    expect(chips).toEqual([
      expect.objectContaining({ id: c.id, reference: c.reference, phase: 'registered', threadId: 'thread-f:1' }),
    ]);
  });

  it('hands the side panel the view asked for from the webmail, once', async () => {
    await send({ type: 'sidepanel/open', view: { kind: 'register' } });
    expect(await send({ type: 'sidepanel/pending' })).toEqual({ kind: 'register' });
    expect(await send({ type: 'sidepanel/pending' })).toBeNull();
  });
});
