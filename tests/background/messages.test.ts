import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { route } from '@/lib/extension/background/router';
import { startBackground } from '@/lib/extension/background/start';
import { CHANGE_KEY, send } from '@/lib/extension/protocol';
import type { Sender } from '@/lib/extension/transport';
import { readWebmailTabs } from '@/lib/extension/webmail-tabs';
import { RequestError } from '@/lib/protocol/messages';
import { ScanAnswerSchema } from '@/lib/protocol/webmail';
import { registerDb } from '@/lib/register/store/db';
import { listQuarantine } from '@/lib/register/store/quarantine';
import { getComplaint, getHistory } from '@/lib/register/store/queries';
import { freshDatabase, newInput } from '../support/complaints';

beforeEach(async () => {
  fakeBrowser.reset();
  await freshDatabase();
  startBackground();
});

describe('the message protocol', () => {
  it('creates a complaint through the background, announces the change and updates the badge', async () => {
    const created = await send({
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
    const c = await send({ type: 'complaint/create', input: newInput() });
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

  it('answers a webmail scan with the chips of logged messages and threads, and spots the others', async () => {
    const c = await send({ type: 'complaint/create', input: newInput() });
    const answer = await send({
      type: 'webmail/scan',
      messages: [
        {
          messageId: 'msg-f:1',
          threadId: 'thread-f:1',
          subject: 'Colis',
          text: 'Mon colis est arrivé cassé.',
          fromEmail: 'a@example.fr',
        },
        {
          messageId: 'msg-f:2',
          threadId: 'thread-f:2',
          subject: 'Réclamation : commande jamais reçue',
          text: 'Bonjour, je n’ai jamais reçu ma commande n° 4521 payée il y a trois semaines. Je demande le remboursement.',
          fromEmail: 'client@example.fr',
        },
      ],
      threadIds: ['thread-f:9'],
    });
    expect(ScanAnswerSchema.parse(answer).labels.log).toBe('Consigner la réclamation');
    expect(answer.chips).toEqual([
      expect.objectContaining({
        id: c.id,
        messageId: 'msg-f:1',
        threadId: 'thread-f:1',
        rowText: c.reference,
        label: expect.stringContaining(`Réclamation ${c.reference}, Enregistrée`),
      }),
    ]);
    expect(Object.keys(answer.spots)).toEqual(['msg-f:2']);
    expect(answer.own).toEqual([]);
    expect(answer.spots['msg-f:2']).toMatchObject({
      likely: true,
      title: expect.stringMatching(/^Ce message ressemble à une réclamation/),
    });
    // The model's weighing words travel with the verdict, for the form to show them beside the cues.
    expect(answer.spots['msg-f:2']?.fragments?.length).toBeGreaterThan(0);
    expect(answer.spots['msg-f:2']?.fragments?.every((f) => f.weight > 0 && f.text.length <= 200)).toBe(true);
  });

  it('marks the messages sent from the company’s own domains, which get no button', async () => {
    await send({ type: 'settings/save', settings: { ownDomains: ['maison-lumen.fr'] } });
    const answer = await send({
      type: 'webmail/scan',
      messages: [
        {
          messageId: 'a',
          threadId: null,
          subject: 'Re: colis',
          text: 'Nous revenons vers vous.',
          fromEmail: 'service-client@maison-lumen.fr',
        },
        {
          messageId: 'b',
          threadId: null,
          subject: 'Colis',
          text: 'Mon colis est cassé.',
          fromEmail: 'client@example.fr',
        },
      ],
      threadIds: [],
    });
    expect(answer.own).toEqual(['a']);
    expect(Object.keys(answer.spots)).toEqual(['b']);
  });

  it('sets an unreadable record aside when a page reports it, and keeps the register readable', async () => {
    const good = await send({ type: 'complaint/create', input: newInput() });
    const db = await registerDb();
    const broken = { ...good, id: crypto.randomUUID(), reference: 'REC-2026-0999', phase: 'perdu' };
    await db.put('complaints', broken as never);
    expect(await send({ type: 'register/quarantine', ids: [broken.id, good.id] })).toBe(1);
    expect((await listQuarantine()).map((q) => q.key)).toEqual([`complaints:${broken.id}`]);
    expect(await getComplaint(good.id)).toMatchObject({ id: good.id });
  });

  it('puts each view asked for from a webmail tab into that tab’s report, which the side panel follows', async () => {
    const id = crypto.randomUUID();
    const webmail = { tab: { id: 7 } } as Sender;
    expect(await send({ type: 'sidepanel/open', view: { kind: 'complaint', id } })).toBe(false);
    await route({ type: 'webmail/opened', messages: [{ messageId: 'm1', threadId: 't1' }], draft: null }, webmail);
    expect(await route({ type: 'sidepanel/open', view: { kind: 'complaint', id } }, webmail)).toEqual({
      ok: true,
      data: true,
    });
    expect((await readWebmailTabs())['7']).toMatchObject({ messageIds: ['m1'], asked: { kind: 'complaint', id } });
    await route({ type: 'sidepanel/open', view: { kind: 'new', draft: { subject: 'x' } } }, webmail);
    expect((await readWebmailTabs())['7']).toMatchObject({
      messageIds: ['m1'],
      draft: { subject: 'x', channel: 'email' },
      asked: { kind: 'new' },
    });
  });
});
