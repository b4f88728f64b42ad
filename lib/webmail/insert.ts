// Putting a letter at the start of a webmail's rich-text editor, above its quoted text and signature.
// First choice: execCommand('insertHTML') at a caret placed at the start. It is undoable and fires the input
// events the webmail listens to (Gmail and Outlook keep their draft model in sync from them). Fallback: DOM
// nodes built here with createElement/createTextNode from the letter's plain text, then an `input` event.
import type { Letter } from './types';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Plain text to HTML with every markup character escaped and line breaks as <br>. */
export function textToHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c).replace(/\r?\n/g, '<br>');
}

function caretAtStart(editor: HTMLElement): void {
  const doc = editor.ownerDocument;
  const selection = doc.defaultView?.getSelection?.() ?? doc.getSelection?.();
  if (!selection) return;
  const range = doc.createRange();
  range.setStart(editor, 0);
  range.collapse(true);
  selection.removeAllRanges();
  selection.addRange(range);
}

function tryExecCommand(editor: HTMLElement, html: string): boolean {
  const doc = editor.ownerDocument as Document & { execCommand?: Document['execCommand'] };
  if (typeof doc.execCommand !== 'function') return false;
  // Whether the command changed the editor: its text grew (the letter is never empty).
  const before = editor.textContent?.length ?? 0;
  try {
    return doc.execCommand('insertHTML', false, html) && (editor.textContent?.length ?? 0) !== before;
  } catch {
    return false;
  }
}

/** The letter's lines as text nodes separated by <br>, in one block, followed by an empty line. */
function buildLetterNodes(doc: Document, text: string): HTMLElement {
  const block = doc.createElement('div');
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((line, index) => {
    if (index > 0) block.appendChild(doc.createElement('br'));
    if (line) block.appendChild(doc.createTextNode(line));
  });
  block.appendChild(doc.createElement('br'));
  return block;
}

function announceInput(editor: HTMLElement): void {
  const view = editor.ownerDocument.defaultView;
  const Input = view?.InputEvent;
  const event = Input
    ? new Input('input', { bubbles: true, inputType: 'insertText' })
    : new (view?.Event ?? Event)('input', { bubbles: true });
  editor.dispatchEvent(event);
}

/** Inserts `letter` at the start of `editor`; true when something was inserted. */
export function insertLetterAtStart(editor: HTMLElement, letter: Letter): boolean {
  if (!editor.isConnected) return false;
  editor.focus();
  caretAtStart(editor);
  if (tryExecCommand(editor, letter.html ?? textToHtml(letter.text))) return true;

  const block = buildLetterNodes(editor.ownerDocument, letter.text);
  editor.insertBefore(block, editor.firstChild);
  announceInput(editor);
  return true;
}
