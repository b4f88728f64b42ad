// Is this email a customer complaint? A local, explainable guess: the score is the sum of the weights
// of the cues found (complaint phrases, tone, context, sender), and every cue shown to the agent
// carries its French label and the customer's own words.
//
// Threshold: LIKELY_THRESHOLD = 2, i.e. one explicit statement of a grievance (a defect, a long wait,
// disappointment, a missing item: weight 2), or one strong phrase ("mise en demeure", "jamais reçu",
// "prélevé deux fois": 3 to 4). An isolated weak word ("retard", "problème", "remboursement": 1 to 1.5)
// never suffices on its own; it needs tone or context next to it. Company-side evidence (own domain,
// no-reply sender, unsubscribe footer: -6 to -10) outweighs any complaint vocabulary.
// Why 2 and not higher: a complaint register must be complete (a missed complaint can miss its legal
// answer deadline, a false alarm costs the agent one click), and on the dev half of the labelled set 2
// keeps precision at 1.00 while recall goes from 0.83 (threshold 3) to 0.91. Short chat-like messages
// carry a single cue, so a higher threshold misses them. See tests/fixtures/spotting/SOURCES.md.
import { z } from 'zod';
import { type Lang, t } from '../i18n';
import { CUE_RULES, type CueRule } from './cues';
import { compilePattern, isContrasted, isNegated, isPolicyQuestion, matchesOf, QUESTION_FACTOR } from './match';
import { excerptOf, MAX_ANALYSED_CHARS, type NormalisedText, normalise, stripQuoted, toPlainText } from './normalise';
import { SIGNAL_RULES, type SignalContext, type SignalRule } from './signals';

export const LIKELY_THRESHOLD = 2;
const MAX_SUBJECT_CHARS = 500;
const IMPERSONAL_ID = 'impersonal';

export const spotInputSchema = z.object({
  subject: z.string(),
  text: z.string(),
  fromEmail: z.string().optional(),
  ownDomains: z.array(z.string()).optional(),
});
export type SpotInput = z.infer<typeof spotInputSchema>;

export const cueSchema = z.object({
  id: z.string(),
  /** French (or English) sentence telling the agent why this counts. */
  label: z.string(),
  weight: z.number(),
  /** The matched words, plain text. */
  excerpt: z.string(),
});
export type Cue = z.infer<typeof cueSchema>;

export const spotResultSchema = z.object({ likely: z.boolean(), score: z.number(), cues: z.array(cueSchema) });
export type SpotResult = z.infer<typeof spotResultSchema>;

export interface SpotOptions {
  readonly lang?: Lang;
}

interface Hit {
  readonly weight: number;
  readonly excerpt: string;
  readonly inQuestion: boolean;
}

const compiledCues = CUE_RULES.map((rule) => ({ rule, patterns: rule.patterns.map(compilePattern) }));
const compiledSignals = SIGNAL_RULES.map((rule) => ({
  rule,
  pattern: 'pattern' in rule ? compilePattern(rule.pattern) : null,
}));

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The best occurrence of a cue: negated ones are dropped, ones inside a policy question count less. */
function bestHit(rule: CueRule, patterns: readonly RegExp[], text: NormalisedText): Hit | null {
  let best: Hit | null = null;
  for (const pattern of patterns) {
    for (const match of matchesOf(pattern, text.norm)) {
      if (rule.negatable && isNegated(text.norm, match.index)) continue;
      const inQuestion = !rule.keepInQuestion && isPolicyQuestion(text.norm, match.index);
      const weight = inQuestion ? rule.weight * QUESTION_FACTOR : rule.weight;
      if (!best || weight > best.weight) {
        best = { weight, inQuestion, excerpt: excerptOf(text, match.index, match.index + match[0].length) };
      }
      if (!inQuestion) return best;
    }
  }
  return best;
}

function signalHit(rule: SignalRule, pattern: RegExp | null, context: SignalContext): Hit | null {
  if (!('pattern' in rule) || !pattern) {
    const excerpt = 'detect' in rule ? rule.detect(context) : null;
    return excerpt === null ? null : { weight: rule.weight, excerpt, inQuestion: false };
  }
  for (const match of matchesOf(pattern, context.text.norm)) {
    if (rule.negatable && isNegated(context.text.norm, match.index)) continue;
    if (rule.contrastCancels && isContrasted(context.text.norm, match.index)) continue;
    const excerpt = excerptOf(context.text, match.index, match.index + match[0].length);
    return { weight: rule.weight, excerpt, inQuestion: false };
  }
  return null;
}

/** Subject + the new part of the body (no quoted reply, no HTML), as the patterns read it. */
export function prepare(message: Pick<SpotInput, 'subject' | 'text'>): NormalisedText {
  const body = stripQuoted(toPlainText(message.text)).slice(0, MAX_ANALYSED_CHARS);
  const subject = toPlainText(message.subject).replace(/\s+/g, ' ').trim().slice(0, MAX_SUBJECT_CHARS);
  return normalise(subject ? `${subject}\n${body}` : body);
}

export function spot(message: SpotInput, options: SpotOptions = {}): SpotResult {
  const input = spotInputSchema.parse(message);
  return spotPrepared(input, prepare(input), options);
}

/** spot() on an input already parsed and its text already prepared (assess() reads the same text twice). */
export function spotPrepared(input: SpotInput, text: NormalisedText, options: SpotOptions = {}): SpotResult {
  const context: SignalContext = { text, fromEmail: input.fromEmail, ownDomains: input.ownDomains ?? [] };
  const lang = options.lang;

  const cues: Cue[] = [];
  for (const { rule, patterns } of compiledCues) {
    const hit = bestHit(rule, patterns, text);
    if (!hit) continue;
    const label = hit.inQuestion
      ? `${t(rule.label, {}, lang)} ${t('spotting.modifier.inQuestion', {}, lang)}`
      : t(rule.label, {}, lang);
    cues.push({ id: rule.id, label, weight: round1(hit.weight), excerpt: hit.excerpt });
  }
  const positives = cues.reduce((sum, cue) => sum + cue.weight, 0);
  for (const { rule, pattern } of compiledSignals) {
    const hit = signalHit(rule, pattern, context);
    if (!hit) continue;
    // An impersonal text (article, newsletter, policy page) also loses half of its complaint cues.
    const weight = rule.id === IMPERSONAL_ID ? round1(rule.weight - positives / 2) : rule.weight;
    cues.push({ id: rule.id, label: t(rule.label, {}, lang), weight, excerpt: hit.excerpt });
  }

  cues.sort((a, b) => b.weight - a.weight);
  const score = round1(cues.reduce((sum, cue) => sum + cue.weight, 0));
  return { likely: score >= LIKELY_THRESHOLD, score, cues };
}
