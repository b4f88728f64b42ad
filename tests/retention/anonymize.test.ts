import { beforeEach, describe, expect, it } from 'vitest';
import { setLang } from '@/lib/i18n';
import { anonymizeRecord, isPersonalChange, PERSONAL_FIELDS } from '@/lib/register/anonymize';
import { anonymizeComplaint } from '@/lib/register/store/anonymize';
import { registerDb } from '@/lib/register/store/db';
import { getComplaint, getHistory, verifyComplaintChain } from '@/lib/register/store/queries';
import { complaint, ctx, freshDatabase } from '../support/complaints';
import { putStoredEvent, storedEvent } from '../support/history-records';
import { at, closedComplaint, FREE_TEXT_WORDS, PERSONAL } from './fixtures';

beforeEach(async () => {
  setLang('fr');
  await freshDatabase();
});

/** Everything the database holds, as the text a reader of the raw IndexedDB files would see. */
async function rawDatabase(): Promise<string> {
  const db = await registerDb();
  const stores = ['complaints', 'histories', 'meta'] as const;
  const all = await Promise.all(stores.map((s) => db.getAll(s)));
  return JSON.stringify(all);
}

const NOW = '2026-06-01T08:00:00Z';

describe('anonymising a complaint', () => {
  it('removes every personal value from the record and from the stored history', async () => {
    const c = await closedComplaint();
    const before = await rawDatabase();
    for (const value of [...Object.values(PERSONAL), ...FREE_TEXT_WORDS]) expect(before).toContain(value);

    await anonymizeComplaint(c.id, 'request', at(NOW));

    const after = await rawDatabase();
    for (const value of [...Object.values(PERSONAL), ...FREE_TEXT_WORDS]) expect(after).not.toContain(value);
    expect(after).not.toMatch(/Martin|Claire|claire/);
  });

  it('keeps what the statistics need, with every date reduced to its month', async () => {
    const c = await closedComplaint();
    await anonymizeComplaint(c.id, 'request', at(NOW));
    const a = await getComplaint(c.id);
    const march = '2020-02-29T23:00:00.000Z'; // 1 March 2020, 00:00 in Paris
    expect(a).toMatchObject({
      reference: c.reference,
      receivedAt: march,
      loggedAt: march,
      createdAt: march,
      channel: 'email',
      category: 'livraison',
      product: '',
      phase: 'closed',
      justified: 'yes',
      severity: 2,
      clocks: {
        ack: { dueAt: march, dueDay: '2020-03-01', metAt: march },
        answer: { dueAt: march, dueDay: '2020-03-01', metAt: march },
      },
      closure: { closedAt: march, summary: '[Texte effacé : données personnelles]' },
      investigation: { scope: 'isolated', customersAffected: 1, immediateAction: { taken: true } },
      decision: { outcome: 'favourable', nonConformity: true },
      compensation: { kind: 'financial', amountEuros: null, amountRange: { min: 20, max: 50 }, dueDay: '2020-03-01' },
      letters: c.letters.map((l) => ({ ...l, at: march })),
      // Measured on the exact dates before they went: 4 hours to acknowledge, 7 to answer, both on time.
      durations: { ack: { ms: 4 * 3_600_000, late: false }, answer: { ms: 7 * 3_600_000, late: false } },
      anonymizedAt: '2026-06-01T08:00:00.000Z',
    });
    expect(a?.customer).toEqual({ civility: 'none', name: 'Client anonymisé' });
    expect(a?.source).toEqual({ webmail: 'gmail' });
    expect(a?.subject).toBe('Réclamation anonymisée');
    expect(a?.notes.map((n) => [n.at, n.author, n.text])).toEqual([
      [march, 'Julie Bernard', '[Texte effacé : données personnelles]'],
    ]);
    expect(a?.followUp[0]).toMatchObject({ owner: 'Julie Bernard', doneAt: march });
    expect(a?.followUp[0]?.effectiveness).toMatchObject({ effective: true, checkedAt: march });
    expect(a?.clocks.answer.extensions).toEqual([
      { newDueAt: march, customerToldAt: march, at: march, reason: '[Texte effacé : données personnelles]' },
    ]);
  });

  it('records one anonymized event with the erased paths and the reason, not the values, and the chain verifies', async () => {
    const c = await closedComplaint();
    const eventsBefore = (await getHistory(c.id)).length;
    await anonymizeComplaint(c.id, 'request', at(NOW));
    const history = await getHistory(c.id);
    expect(history).toHaveLength(eventsBefore + 1);
    const last = history.at(-1);
    expect(last?.type).toBe('anonymized');
    expect(last?.actor).toBe('Julie Bernard');
    const values = Object.fromEntries(last?.changes.map((ch) => [ch.path, ch.to]) ?? []);
    expect(values['anonymization.reason']).toBe('request');
    expect(values.anonymizedAt).toBe('2026-06-01T08:00:00.000Z');
    expect(values['anonymization.erased']).toEqual(
      expect.arrayContaining(['customer.name', 'customer.email', 'customer.phone', 'excerpt', 'notes[].text']),
    );
    expect(values['anonymization.erased']).not.toContain('mediation.notes'); // was empty: nothing erased
    expect(JSON.stringify(last)).not.toContain('Martin');

    const verdict = await verifyComplaintChain(c.id);
    expect(verdict).toMatchObject({ ok: true, length: eventsBefore + 1 });
    expect(verdict.ok && verdict.redacted).toBeGreaterThan(10);
    // The steps stay readable in the history: transitions keep their phases and dates.
    const transitions = history.filter((e) => e.type === 'transition');
    expect(transitions.map((e) => e.changes.find((ch) => ch.path === 'phase')?.to)).toEqual([
      'acknowledged',
      'investigating',
      'answered',
      'closed',
    ]);
  });

  it('also redacts a stored event that no longer parses', async () => {
    const c = await closedComplaint();
    const event = (await storedEvent(c.id, 3)) as { complaintId: string; seq: number };
    expect(JSON.stringify(event)).toContain(PERSONAL.note);
    await putStoredEvent({ ...event, type: 'legacyNote' });
    await anonymizeComplaint(c.id, 'request', at(NOW));
    const after = JSON.stringify(await storedEvent(c.id, 3));
    expect(after).toContain('legacyNote');
    expect(after).not.toContain('Martin');
  });

  it('does not anonymise twice', async () => {
    const c = await closedComplaint();
    const first = await anonymizeComplaint(c.id, 'request', at(NOW));
    await expect(anonymizeComplaint(c.id, 'request', at('2026-06-02T08:00:00Z'))).rejects.toThrow(
      `La réclamation ${c.reference} est déjà anonymisée.`,
    );
    expect(await getComplaint(c.id)).toEqual(first.complaint);
    expect((await getHistory(c.id)).filter((e) => e.type === 'anonymized')).toHaveLength(1);
  });

  it('refuses the retention reason before the retention period has ended', async () => {
    const c = await closedComplaint('2024-03-02T09:00:00.000Z', '2024-03-20T10:00:00Z');
    const periods = { years: 5, notComplaintYears: 1 };
    await expect(anonymizeComplaint(c.id, 'retention', at(NOW), periods)).rejects.toThrow(/durée de conservation/);
    expect((await getComplaint(c.id))?.anonymizedAt).toBeNull();
    await anonymizeComplaint(c.id, 'retention', at('2029-03-21T08:00:00Z'), periods);
    expect((await getComplaint(c.id))?.anonymizedAt).toBe('2029-03-21T08:00:00.000Z');
  });

  it('keeps an open complaint workable after an erasure request (clocks and urgency key unchanged)', async () => {
    const { createComplaint } = await import('@/lib/register/store/complaints');
    const { DEFAULT_POLICY } = await import('@/lib/deadlines/policy');
    const c = await createComplaint(
      {
        receivedAt: '2026-03-02T09:00:00Z',
        channel: 'phone',
        customer: { name: 'Paul Durand' },
        subject: 'x',
        category: 'autre',
      },
      DEFAULT_POLICY,
      at('2026-03-02T09:30:00Z'),
    );
    const { complaint: a } = await anonymizeComplaint(c.id, 'request', at('2026-03-02T10:00:00Z'));
    expect(a).toMatchObject({ phase: 'registered', nextDueAt: c.nextDueAt, clocks: c.clocks, rev: c.rev + 1 });
    expect(await verifyComplaintChain(c.id)).toMatchObject({ ok: true, length: 2 });
  });
});

describe('which recorded changes are personal', () => {
  it('covers a personal leaf, a whole customer object, a note added, and ignores empty containers', () => {
    expect(isPersonalChange({ path: 'customer.phone', from: null, to: '0612' })).toBe(true);
    expect(isPersonalChange({ path: 'customer', from: null, to: { name: 'X' } })).toBe(true);
    expect(isPersonalChange({ path: 'notes', from: null, to: { id: 'n', text: 'Bonjour' } })).toBe(true);
    expect(isPersonalChange({ path: 'notes', from: null, to: [] })).toBe(false);
    expect(isPersonalChange({ path: 'investigation', from: null, to: { rootCause: '', scope: 'unknown' } })).toBe(
      false,
    );
    expect(isPersonalChange({ path: 'clocks', from: null, to: { ack: { extensions: [{ reason: 'r' }] } } })).toBe(true);
    expect(isPersonalChange({ path: 'clocks.ack.dueAt', from: 'a', to: 'b' })).toBe(false);
    expect(isPersonalChange({ path: 'phase', from: 'registered', to: 'acknowledged' })).toBe(false);
    expect(isPersonalChange({ path: 'letters', from: null, to: { templateId: 'x', sha256: 'a' } })).toBe(false);
  });

  it('names every personal field once', () => {
    const paths = PERSONAL_FIELDS.map((f) => f.path);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('is pure: the record given is not changed', () => {
    const c = complaint({ customer: { name: 'Anne Roux', email: 'anne@example.fr' } });
    const copy = structuredClone(c);
    const { complaint: a } = anonymizeRecord(c, 'request', ctx(new Date('2026-04-01T00:00:00Z')));
    expect(c).toEqual(copy);
    expect(a.customer).toEqual({ civility: 'none', name: 'Client anonymisé' });
  });
});
