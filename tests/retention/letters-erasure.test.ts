// The letter as sent is personal data: an anonymisation (erasure request or end of retention) removes its
// text, HTML and typed values from the record and from the history, and the chain still verifies.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_POLICY } from '@/lib/deadlines/policy';
import { setLang } from '@/lib/i18n';
import { isPersonalChange } from '@/lib/register/anonymize';
import { anonymizeComplaint } from '@/lib/register/store/anonymize';
import { createComplaint, recordLetter } from '@/lib/register/store/complaints';
import { registerDb } from '@/lib/register/store/db';
import { getComplaint, getHistory, verifyComplaintChain } from '@/lib/register/store/queries';
import { freshDatabase, newInput } from '../support/complaints';

const at = (iso: string) => ({ now: new Date(iso), actor: 'Julie Bernard' });

const SENT = {
  text: 'Madame Martin,\n\nVotre colis CMD-99812 sera remboursé.',
  html: '<p>Madame Martin,</p>\n<p>Votre colis CMD-99812 sera rembours&eacute;.</p>',
  inputs: { modalites: 'Virement sur le compte FR76 3000 6000 0112 3456 7890 189' },
};

beforeEach(async () => {
  setLang('fr');
  fakeBrowser.reset();
  await freshDatabase();
});

async function complaintWithLetter() {
  const c = await createComplaint(
    newInput({ customer: { civility: 'madame', name: 'Claire Martin' } }),
    DEFAULT_POLICY,
    at('2026-03-02T10:00:00Z'),
  );
  await recordLetter(
    c.id,
    {
      templateId: 'reponse-favorable',
      templateVersion: 1,
      lang: 'fr',
      sha256: 'a'.repeat(64),
      at: '2026-03-05T10:00:00Z',
      channel: 'reply',
      sent: SENT,
    },
    at('2026-03-05T10:00:00Z'),
  );
  return c;
}

async function stored(id: string): Promise<string> {
  const db = await registerDb();
  return JSON.stringify([await db.get('complaints', id), await getHistory(id)]);
}

describe('the letter as sent, on erasure', () => {
  it('is kept in the record and the history until the complaint is anonymised', async () => {
    const c = await complaintWithLetter();
    const before = await stored(c.id);
    for (const value of ['Votre colis CMD-99812', 'rembours&eacute;', 'FR76 3000']) expect(before).toContain(value);
    const letterEvent = (await getHistory(c.id)).find((e) => e.type === 'letterRecorded');
    expect(letterEvent?.changes.map((ch) => ch.path)).toEqual(['letters', 'letters.sent']);
  });

  it('is erased from the record and the history, the letter’s identity kept in the record, the chain intact', async () => {
    const c = await complaintWithLetter();
    await anonymizeComplaint(c.id, 'request', at('2026-06-01T08:00:00Z'));
    const after = await stored(c.id);
    for (const value of ['Votre colis CMD-99812', 'rembours&eacute;', 'FR76 3000', 'Madame Martin'])
      expect(after).not.toContain(value);
    const letter = (await getComplaint(c.id))?.letters[0];
    expect(letter).toMatchObject({ templateId: 'reponse-favorable', templateVersion: 1, sha256: 'a'.repeat(64) });
    expect(letter?.sent).toBeUndefined();
    const changes = (await getHistory(c.id)).find((e) => e.type === 'letterRecorded')?.changes ?? [];
    expect(changes.find((ch) => ch.path === 'letters.sent')).toMatchObject({ redacted: true, to: null });
    expect(await verifyComplaintChain(c.id)).toMatchObject({ ok: true });
  });

  it('counts a recorded letter text as personal, and a letter’s identity alone as not', () => {
    expect(isPersonalChange({ path: 'letters.sent', from: null, to: SENT })).toBe(true);
    expect(isPersonalChange({ path: 'letters', from: null, to: { templateId: 'x', sent: SENT } })).toBe(true);
    expect(isPersonalChange({ path: 'letters', from: null, to: { templateId: 'x', sha256: 'a' } })).toBe(false);
  });
});
