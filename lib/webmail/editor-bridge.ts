// Inserting a letter through a helpdesk editor's own API. Summernote (FreeScout) and CKEditor 5 (Zendesk) keep
// their model in the page's JavaScript, which a content script's isolated world cannot reach: a tiny script in
// the page's world (editor-bridge-page.ts, registered with the helpdesk's content script) listens for one
// event on the editor and answers synchronously with another. Only the letter's HTML crosses, as a string;
// it comes escaped from the template engine and never holds page content. When no bridge answers (the page's
// editor API is missing), Summernote gets the DOM insertion the webmails use (it reads its DOM back), and
// CKEditor gets nothing (it would undo a foreign DOM change), so the caller falls back to the clipboard.
import { insertLetterAtStart, textToHtml } from './insert';
import type { Letter } from './types';

export const BRIDGE_REQUEST = 'rr-editor-insert';
export const BRIDGE_ANSWER = 'rr-editor-inserted';

export type EditorKind = 'summernote' | 'ckeditor5';

export interface BridgeRequest {
  kind: EditorKind;
  html: string;
}

/** True when the page-world bridge inserted the letter with the editor's API. */
export function askBridge(editor: HTMLElement, request: BridgeRequest): boolean {
  const doc = editor.ownerDocument;
  const view = doc.defaultView;
  if (!view) return false;
  let answered = false;
  const onAnswer = (event: Event) => {
    answered = (event as CustomEvent<unknown>).detail === 'ok';
  };
  doc.addEventListener(BRIDGE_ANSWER, onAnswer);
  try {
    // A string detail crosses from the isolated world to the page's; an object would arrive as null.
    editor.dispatchEvent(new view.CustomEvent(BRIDGE_REQUEST, { bubbles: true, detail: JSON.stringify(request) }));
  } finally {
    doc.removeEventListener(BRIDGE_ANSWER, onAnswer);
  }
  return answered;
}

export function insertThroughEditorApi(editor: HTMLElement, letter: Letter, kind: EditorKind): boolean {
  if (!editor.isConnected) return false;
  if (askBridge(editor, { kind, html: letter.html ?? textToHtml(letter.text) })) return true;
  return kind === 'summernote' ? insertLetterAtStart(editor, letter) : false;
}
