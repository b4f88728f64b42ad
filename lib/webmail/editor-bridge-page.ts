// The page-world half of editor-bridge.ts: it runs in the helpdesk page's own JavaScript world (registered
// with `world: 'MAIN'`), where Summernote's jQuery plugin and CKEditor 5's instance live. It does one thing:
// on our request event, put the given HTML at the start of the editor through the editor's API (so the
// helpdesk's draft model sees it and the editor's own undo removes it), then answer. It reads nothing from the
// page and sends nothing anywhere. A page can fire the same event itself; it would only edit its own editor.
import { BRIDGE_ANSWER, BRIDGE_REQUEST, type BridgeRequest } from './editor-bridge';

type SummernoteJq = (el: Element) => { data(key: string): unknown; summernote(...args: unknown[]): unknown };
interface CkEditor {
  data: { processor: { toView(html: string): unknown }; toModel(view: unknown): unknown };
  model: {
    document: { getRoot(): unknown };
    change(fn: (writer: { insert(item: unknown, parent: unknown, offset: number): void }) => void): void;
  };
}

function caretAtStart(editable: HTMLElement): void {
  const selection = editable.ownerDocument.getSelection();
  if (!selection) return;
  const range = editable.ownerDocument.createRange();
  range.setStart(editable, 0);
  range.collapse(true);
  selection.removeAllRanges();
  selection.addRange(range);
}

/** Summernote: its note element (the textarea it replaced) sits just before `.note-editor`. */
function viaSummernote(editable: HTMLElement, html: string, win: Window & typeof globalThis): boolean {
  const $ = (win as unknown as { jQuery?: SummernoteJq }).jQuery;
  const note = editable.closest('.note-editor')?.previousElementSibling;
  if (!$ || !note || !$(note).data('summernote')) return false;
  const $note = $(note);
  editable.focus();
  caretAtStart(editable);
  // pasteHTML is one of Summernote's wrapped commands: it records an undo step and fires its change event.
  $note.summernote('editor.setLastRange');
  $note.summernote('pasteHTML', html);
  return true;
}

/** CKEditor 5 sets `ckeditorInstance` on its editable element; one model change is one undo step. */
function viaCkeditor(editable: HTMLElement, html: string): boolean {
  const host = editable.closest('.ck-editor__editable') ?? editable;
  const editor = (host as unknown as { ckeditorInstance?: CkEditor }).ckeditorInstance;
  if (!editor) return false;
  const fragment = editor.data.toModel(editor.data.processor.toView(html));
  editor.model.change((writer) => writer.insert(fragment, editor.model.document.getRoot(), 0));
  return true;
}

export function installEditorBridge(win: Window & typeof globalThis): void {
  win.document.addEventListener(BRIDGE_REQUEST, (event) => {
    const target = event.target;
    const detail = (event as CustomEvent<unknown>).detail;
    if (!(target instanceof win.HTMLElement) || typeof detail !== 'string') return;
    let ok = false;
    try {
      const request = JSON.parse(detail) as BridgeRequest;
      if (typeof request.html === 'string')
        ok =
          request.kind === 'ckeditor5' ? viaCkeditor(target, request.html) : viaSummernote(target, request.html, win);
    } catch {
      ok = false;
    }
    win.document.dispatchEvent(new win.CustomEvent(BRIDGE_ANSWER, { detail: ok ? 'ok' : 'no' }));
  });
}
