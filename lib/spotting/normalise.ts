// Text preparation for spotting: email text → plain text → accent- and case-free text that the cue
// patterns read, with a map back to the plain text so every cue can quote the customer's own words.
// Everything here is linear in the input size: no regex with nested or unbounded lazy backtracking.

/** Only this much raw input is looked at: HTML and quotes are removed from it, the rest is ignored. */
export const MAX_RAW_CHARS = 200_000;
/** A complaint states its point early; reading further only costs time (spot() must stay within a few ms). */
export const MAX_ANALYSED_CHARS = 20_000;

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  eacute: 'é',
  egrave: 'è',
  agrave: 'à',
  ccedil: 'ç',
  ecirc: 'ê',
  euro: '€',
};

function removeBlocks(html: string, tag: string): string {
  const lower = html.toLowerCase();
  let out = '';
  let from = 0;
  for (;;) {
    const start = lower.indexOf(`<${tag}`, from);
    if (start < 0) return out + html.slice(from);
    out += html.slice(from, start);
    const end = lower.indexOf(`</${tag}`, start);
    if (end < 0) return out;
    const close = lower.indexOf('>', end);
    from = close < 0 ? html.length : close + 1;
  }
}

/** HTML (or text that contains tags) → plain text; entities decoded. Plain text passes through. */
export function toPlainText(raw: string): string {
  let text = raw.length > MAX_RAW_CHARS ? raw.slice(0, MAX_RAW_CHARS) : raw;
  if (/<\/?[a-zA-Z!]/.test(text)) {
    text = removeBlocks(removeBlocks(text, 'script'), 'style');
    text = text.replace(/<(?:br|\/p|\/div|\/li|\/tr|\/h\d)\b[^<>]*>/gi, '\n').replace(/<\/?[a-zA-Z!][^<>]*>/g, ' ');
  }
  return text
    .replace(/&#(\d{1,6});/g, (_, code: string) => String.fromCodePoint(Math.min(Number(code), 0x10ffff)))
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, code: string) => String.fromCodePoint(Math.min(parseInt(code, 16), 0x10ffff)))
    .replace(/&([a-z]+);/gi, (whole, name: string) => ENTITIES[name.toLowerCase()] ?? whole);
}

// Reply headers: "Le lun. 3 mars 2025 à 10:12, X <x@y> a écrit :" (Gmail may wrap it over two lines),
// "On Mon, 3 Mar 2025 at 10:12, X wrote:", Outlook's "-----Original Message-----" / "De : … Envoyé : …".
const REPLY_HEADER = /^\s*(?:le|on)\b.{0,300}?\b(?:a\s+[ée]crit|wrote)\s*:?\s*$/i;
const SEPARATOR = /^\s*-{2,}\s*(?:original message|message d'origine|message transf[ée]r[ée]|forwarded message)/i;
const OUTLOOK_FROM = /^\s*(?:de|from)\s*:/i;
const OUTLOOK_NEXT = /^\s*(?:envoy[ée]|sent|date|[àa]|to)\s*:/i;
/** The signature separator ("-- ", RFC 3676) and mobile mailers' footers: what follows is not the message. */
const SIGNATURE =
  /^(?:-- ?|envoy[ée] (?:de|depuis) mon (?:iphone|ipad|smartphone|mobile|t[ée]l[ée]phone)\b.*|sent from my (?:iphone|ipad|android|phone|mobile)\b.*)$/i;

/** The new part of a message: quoted lines (">") and everything after a reply header are dropped. */
export function stripQuoted(text: string): string {
  const lines = text.split(/\r?\n/);
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const next = lines[i + 1] ?? '';
    if (REPLY_HEADER.test(line) || SEPARATOR.test(line)) break;
    if (/^\s*(?:le|on)\b/i.test(line) && line.length < 300 && REPLY_HEADER.test(`${line} ${next}`)) break;
    if (OUTLOOK_FROM.test(line) && (OUTLOOK_NEXT.test(next) || OUTLOOK_NEXT.test(lines[i + 2] ?? ''))) break;
    if (SIGNATURE.test(line)) break;
    if (/^\s*>/.test(line)) continue;
    kept.push(line);
  }
  return kept.join('\n');
}

export interface NormalisedText {
  /** The plain text the excerpts are cut from. */
  readonly plain: string;
  /** Lower case, accents removed, apostrophes and spaces unified: what the patterns read. */
  readonly norm: string;
  /** norm index → plain index. */
  readonly toPlain: Int32Array;
}

const APOSTROPHES = /['’ʼ`´]/;

function foldChar(ch: string): string {
  if (APOSTROPHES.test(ch)) return "'";
  const lower = ch.toLowerCase();
  if (lower === 'œ') return 'oe';
  if (lower === 'æ') return 'ae';
  if (lower.charCodeAt(0) < 128) return lower;
  return lower.normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * Builds the folded text character by character, so any match in it maps back to the plain text.
 * A run of blanks becomes one space, or one line break if it contains one (sentences end there).
 */
export function normalise(plain: string): NormalisedText {
  const parts: string[] = [];
  const map: number[] = [];
  let blankStart = -1;
  let blankHasNewline = false;
  for (let i = 0; i < plain.length; i++) {
    const ch = plain[i] ?? '';
    if (/\s/.test(ch)) {
      if (blankStart < 0) blankStart = i;
      if (ch === '\n') blankHasNewline = true;
      continue;
    }
    if (blankStart >= 0) {
      if (parts.length > 0) {
        parts.push(blankHasNewline ? '\n' : ' ');
        map.push(blankStart);
      }
      blankStart = -1;
      blankHasNewline = false;
    }
    for (const c of foldChar(ch)) {
      parts.push(c);
      map.push(i);
    }
  }
  return respell({ plain, norm: parts.join(''), toPlain: Int32Array.from(map) });
}

/**
 * How customers really write, mapped to one spelling so that cues and model read the same word: SMS forms
 * ("jai", "tjrs", "vs"), missing apostrophes, "sa" for "ça", the participle written as an infinitive
 * ("pas encore livrer"), common misspellings of "remboursement" and "reçu". Rules read the folded text
 * (no accents) and only touch whole words; "sa" or "livrer" are rewritten only where the context says so.
 */
export const SPELLING_RULES: readonly (readonly [RegExp, string])[] = [
  [/\bsa (?=(?:fait|fais|marche|fonctionne|va|ne|n'|me|m'|suffit|commence|devient|craint)\b)/g, 'ca '],
  [/\b(?:tjrs|tjs|tjr|toujour)\b/g, 'toujours'],
  [/\bpa (?=(?:recu|encore|livre|arrive|de|normal)\b)/g, 'pas '],
  [/\b(?:jai|j ai)\b/g, "j'ai"],
  [/\bg (?=(?:recu|paye|commande|eu|ete|fait|pas|jamais|toujours|attendu)\b)/g, "j'ai "],
  [/\b(?:nai|n ai)\b/g, "n'ai"],
  [/\bj(?:atten|attend|atends|atend|attends)\b/g, "j'attends"],
  [/\b(?:cest|c est)\b/g, "c'est"],
  [/\b(?:vs)\b/g, 'vous'],
  [/\b(?:pk|pq|pourquoi)\b/g, 'pourquoi'],
  [/\bbcp\b/g, 'beaucoup'],
  [/\bds\b/g, 'dans'],
  [/\b(?:jamai|jammais)\b/g, 'jamais'],
  [/\b(?:comande|commmande|comende|commende)(s?)\b/g, 'commande$1'],
  [/\b(?:resu|ressu|recut)(e?s?)\b/g, 'recu$1'],
  [
    /\b(?:remboursment|rembourcement|rembourssement|remboursemnt|ramboursement|ranboursement|remboursemant|remboursemment|rembousement|rembourement)\b/g,
    'remboursement',
  ],
  [/\b(?:rembourc|rembourss|rambours|ranbours|rembous)(er|ez|e|ee|ees|es)\b/g, 'rembours$1'],
  [/\brembours(?:e|ee|ees|es)\b/g, 'rembourser'],
  [/(?<=\b(?:pas|jamais|ete|encore|toujours pas) )livr(?:er|ee?s?|ez)\b/g, 'livre'],
  [/(?<=\b(?:pas|jamais|ete|encore|toujours pas) )recev(?:oir|er|ez)\b/g, 'recu'],
  [/\b(?:mecontant|mecontante)\b/g, 'mecontent'],
  [/\binadmisible\b/g, 'inadmissible'],
  [/\b(?:arnac|arnak)\b/g, 'arnaque'],
];

/** Applies SPELLING_RULES to the folded text, keeping the map from every character back to the plain text. */
export function respell(text: NormalisedText): NormalisedText {
  let { norm, toPlain } = text;
  for (const [pattern, replacement] of SPELLING_RULES) {
    if (!pattern.test(norm)) continue;
    pattern.lastIndex = 0;
    const parts: string[] = [];
    const map: number[] = [];
    let from = 0;
    for (const match of norm.matchAll(pattern)) {
      const at = match.index ?? 0;
      parts.push(norm.slice(from, at));
      for (let i = from; i < at; i++) map.push(toPlain[i] ?? 0);
      const out = replacement.replace(/\$(\d)/g, (_, n: string) => match[Number(n)] ?? '');
      const len = match[0].length;
      // Each new character points into the original word; the last one to its end, so excerpts stay whole.
      for (let i = 0; i < out.length; i++) {
        const source = i === out.length - 1 ? len - 1 : Math.min(i, len - 1);
        map.push(toPlain[at + source] ?? 0);
      }
      parts.push(out);
      from = at + len;
    }
    parts.push(norm.slice(from));
    for (let i = from; i < norm.length; i++) map.push(toPlain[i] ?? 0);
    norm = parts.join('');
    toPlain = Int32Array.from(map);
  }
  return { plain: text.plain, norm, toPlain };
}

/** The plain-text words behind norm[start, end), on one line, at most `max` characters. */
export function excerptOf(text: NormalisedText, start: number, end: number, max = 80): string {
  const from = text.toPlain[start] ?? 0;
  const to = (text.toPlain[Math.max(start, end - 1)] ?? from) + 1;
  const words = text.plain.slice(from, to).replace(/\s+/g, ' ').trim();
  return words.length > max ? `${words.slice(0, max - 1).trimEnd()}…` : words;
}

/**
 * Sentence that contains `index` in norm: bounded by . ! ? … or a line break (decimals like 244.94 stay
 * whole, and a hard-wrapped line that goes on in lower case continues the sentence).
 */
export function sentenceAround(norm: string, index: number): { start: number; end: number } {
  const isBoundary = (i: number) => {
    const c = norm[i];
    if (c === '!' || c === '?' || c === '…') return true;
    if (c === '.') return !/\d/.test(norm[i + 1] ?? '');
    if (c !== '\n') return false;
    return !(/[a-z0-9,]/.test(norm[i - 1] ?? '') && /[a-z]/.test(norm[i + 1] ?? ''));
  };
  let start = index;
  while (start > 0 && !isBoundary(start - 1)) start--;
  let end = index;
  while (end < norm.length && !isBoundary(end)) end++;
  while (end < norm.length && /[!?.…]/.test(norm[end] ?? '')) end++;
  return { start, end };
}
