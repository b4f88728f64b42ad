import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/extension/background/start';
import { CHANGE_KEY, send } from '@/lib/extension/protocol';
import { RequestError } from '@/lib/protocol/messages';
import type { Complaint } from '@/lib/register/schema';
import { getComplaint, getHistory } from '@/lib/register/store/queries';
import { freshDatabase, newInput } from '../support/complaints';

beforeEach(async () => {
  fakeBrowser.reset();
  await freshDatabase();
  startBackground();
});

const create = (n: number) =>
  send({
    type: 'complaint/create',
    input: newInput({
      customer: { name: `Client ${n}`, email: `client${n}@example.fr` },
      source: { webmail: 'manual' },
      product: 'Lampe Aurore',
    }),
  });

describe('linking a recurring group through the background', () => {
  it('links every complaint to the others, marks the scope recurring, with one history event each', async () => {
    const [a, b, c] = [await create(1), await create(2), await create(3)] as [Complaint, Complaint, Complaint];
    expect(await send({ type: 'complaints/link-group', ids: [a.id, b.id, c.id] })).toEqual({ linked: 3 });
    for (const [self, others] of [
      [a, [b.id, c.id]],
      [b, [a.id, c.id]],
      [c, [a.id, b.id]],
    ] as const) {
      const stored = await getComplaint(self.id);
      expect(stored?.investigation).toMatchObject({ linkedComplaintIds: others, scope: 'recurring' });
      expect((await getHistory(self.id)).map((e) => e.type)).toEqual(['created', 'updated']);
    }
    const change = (await fakeBrowser.storage.local.get(CHANGE_KEY))[CHANGE_KEY] as { ids: string[] };
    expect(change.ids).toEqual([a.id, b.id, c.id]);
  });

  it('writes nothing the second time', async () => {
    const ids = [(await create(1)).id, (await create(2)).id];
    await send({ type: 'complaints/link-group', ids });
    expect(await send({ type: 'complaints/link-group', ids })).toEqual({ linked: 0 });
    expect((await getHistory(ids[0] as string)).map((e) => e.type)).toEqual(['created', 'updated']);
  });

  it('names a complaint that is not in the register', async () => {
    const a = await create(1);
    const missing = crypto.randomUUID();
    const error = (await send({ type: 'complaints/link-group', ids: [a.id, missing] }).catch((e) => e)) as RequestError;
    expect(error).toBeInstanceOf(RequestError);
    expect(error.message).toContain(missing);
  });
});
