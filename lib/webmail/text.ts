// Plain text from an email body. Only text nodes are read (their textContent), so nothing from the email
// is ever parsed or executed; block elements and <br> become line breaks so the complaint stays readable.
import { isHiddenByMarkup } from './dom';

const BLOCKS = new Set(
  [
    'address article aside blockquote center dd div dl dt fieldset figcaption figure footer form',
    'h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody tfoot thead tr ul',
  ]
    .join(' ')
    .split(' '),
);

// Elements whose content is never mail text (scripts, styles, media, form controls).
const DROPPED = new Set(
  [
    'audio button canvas embed head iframe img input link meta noscript',
    'object script select style svg template textarea title video',
  ]
    .join(' ')
    .split(' '),
);

export interface TextOptions {
  /** Elements to leave out with their content (quotes, signatures, the webmail's own widgets). */
  skip?: (el: Element) => boolean;
  /** An element that starts the quoted history: it and everything after it are left out. */
  stopAt?: (el: Element) => boolean;
  /** Cut at a "-- " line, the usual plain-text signature delimiter. */
  cutSignatureDelimiter?: boolean;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * Line breaks as innerText makes them, without layout: a block boundary asks for one break (a paragraph for
 * two) and consecutive requests merge; <br> is a hard break; whitespace between blocks is dropped.
 */
class LineBuilder {
  private readonly parts: string[] = [];
  private pending = 0;

  text(chunk: string): void {
    if (this.pending > 0 && !chunk.trim()) return;
    if (this.pending > 0 && this.parts.length > 0) this.parts.push('\n'.repeat(this.pending));
    this.pending = 0;
    this.parts.push(chunk);
  }

  boundary(breaks: number): void {
    this.pending = Math.max(this.pending, breaks);
  }

  toString(): string {
    return this.parts.join('');
  }
}

export function bodyText(root: Element, options: TextOptions = {}): string {
  const out = new LineBuilder();
  let stopped = false;
  const walk = (node: Node, inPre: boolean): void => {
    if (stopped) return;
    if (node.nodeType === TEXT_NODE) {
      const text = node.textContent ?? '';
      out.text(inPre ? text : text.replace(/[\s\u00a0]+/g, ' '));
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const el = node as Element;
    const tag = el.tagName.toLowerCase();
    if (options.stopAt?.(el)) {
      stopped = true;
      return;
    }
    if (DROPPED.has(tag) || options.skip?.(el) || isHiddenByMarkup(el, el.parentElement)) return;
    if (tag === 'br') {
      out.text('\n');
      return;
    }
    const breaks = tag === 'p' ? 2 : BLOCKS.has(tag) ? 1 : 0;
    out.boundary(breaks);
    if (tag === 'td' || tag === 'th') out.text(' ');
    for (const child of Array.from(el.childNodes)) walk(child, inPre || tag === 'pre');
    out.boundary(breaks);
  };
  for (const child of Array.from(root.childNodes)) walk(child, false);

  let lines = out.toString().replace(/\r\n?/g, '\n').split('\n');
  if (options.cutSignatureDelimiter) {
    const cut = lines.findIndex((line) => /^[ \t]*--[ \u00a0]$/.test(line));
    if (cut > 0) lines = lines.slice(0, cut);
  }
  return lines
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
