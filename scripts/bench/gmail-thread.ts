// A Gmail conversation of N messages for the content-script benchmark, built from the hand-made reply
// fixture's structure (itself derived from a real saved Gmail thread): the message block is cloned N
// times with fresh ids, in a scriptless happy-dom document, and serialised.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSavedPage } from '../cli/saved-page';

export async function gmailThreadHtml(root: string, messages: number): Promise<string> {
  const page = parseSavedPage(readFileSync(join(root, 'tests/fixtures/gmail-handmade-reply-open.html'), 'utf8'));
  const doc = page.document;
  const item = doc.querySelector('div.adn')?.closest('[role="listitem"]');
  if (!item?.parentElement) throw new Error('no message in the fixture');
  const list = item.parentElement;
  for (let i = 1; i < messages; i++) {
    const copy = item.cloneNode(true) as Element;
    const message = copy.querySelector('div.adn');
    message?.setAttribute('data-message-id', `#msg-f:19000000000000${String(i).padStart(5, '0')}`);
    message?.setAttribute('data-legacy-message-id', `bench${i.toString(16)}`);
    // Only the last message has the reply editor open, as in Gmail.
    for (const editor of Array.from(copy.querySelectorAll('[contenteditable="true"]')))
      editor.closest('form, .M9, .aoP')?.remove();
    list.insertBefore(copy, item);
  }
  const html = `<!DOCTYPE html>\n${doc.documentElement.outerHTML}`;
  await page.close();
  return html;
}
