import { describe, expect, it } from 'vitest';
import type { Complaint } from '@/lib/register/schema';
import {
  customerOf,
  findRecurring,
  inWindow,
  linkPatch,
  recurringAccumulator,
  similarPair,
  wordsOf,
} from '@/lib/stats/recurring';
import { complaint } from '../support/complaints';

const NOW = new Date('2026-03-15T12:00:00.000Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();

interface Spec {
  who: string;
  days: number;
  subject: string;
  category?: string;
  product?: string;
  summary?: string;
}
const make = ({ who, days, subject, category = 'livraison', product = '', summary = '' }: Spec): Complaint =>
  complaint({
    receivedAt: daysAgo(days),
    customer: { name: who, email: `${who.toLowerCase()}@example.fr` },
    subject,
    category,
    product,
    summary,
  });

describe('recurring problems', () => {
  it('groups three customers’ complaints about the same product in the same category', () => {
    const group = [
      make({ who: 'Claire', days: 2, subject: 'Pied cassé', category: 'produit', product: 'Lampe Aurore' }),
      make({
        who: 'Julien',
        days: 9,
        subject: 'Interrupteur qui grésille',
        category: 'produit',
        product: 'lampe aurore ',
      }),
      make({ who: 'Sophie', days: 20, subject: 'Abat-jour fendu', category: 'produit', product: 'Lampe Aurore' }),
    ];
    // Same product in another category, with a subject of its own: 2 shared words of 6 is not close.
    const other = make({
      who: 'Hugo',
      days: 3,
      subject: 'Colis en retard',
      category: 'livraison',
      product: 'Lampe Aurore',
    });
    const [found, ...rest] = findRecurring([...group, other], NOW);
    expect(rest).toEqual([]);
    expect(found?.complaints.map((c) => c.id)).toEqual([group[2], group[1], group[0]].map((c) => c?.id)); // oldest first
    expect(found).toMatchObject({ customers: 3, category: 'produit', product: 'Lampe Aurore', linked: false });
    expect(found?.sharedWords).toEqual(['aurore', 'lampe']); // the product's words, in every complaint
  });

  it('groups close subjects across categories and explains them by their shared words', () => {
    const complaints = [
      make({ who: 'Claire', days: 1, subject: 'Double prélèvement sur ma carte bancaire', category: 'facturation' }),
      make({ who: 'Julien', days: 5, subject: 'Prélèvement en double carte bancaire', category: 'autre' }),
      make({ who: 'Sophie', days: 12, subject: 'Prélevé en double sur la carte', summary: 'prélèvement bancaire' }),
    ];
    const [found] = findRecurring(complaints, NOW);
    expect(found?.complaints).toHaveLength(3);
    expect(found).toMatchObject({ category: null, product: null });
    expect(found?.sharedWords).toEqual(['bancaire', 'carte', 'double', 'prelevement']);
  });

  it('links a chain: A close to B and B close to C make one group even if A and C are not close', () => {
    const complaints = [
      make({ who: 'Claire', days: 1, subject: 'colis écrasé carton déchiré' }),
      make({ who: 'Julien', days: 2, subject: 'colis carton déchiré vase' }), // 3 shared of 5 with each
      make({ who: 'Sophie', days: 3, subject: 'carton déchiré vase brisé' }), // 2 of 6 with Claire's
    ];
    expect(findRecurring(complaints, NOW).map((g) => g.complaints.length)).toEqual([3]);
  });

  it('does not report one customer complaining three times', () => {
    const complaints = [1, 2, 3].map((d) => make({ who: 'Claire', days: d, subject: 'Pied cassé', product: 'Lampe' }));
    expect(findRecurring(complaints, NOW)).toEqual([]);
  });

  it('does not take a single shared word for a recurring problem', () => {
    const complaints = [
      make({ who: 'Claire', days: 1, subject: 'Remboursement non reçu' }),
      make({ who: 'Julien', days: 2, subject: 'Retard de remboursement' }),
      make({ who: 'Sophie', days: 3, subject: 'Remboursement partiel' }),
    ];
    expect(findRecurring(complaints, NOW)).toEqual([]);
  });

  it('leaves out complaints older than the window, messages that are not complaints and anonymised ones', () => {
    const lamp = (who: string, days: number) => make({ who, days, subject: 'Pied cassé', product: 'Lampe Aurore' });
    const base = [lamp('Claire', 1), lamp('Julien', 2)];
    expect(findRecurring([...base, lamp('Sophie', 30.5)], NOW)).toEqual([]);
    expect(findRecurring([...base, { ...lamp('Sophie', 3), phase: 'notComplaint' }], NOW)).toEqual([]);
    expect(findRecurring([...base, { ...lamp('Sophie', 3), anonymizedAt: daysAgo(0) }], NOW)).toEqual([]);
    expect(findRecurring([...base, lamp('Sophie', 29.5)], NOW)).toHaveLength(1);
    expect(findRecurring([...base, lamp('Sophie', 45)], NOW, { windowDays: 60, minCustomers: 3 })).toHaveLength(1);
  });

  it('gives the same groups whatever the order the register is read in', () => {
    const complaints = ['Claire', 'Julien', 'Sophie', 'Hugo', 'Manon', 'Karim'].flatMap((who, i) => [
      make({ who, days: i + 1, subject: 'Pied cassé', category: 'produit', product: `Lampe ${i % 2}` }),
      make({ who, days: i + 2, subject: `Colis perdu en relais ${i % 3 ? 'nord' : 'sud'} transporteur` }),
    ]);
    const ids = (groups: ReturnType<typeof findRecurring>) => groups.map((g) => g.complaints.map((c) => c.id));
    const forward = ids(findRecurring(complaints, NOW));
    expect(forward.length).toBeGreaterThan(1);
    expect(ids(findRecurring([...complaints].reverse(), NOW))).toEqual(forward);
    const acc = recurringAccumulator(NOW);
    for (const c of [...complaints.slice(5), ...complaints.slice(0, 5)]) acc.add(c);
    expect(ids(acc.finish())).toEqual(forward);
  });

  it('says when a group is already linked', () => {
    const [a, b, c] = ['Claire', 'Julien', 'Sophie'].map((who, i) =>
      make({ who, days: i + 1, subject: 'Pied cassé', product: 'Lampe Aurore' }),
    ) as [Complaint, Complaint, Complaint];
    const link = (x: Complaint, ...others: Complaint[]): Complaint => ({
      ...x,
      investigation: { ...x.investigation, linkedComplaintIds: others.map((o) => o.id) },
    });
    expect(findRecurring([link(a, b, c), link(b, a, c), link(c, a)], NOW)[0]?.linked).toBe(false);
    expect(findRecurring([link(a, b, c), link(b, a, c), link(c, a, b)], NOW)[0]?.linked).toBe(true);
  });

  it('groups the window of a 100,000-complaint register quickly, comparing no pair of the whole register', () => {
    const base = make({ who: 'Claire', days: 1, subject: 'x' });
    const subjects = [
      'Colis arrivé endommagé',
      'Double prélèvement carte',
      'Appareil en panne',
      'Remboursement non reçu',
    ];
    const register: Complaint[] = Array.from({ length: 100_000 }, (_, i) => ({
      ...base,
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      receivedAt: daysAgo((i * 730) / 100_000),
      customer: { civility: 'none', name: `Client ${i}`, email: `client${i}@example.fr` },
      subject: `${subjects[i % 4]} ${['lot', 'série', 'stock'][i % 3]} ${i % 97}`,
      category: ['livraison', 'facturation', 'produit', 'remboursement'][i % 4] as string,
      product: i % 5 === 0 ? `Produit ${i % 40}` : '',
    }));
    // Its speed is a benchmark figure (`npm run bench`, "recurring problems, 100,000"), not a test: a wall-clock
    // bound here failed only when the machine was busy.
    const groups = findRecurring(register, NOW);
    expect(groups.reduce((n, g) => n + g.complaints.length, 0)).toBeGreaterThan(3_000); // ~4,100 in 30 days
  });
});

describe('linking a group into each investigation', () => {
  const [a, b, c] = ['Claire', 'Julien', 'Sophie'].map((who, i) =>
    make({ who, days: i + 1, subject: 'Pied cassé', product: 'Lampe' }),
  ) as [Complaint, Complaint, Complaint];
  const ids = [a.id, b.id, c.id];

  it('adds the other complaints to the links and calls a scope nobody judged yet recurring', () => {
    expect(linkPatch(a, ids)?.investigation).toMatchObject({ linkedComplaintIds: [b.id, c.id], scope: 'recurring' });
  });

  it('keeps the links already there and a scope already judged', () => {
    const other = crypto.randomUUID();
    const judged = {
      ...b,
      investigation: { ...b.investigation, scope: 'systemic' as const, linkedComplaintIds: [other] },
    };
    expect(linkPatch(judged, ids)?.investigation).toMatchObject({
      linkedComplaintIds: [other, a.id, c.id],
      scope: 'systemic',
    });
  });

  it('changes nothing once linked', () => {
    const done = {
      ...c,
      investigation: { ...c.investigation, scope: 'recurring' as const, linkedComplaintIds: [a.id, b.id] },
    };
    expect(linkPatch(done, ids)).toBeNull();
  });
});

describe('the fast grouping', () => {
  it('finds exactly the groups an all-pairs comparison finds, on a random register', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const vocabulary = Array.from({ length: 120 }, (_, i) => `mot${String.fromCharCode(97 + (i % 26))}${i}`);
    const complaints = Array.from({ length: 400 }, () =>
      make({
        who: `Client${Math.floor(random() * 150)}`,
        days: random() * 40,
        subject: Array.from(
          { length: 2 + Math.floor(random() * 4) },
          () => vocabulary[Math.floor(random() * 120)],
        ).join(' '),
        category: ['livraison', 'produit', 'facturation'][Math.floor(random() * 3)],
        product: random() < 0.3 ? `ZX${Math.floor(random() * 12)}00` : '',
      }),
    );

    // All pairs of the window, joined into connected sets by hand.
    const window = complaints.filter((c) => inWindow(c, NOW, 30));
    const sets = window.map(wordsOf);
    const group = window.map((_, i) => i);
    const root = (i: number): number => (group[i] === i ? i : root(group[i] as number));
    for (let i = 0; i < window.length; i++)
      for (let j = 0; j < i; j++) if (similarPair(window[i]!, window[j]!, sets[i]!, sets[j]!)) group[root(i)] = root(j);
    const members = new Map<number, Complaint[]>();
    window.forEach((c, i) => {
      members.set(root(i), [...(members.get(root(i)) ?? []), c]);
    });
    const canonical = (groups: Complaint[][]) => groups.map((g) => g.map((c) => c.id).sort()).sort();
    const expected = canonical([...members.values()].filter((g) => new Set(g.map(customerOf)).size >= 3));

    expect(expected.length).toBeGreaterThan(3);
    expect(Math.max(...expected.map((g) => g.length))).toBeLessThan(window.length / 2);
    expect(canonical(findRecurring(complaints, NOW).map((g) => g.complaints))).toEqual(expected);
  });
});
