// How one pattern match is weighed in its sentence: cancelled by a negation just before it, reduced
// inside a question about how/when/what (a policy question), full weight otherwise.
import { sentenceAround } from './normalise';

/** Words that, among the three before a cue, negate it: "aucun problème", "pas mécontent", "no complaints". */
const NEGATORS = new Set([
  'pas',
  'aucun',
  'aucune',
  'aucuns',
  'sans',
  'jamais',
  'ni',
  'rien',
  'no',
  'not',
  'never',
  'without',
  'nothing',
  'none',
]);
const NEGATION_WINDOW_WORDS = 3;

/** Opening words of a question about a rule or a procedure ("comment faire une réclamation ?"). */
const INTERROGATIVE =
  /(?:^|[^a-z'])(?:comment|quel(?:le)?s?|quand|combien|ou (?:en est|est|se trouve|puis|faut|dois)|est-ce que|est ce que|puis-je|puis je|peut-on|peut on|pourriez-vous|pourriez vous|pouvez-vous|pouvez vous|faut-il|faut il|how|what|when|which|where|can i|can you|could you|do you|does|is there|is it|are there|will i)(?:$|[^a-z'])/;
/** Rhetorical openings that complain rather than ask: "comment se fait-il que…", "how come…". */
const RHETORICAL = /\b(?:comment se fait-il|comment ca se fait|how come)\b/;

/** Share of a cue's weight kept when it sits inside a policy question. */
export const QUESTION_FACTOR = 0.25;

export function isNegated(norm: string, index: number): boolean {
  const before = norm.slice(Math.max(0, index - 60), index);
  const words = before
    .split(/[^a-z']+/)
    .filter(Boolean)
    .slice(-NEGATION_WINDOW_WORDS);
  return words.some((word) => NEGATORS.has(word) || word.endsWith("n't"));
}

const CONTRAST = /\b(?:mais|pourtant|cependant|sauf que|but|however|until|yet)\b/;

/** A contrast later in the same sentence turns praise into a set-up: "I was happy with it until…". */
export function isContrasted(norm: string, index: number): boolean {
  const { end } = sentenceAround(norm, index);
  return CONTRAST.test(norm.slice(index, end));
}

export function isPolicyQuestion(norm: string, index: number): boolean {
  const { start, end } = sentenceAround(norm, index);
  const sentence = norm.slice(start, end);
  if (!sentence.trimEnd().endsWith('?')) return false;
  if (RHETORICAL.test(sentence)) return false;
  return INTERROGATIVE.test(norm.slice(start, index));
}

/**
 * Makes a table pattern global and lets its spaces match any blank (the folded text keeps line breaks,
 * and mail clients wrap lines). Spaces inside a character class also accept a line break.
 */
export function compilePattern(pattern: RegExp): RegExp {
  let source = '';
  let inClass = false;
  for (let i = 0; i < pattern.source.length; i++) {
    const ch = pattern.source[i];
    if (ch === '\\') {
      source += pattern.source.slice(i, i + 2);
      i++;
    } else if (ch === '[') {
      inClass = true;
      source += ch;
    } else if (ch === ']') {
      inClass = false;
      source += ch;
    } else if (ch === ' ') source += inClass ? ' \\n' : '[ \\n]';
    else source += ch;
  }
  return new RegExp(source, `${pattern.flags.replace('g', '')}g`);
}

/** Each match of a compiled pattern, at most `limit` of them (bounds the work on hostile input). */
export function* matchesOf(compiled: RegExp, text: string, limit = 200): Generator<RegExpExecArray> {
  compiled.lastIndex = 0;
  for (let count = 0; count < limit; count++) {
    const match = compiled.exec(text);
    if (!match) return;
    if (match[0] === '') compiled.lastIndex++;
    yield match;
  }
}
