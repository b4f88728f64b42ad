// `fastParse` must give zod's answer, always: the same success, the same error, the same data. Checked on the
// records the register really holds (generated complaints at every phase, histories written by the store,
// anonymised ones) and on thousands of damaged copies of them, each damage drawn by a seeded generator.
import { beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { setLang } from '@/lib/i18n';
import { fastParse, fastVerdict } from '@/lib/register/fast-parse';
import { type HistoryEvent, HistoryEventSchema } from '@/lib/register/history';
import { RegisterRowSchema, rowOf } from '@/lib/register/rows';
import { ComplaintSchema } from '@/lib/register/schema';
import { recordLetter } from '@/lib/register/store/complaints';
import { getComplaint, getHistory } from '@/lib/register/store/queries';
import { generateComplaint, generator } from '@/scripts/bench/register-data';
import { at } from '../retention/fixtures';
import { freshDatabase } from '../support/complaints';
import { fillRealisticRegister } from '../support/realistic-register';

const NOW = '2026-06-01T08:00:00.000Z';

beforeEach(async () => {
  setLang('fr');
  await freshDatabase();
});

type Random = () => number;
const pick = <T>(r: Random, items: readonly T[]): T => items[Math.floor(r() * items.length)] as T;

/** What may be put in place of a value: wrong types, edge numbers, strings a trim or a format would refuse. */
function replacement(r: Random, old: unknown): unknown {
  const text = typeof old === 'string' ? old : 'texte';
  return pick(r, [
    () => undefined,
    () => null,
    () => 0,
    () => -1,
    () => 1.5,
    () => Number.NaN,
    () => Number.POSITIVE_INFINITY,
    () => 1e12,
    () => true,
    () => '',
    () => ` ${text} `,
    () => `\u2003${text}`,
    () => `${text}\n`,
    () => text.toUpperCase(),
    () => `${text}x`,
    () => text.slice(1),
    () => 'x'.repeat(25_000),
    () => [],
    () => [old],
    () => ({}),
    () => ({ value: old }),
    () => '2026-13-45T25:00:00Z',
    () => 'A'.repeat(64),
  ])();
}

/** Every [parent, key] of a JSON-like value, parents first. */
function slots(value: unknown, out: [Record<string, unknown> | unknown[], string | number][] = []) {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      out.push([value, i]);
      slots(v, out);
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      out.push([value as Record<string, unknown>, k]);
      slots(v, out);
    }
  }
  return out;
}

/** A deep copy of `value` with one to three damages: a value replaced, a key removed, a key added. */
function damaged(value: unknown, r: Random): unknown {
  const copy = structuredClone(value);
  const times = 1 + Math.floor(r() * 3);
  for (let n = 0; n < times; n++) {
    const all = slots(copy);
    if (!all.length) break;
    const [parent, key] = pick(r, all);
    const what = r();
    if (what < 0.6) (parent as Record<string | number, unknown>)[key] = replacement(r, (parent as never)[key]);
    else if (what < 0.8 && !Array.isArray(parent)) delete parent[key as string];
    else if (Array.isArray(parent)) parent.push(structuredClone(parent[0]));
    else parent[`extra${n}`] = 'inattendu';
  }
  return copy;
}

/** `fastParse` and `safeParse` agree: success, issues and data. */
function expectSameAnswer(schema: z.ZodType, value: unknown) {
  const fast = fastParse(schema, value);
  const zod = schema.safeParse(value);
  expect(fast.success).toBe(zod.success);
  if (zod.success) expect(fast.data).toStrictEqual(zod.data);
  else expect(fast.error?.issues).toEqual(zod.error.issues);
}

async function storeHistories(): Promise<HistoryEvent[][]> {
  const { closed, anonymised, open } = await fillRealisticRegister(NOW);
  await recordLetter(
    open,
    {
      templateId: 'accuse-reception',
      templateVersion: 1,
      lang: 'fr',
      sha256: 'a'.repeat(64),
      at: NOW,
      channel: 'reply',
      sent: { text: 'Madame,', html: '<p>Madame,</p>', inputs: { delai: '10 jours' } },
    },
    at(NOW),
  );
  return Promise.all([closed, anonymised, open].map((id) => getHistory(id)));
}

describe('fastParse', () => {
  it('accepts the register’s own records as they are, with zod’s data and no copy', async () => {
    const complaints = Array.from({ length: 400 }, (_, i) => generateComplaint(i, new Date(NOW)));
    const histories = await storeHistories();
    for (const id of histories.map((h) => h[0]?.complaintId as string)) complaints.push((await getComplaint(id))!);
    for (const c of complaints) {
      expect(fastVerdict(ComplaintSchema, c)).toBe('same');
      expect(fastParse(ComplaintSchema, c).data).toBe(c);
      expectSameAnswer(ComplaintSchema, c);
    }
    for (const row of complaints.map(rowOf)) {
      expect(fastVerdict(RegisterRowSchema, row)).toBe('same');
      expectSameAnswer(RegisterRowSchema, row);
    }
    const events = histories.flat();
    expect(events.some((e) => e.changes.some((c) => c.redacted))).toBe(true); // the anonymised one
    for (const e of events) {
      expect(fastVerdict(HistoryEventSchema, e)).toBe('same');
      expectSameAnswer(HistoryEventSchema, e);
    }
  });

  it('gives zod’s answer on thousands of damaged complaints and events, whatever the damage', async () => {
    const r = generator(20261202);
    const complaints = Array.from({ length: 60 }, (_, i) => generateComplaint(i * 7, new Date(NOW)));
    const events = (await storeHistories()).flat();
    const rows = complaints.map(rowOf);
    const seen = { same: 0, fail: 0, ask: 0 };
    for (let i = 0; i < 3_000; i++) {
      const [schema, base] = (
        [
          [ComplaintSchema, pick(r, complaints)],
          [HistoryEventSchema, pick(r, events)],
          [RegisterRowSchema, pick(r, rows)],
        ] as const
      )[i % 3] as readonly [typeof ComplaintSchema | typeof HistoryEventSchema | typeof RegisterRowSchema, unknown];
      const value = damaged(base, r);
      seen[fastVerdict(schema, value)]++;
      expectSameAnswer(schema, value);
    }
    // Each road was taken many times: the damages reach refusals, values zod changes, and harmless ones.
    expect(seen.same).toBeGreaterThan(100);
    expect(seen.fail).toBeGreaterThan(300);
    expect(seen.ask).toBeGreaterThan(300);
  });

  it('leaves to zod what zod would change: trimmed text, a lower-cased e-mail, a default, an unknown key', () => {
    const c = generateComplaint(3, new Date(NOW));
    const changed = [
      { ...c, subject: ` ${c.subject}` },
      { ...c, customer: { ...c.customer, email: 'Claire.MARTIN@example.fr' } },
      { ...c, product: undefined },
      { ...c, notes: undefined },
      { ...c, extra: 1 },
    ];
    for (const value of changed) {
      expect(fastVerdict(ComplaintSchema, value)).toBe('ask');
      expectSameAnswer(ComplaintSchema, value);
    }
    const { product: _gone, ...withoutProduct } = c;
    expect(fastVerdict(ComplaintSchema, withoutProduct)).toBe('ask');
    expect(ComplaintSchema.parse(withoutProduct).product).toBe('');
  });
});
