// Which complaints look alike: same reason category, same product, or a close subject and summary.
// Local and explainable: the shared words and fields are returned with the score, so the agent sees why.
import { fold } from './filters';
import type { Complaint } from './schema';

// Words too common in complaints to tell two of them apart.
const STOPWORDS = new Set(
  (
    'les des une un le la de du et en pour que qui pas par sur avec dans est sont mon ma mes votre vos nous vous ' +
    'ils elle elles ont avoir etre cette ce ces aux au plus tres bien mais ou donc car ne se sa son leur leurs ' +
    'bonjour madame monsieur merci cordialement commande reclamation probleme client the and for with that this ' +
    'your our you are was have has not but from order complaint problem hello thanks regards'
  ).split(' '),
);

export function words(text: string): Set<string> {
  return new Set(
    fold(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 3 && !STOPWORDS.has(w)),
  );
}

export interface Similarity {
  score: number;
  sameCategory: boolean;
  sameProduct: boolean;
  sharedWords: string[];
}

const textOf = (c: Complaint) => `${c.subject} ${c.summary} ${c.product}`;

/** Jaccard overlap of the subject/summary/product words, plus the category and the product as fields. */
export function similarity(a: Complaint, b: Complaint, aWords = words(textOf(a))): Similarity {
  const bWords = words(textOf(b));
  const shared = [...aWords].filter((w) => bWords.has(w)).sort();
  const union = new Set([...aWords, ...bWords]).size;
  const overlap = union ? shared.length / union : 0;
  const sameCategory = a.category === b.category;
  const sameProduct = a.product.trim() !== '' && fold(a.product.trim()) === fold(b.product.trim());
  return {
    score: overlap + (sameCategory ? 0.3 : 0) + (sameProduct ? 0.4 : 0),
    sameCategory,
    sameProduct,
    sharedWords: shared,
  };
}

/** Enough to be worth showing: the same product, or the same category with a shared word, or a close text. */
export const isSimilar = (s: Similarity) =>
  s.sameProduct || (s.sameCategory && s.sharedWords.length > 0) || s.score >= 0.35;

export function similarComplaints(
  target: Complaint,
  candidates: Iterable<Complaint>,
  now: Date,
  windowDays = 90,
  limit = 20,
) {
  const since = new Date(now.getTime() - windowDays * 86_400_000).toISOString();
  const targetWords = words(textOf(target));
  const out: { complaint: Complaint; similarity: Similarity }[] = [];
  for (const c of candidates) {
    if (c.id === target.id || c.receivedAt < since || c.anonymizedAt) continue;
    const s = similarity(target, c, targetWords);
    if (isSimilar(s)) out.push({ complaint: c, similarity: s });
  }
  return out.sort((x, y) => y.similarity.score - x.similarity.score).slice(0, limit);
}
