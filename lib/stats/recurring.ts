// Recurring problems: groups of similar complaints from DIFFERENT customers received within a window
// (30 days by default): "3 réclamations similaires en 30 jours : cas isolé ?". Two complaints are linked
// when they share the category and the product, or when their subject/summary/product words are close
// (lib/register/similar.ts's words, and its bar of 0.35 word overlap). Groups are the connected sets.
//
// Fast on a large register: only the window's complaints take part; same category + product are joined
// by bucket (no pair compared), and close texts are found by prefix filtering: two word sets with an
// overlap >= t share a word among the rarest |A| - ceil(t|A|) + 1 of each, so only complaints sharing
// such a rare word are ever compared, and never two already in the same group. Deterministic: the
// result does not depend on the order the complaints come in.
import { fold } from '../register/filters';
import type { Complaint } from '../register/schema';
import { words } from '../register/similar';

export interface RecurringOptions {
  windowDays: number;
  /** Distinct customers a group needs to be reported. */
  minCustomers: number;
}
export const DEFAULT_RECURRING_OPTIONS: RecurringOptions = { windowDays: 30, minCustomers: 3 };

/** Word overlap (shared / union) from which two texts are close: isSimilar's bar when no field is shared. */
export const CLOSE_TEXT = 0.35;
/** A single shared word is not a recurring problem, whatever the overlap of two short subjects. */
const MIN_SHARED_WORDS = 2;
const DAY_MS = 86_400_000;
/** Most complaints one click links together (each one lists the others: the schema allows 500 links). */
export const MAX_LINK_GROUP = 200;
const SHOWN_WORDS = 8;

export interface RecurringGroup {
  /** Oldest first. */
  complaints: Complaint[];
  customers: number;
  /** Set when every complaint of the group has it. */
  category: string | null;
  product: string | null;
  /** Words found in at least half of the group (and at least 2 complaints), most frequent first. */
  sharedWords: string[];
  /** Every complaint already lists every other one in its investigation. */
  linked: boolean;
}

/** The words similar.ts compares. */
export const wordsOf = (c: Complaint) => words(`${c.subject} ${c.summary} ${c.product}`);
export const customerOf = (c: Complaint) => fold(c.customer.email || c.customer.name).trim();
const productOf = (c: Complaint) => fold(c.product.trim());
const byReceipt = (a: Complaint, b: Complaint) =>
  a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Whether two word sets are close texts: enough shared words, enough overlap. */
export function closeText(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared >= MIN_SHARED_WORDS && shared / (a.size + b.size - shared) >= CLOSE_TEXT;
}

/** The link between two complaints, as the groups are built (the definition the fast path must agree with). */
export function similarPair(a: Complaint, b: Complaint, aWords: ReadonlySet<string>, bWords: ReadonlySet<string>) {
  const product = productOf(a);
  return (a.category === b.category && product !== '' && product === productOf(b)) || closeText(aWords, bWords);
}

/** Whether complaint `c` takes part: received in the window, still a complaint, not anonymised. */
export function inWindow(c: Complaint, now: Date, windowDays: number): boolean {
  const received = Date.parse(c.receivedAt);
  const nowMs = now.getTime();
  return received > nowMs - windowDays * DAY_MS && received <= nowMs && c.phase !== 'notComplaint' && !c.anonymizedAt;
}

function unionFind(n: number) {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  return { find, union };
}

/** Connected sets of the window's complaints, as index lists (sorted). */
function connect(list: Complaint[], sets: Set<string>[]): number[][] {
  const { find, union } = unionFind(list.length);
  const buckets = new Map<string, number>();
  list.forEach((c, i) => {
    const product = productOf(c);
    if (product === '') return;
    const key = `${c.category}\u0000${product}`;
    const first = buckets.get(key);
    if (first === undefined) buckets.set(key, i);
    else union(first, i);
  });

  // Words ordered rarest first (then alphabetically), over the window.
  const df = new Map<string, number>();
  for (const set of sets) for (const w of set) df.set(w, (df.get(w) ?? 0) + 1);
  const rarest = (a: string, b: string) => (df.get(a) as number) - (df.get(b) as number) || (a < b ? -1 : 1);
  const postings = new Map<string, number[]>();
  const seen = new Int32Array(list.length).fill(-1);
  sets.forEach((set, i) => {
    const needed = Math.max(MIN_SHARED_WORDS, Math.ceil(CLOSE_TEXT * set.size));
    if (set.size < needed) return;
    const prefix = [...set].sort(rarest).slice(0, set.size - needed + 1);
    for (const w of prefix) {
      const earlier = postings.get(w) ?? [];
      for (const j of earlier) {
        if (seen[j] === i || find(i) === find(j)) continue;
        seen[j] = i;
        if (closeText(set, sets[j] as Set<string>)) union(i, j);
      }
      earlier.push(i);
      postings.set(w, earlier);
    }
  });

  const groups = new Map<number, number[]>();
  list.forEach((_, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  });
  return [...groups.values()];
}

function describe(members: Complaint[], sets: Set<string>[]): RecurringGroup {
  const first = members[0] as Complaint;
  const category = members.every((c) => c.category === first.category) ? first.category : null;
  const product =
    productOf(first) !== '' && members.every((c) => productOf(c) === productOf(first)) ? first.product.trim() : null;
  const counts = new Map<string, number>();
  for (const set of sets) for (const w of set) counts.set(w, (counts.get(w) ?? 0) + 1);
  const floor = Math.max(2, Math.ceil(members.length / 2));
  const sharedWords = [...counts]
    .filter(([, n]) => n >= floor)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .slice(0, SHOWN_WORDS)
    .map(([w]) => w);
  const linked = members.every((c) => {
    const links = new Set(c.investigation.linkedComplaintIds);
    return members.every((o) => o.id === c.id || links.has(o.id));
  });
  return {
    complaints: members,
    customers: new Set(members.map(customerOf)).size,
    category,
    product,
    sharedWords,
    linked,
  };
}

/** The recurring groups among `complaints` at `now`: largest first, then the most recent. */
export function findRecurring(
  complaints: Iterable<Complaint>,
  now: Date,
  opts: RecurringOptions = DEFAULT_RECURRING_OPTIONS,
): RecurringGroup[] {
  const list = [...complaints].filter((c) => inWindow(c, now, opts.windowDays)).sort(byReceipt);
  const sets = list.map(wordsOf);
  return connect(list, sets)
    .map((indexes) => ({ indexes, customers: new Set(indexes.map((i) => customerOf(list[i] as Complaint))).size }))
    .filter((g) => g.customers >= opts.minCustomers)
    .map(({ indexes }) =>
      describe(
        indexes.map((i) => list[i] as Complaint),
        indexes.map((i) => sets[i] as Set<string>),
      ),
    )
    .sort(
      (a, b) =>
        b.complaints.length - a.complaints.length ||
        byReceipt(
          b.complaints[b.complaints.length - 1] as Complaint,
          a.complaints[a.complaints.length - 1] as Complaint,
        ),
    );
}

/** Keeps only the window's complaints while a pass streams the register, then groups them. */
export function recurringAccumulator(now: Date, opts: RecurringOptions = DEFAULT_RECURRING_OPTIONS) {
  const kept: Complaint[] = [];
  return {
    add(c: Complaint) {
      if (inWindow(c, now, opts.windowDays)) kept.push(c);
    },
    finish: () => findRecurring(kept, now, opts),
  };
}

/**
 * The investigation change that links `c` to the rest of `groupIds` (keeping its existing links), and marks
 * the scope recurring if nobody has judged it yet; null when there is nothing to change.
 */
export function linkPatch(
  c: Complaint,
  groupIds: readonly string[],
): { investigation: Complaint['investigation'] } | null {
  const current = c.investigation.linkedComplaintIds;
  const added = groupIds.filter((id) => id !== c.id && !current.includes(id));
  const scope = c.investigation.scope === 'unknown' ? 'recurring' : c.investigation.scope;
  if (added.length === 0 && scope === c.investigation.scope) return null;
  return { investigation: { ...c.investigation, scope, linkedComplaintIds: [...current, ...added] } };
}
