import { afterEach, describe, expect, it } from 'vitest';
import { adapterFor, readPage } from '../../lib/webmail/index';
import { parseSavedPage, type SavedPage } from '../../scripts/cli/saved-page';
import { PARIS } from './fixtures';

const GMAIL_SHAPE =
  '<div role="main"><table role="grid"><tbody><tr class="zA"><td><span data-thread-id="#thread-f:1">Objet</span></td></tr></tbody></table></div>';
const OUTLOOK_SHAPE =
  '<div role="listbox"><div role="option" data-convid="AAQk1"><span title="a@b.fr">A</span></div></div>';

let page: SavedPage | undefined;
afterEach(async () => {
  await page?.close();
});

function open(html: string, url?: string): Document {
  page = parseSavedPage(html, url);
  return page.document;
}

describe('adapterFor', () => {
  it('goes by hostname on a live page', () => {
    expect(adapterFor(open('<p></p>', 'https://mail.google.com/mail/u/0/#inbox'))?.id).toBe('gmail');
    expect(adapterFor(open('<p></p>', 'https://outlook.office.com/mail/inbox'))?.id).toBe('outlook');
    expect(adapterFor(open('<p></p>', 'https://outlook.live.com/mail/0/'))?.id).toBe('outlook');
  });

  it('ignores a look-alike DOM on another host', () => {
    expect(adapterFor(open(GMAIL_SHAPE, 'https://evil.example/mail'))).toBeNull();
    expect(adapterFor(open(OUTLOOK_SHAPE, 'https://mail.google.com.evil.example/'))).toBeNull();
  });

  it('goes by DOM shape for a saved page (no hostname)', () => {
    expect(adapterFor(open(GMAIL_SHAPE))?.id).toBe('gmail');
    expect(adapterFor(open(OUTLOOK_SHAPE))?.id).toBe('outlook');
    expect(adapterFor(open('<html><body><p>Bonjour</p></body></html>'))).toBeNull();
  });

  it('reads a page into plain JSON without elements', () => {
    const reading = readPage(open(GMAIL_SHAPE), PARIS);
    expect(reading).toEqual({
      adapter: 'gmail',
      messages: [],
      threads: [{ threadId: 'thread-f:1', subject: 'Objet', from: [], date: null }],
    });
    expect(JSON.parse(JSON.stringify(reading))).toEqual(reading);
  });
});
