// The hand-made reply page (French UI, reply editor open) and the hostile page: finding the editor,
// inserting a letter above the quote and signature, and reading hostile mail as plain text only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gmailAdapter } from '../../lib/webmail/gmail';
import { readPage } from '../../lib/webmail/index';
import { textToHtml } from '../../lib/webmail/insert';
import type { SavedPage } from '../../scripts/cli/saved-page';
import { loadFixture, PARIS } from './fixtures';

// Small pages: a fresh copy per test, since insertion edits the DOM.
let page: SavedPage;
afterEach(async () => {
  await page.close();
});

function editorOf(doc: Document): HTMLElement {
  const editor = gmailAdapter.findReplyEditor(doc);
  if (!editor) throw new Error('no reply editor');
  return editor;
}

describe('hand-made reply page (French Gmail, inline reply open)', () => {
  beforeEach(() => {
    page = loadFixture('gmail-handmade-reply-open.html');
  });

  it('reads the complaint with French labels and date', () => {
    const [message] = readPage(page.document, PARIS).messages;
    expect(message).toMatchObject({
      messageId: 'msg-f:1829000000000000001',
      threadId: 'thread-f:1829000000000000001',
      from: { name: 'Claire Martin', email: 'claire.martin@example.fr' },
      to: [{ name: 'moi', email: 'service.client@example.com' }],
      subject: 'Réclamation commande 4471 : colis jamais reçu',
      date: '2025-04-08T09:26:00.000Z', // "mar. 8 avr. 2025, 11:26"
    });
    expect(message?.text).toContain("je n'ai jamais reçu le colis");
  });

  it('finds the reply body, not the Gemini prompt', () => {
    const editor = editorOf(page.document);
    expect(editor.getAttribute('aria-label')).toBe('Corps du message');
    expect(editor.getAttribute('g_editable')).toBe('true');
    const message = gmailAdapter.readMessages(page.document, PARIS)[0]?.element;
    expect(gmailAdapter.findReplyEditor(page.document, message)).toBe(editor);
  });

  it('refuses a contenteditable that is not in a compose form', () => {
    page.document.querySelector('form.bAs')?.remove();
    expect(gmailAdapter.findReplyEditor(page.document)).toBeNull();
  });

  it('inserts the letter at the start, above the signature and the quote (DOM fallback)', () => {
    const editor = editorOf(page.document);
    const inputs: string[] = [];
    editor.addEventListener('input', (event) => inputs.push(event.type));
    const text = 'Madame,\n\nNous avons bien reçu votre réclamation.\nCordialement';
    expect(gmailAdapter.insertLetter(editor, { text })).toBe(true);

    const first = editor.firstElementChild;
    expect(first?.textContent).toBe('Madame,Nous avons bien reçu votre réclamation.Cordialement');
    expect(first?.querySelectorAll('br')).toHaveLength(4);
    const all = Array.from(editor.querySelectorAll('*'));
    const at = (selector: string) => all.indexOf(editor.querySelector(selector) as Element);
    expect(at('div.gmail_signature')).toBeGreaterThan(0);
    expect(at('div.gmail_quote')).toBeGreaterThan(at('div.gmail_signature'));
    expect(inputs).toEqual(['input']);
    expect(page.document.activeElement).toBe(editor);
  });

  it("uses execCommand('insertHTML') at the start when the browser has it", () => {
    const editor = editorOf(page.document);
    const doc = page.document as Document & { execCommand?: unknown };
    const calls: unknown[][] = [];
    doc.execCommand = (...args: unknown[]) => {
      calls.push(args);
      const selection = doc.defaultView?.getSelection();
      const range = selection?.getRangeAt(0);
      expect(range?.startContainer).toBe(editor);
      expect(range?.startOffset).toBe(0);
      const marker = doc.createElement('p');
      marker.textContent = 'via execCommand';
      range?.insertNode(marker);
      return true;
    };
    expect(gmailAdapter.insertLetter(editor, { text: 'Madame, merci', html: '<p>Madame, merci &amp; adieu</p>' })).toBe(
      true,
    );
    expect(calls).toEqual([['insertHTML', false, '<p>Madame, merci &amp; adieu</p>']]);
    expect(editor.firstElementChild?.textContent).toBe('via execCommand');
    expect(editor.textContent).not.toContain('Madame'); // the DOM fallback did not insert it a second time
  });

  it('falls back to DOM nodes when execCommand refuses', () => {
    const editor = editorOf(page.document);
    (page.document as Document & { execCommand?: unknown }).execCommand = () => false;
    expect(gmailAdapter.insertLetter(editor, { text: 'Madame,\nmerci', html: '<p>Madame,<br>merci</p>' })).toBe(true);
    expect(editor.firstElementChild?.tagName).toBe('DIV');
    expect(editor.firstElementChild?.textContent).toBe('Madame,merci');
    expect(editor.querySelector('p')).toBeNull(); // the fallback never parses the html
  });

  it('escapes a plain-text letter before handing it to execCommand', () => {
    expect(textToHtml('a < b & "c"\nd')).toBe('a &lt; b &amp; &quot;c&quot;<br>d');
  });

  it('opens the reply with the header button labelled in French', () => {
    const message = gmailAdapter.readMessages(page.document, PARIS)[0]?.element;
    if (!message) throw new Error('no message');
    let clicked = '';
    page.document.addEventListener('click', (event) => {
      clicked = (event.target as Element).getAttribute('aria-label') ?? '';
    });
    expect(gmailAdapter.openReply(page.document, message)).toBe(true);
    expect(clicked).toBe('Répondre');
  });
});

describe('hostile page (HTML and scripts in subject, sender and body)', () => {
  beforeEach(() => {
    page = loadFixture('gmail-handmade-hostile.html');
  });

  it('runs none of its scripts or handlers', () => {
    readPage(page.document, PARIS);
    const view = page.document.defaultView as unknown as Record<string, unknown>;
    for (const key of ['__pwnedHead', '__pwnedBody', '__pwnedImg', '__pwnedFrame', '__pwnedSubject'])
      expect(view[key] ?? (globalThis as Record<string, unknown>)[key], key).toBeUndefined();
  });

  it('returns markup found in the mail as plain text, and drops scripts, styles, hidden and media content', () => {
    const [message] = readPage(page.document, PARIS).messages;
    expect(message?.subject).toBe('<script>alert("subject")</script> Refund now');
    expect(message?.from).toEqual({ name: '<img src=x onerror=alert(1)>Eve', email: 'eve@example.com' });
    expect(message?.text).toBe('I want my money back <iframe src=evil> today.\nClick here');
    for (const leak of ['must-not-leak', 'pwned', 'color: red']) expect(JSON.stringify(message)).not.toContain(leak);
  });

  it('inserts a letter quoting the hostile mail as text: no element from the email', () => {
    const [message] = readPage(page.document, PARIS).messages;
    const editor = editorOf(page.document);
    const before = editor.querySelectorAll('*').length;
    const text = `Objet : ${message?.subject}\nDe : ${message?.from.name}\n${message?.text}`;
    expect(gmailAdapter.insertLetter(editor, { text })).toBe(true);
    const inserted = editor.firstElementChild;
    expect(inserted?.textContent).toContain('<img src=x onerror=alert(1)>Eve');
    expect(Array.from(inserted?.querySelectorAll('*') ?? []).map((el) => el.tagName)).toEqual(['BR', 'BR', 'BR', 'BR']);
    expect(editor.querySelectorAll('img, script, iframe, b')).toHaveLength(0);
    expect(editor.querySelectorAll('*').length).toBe(before + 5); // one div, four <br>
  });

  it("never presses a Reply button from the email's body", () => {
    const message = gmailAdapter.readMessages(page.document, PARIS)[0]?.element;
    if (!message) throw new Error('no message');
    message.querySelector('td.gH [aria-label="Reply"]')?.remove();
    let bodyButtonPressed = false;
    message.querySelector('div.a3s [aria-label="Reply"]')?.addEventListener('click', () => {
      bodyButtonPressed = true;
    });
    expect(gmailAdapter.openReply(page.document, message)).toBe(false);
    expect(bodyButtonPressed).toBe(false);
  });
});
