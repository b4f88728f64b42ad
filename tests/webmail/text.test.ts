import { afterEach, describe, expect, it } from 'vitest';
import { readPage } from '../../lib/webmail/index';
import { bodyText } from '../../lib/webmail/text';
import { parseSavedPage, type SavedPage } from '../../scripts/cli/saved-page';
import { PARIS } from './fixtures';

let page: SavedPage | undefined;
afterEach(async () => {
  await page?.close();
});

function body(html: string): Element {
  page = parseSavedPage(`<div id="b">${html}</div>`);
  const el = page.document.getElementById('b');
  if (!el) throw new Error('no body');
  return el;
}

describe('bodyText', () => {
  it('turns blocks and <br> into lines and collapses source whitespace', () => {
    expect(bodyText(body('<p>Bonjour,</p>\n  <p>ligne   un<br>ligne\n deux</p><div><br></div><div>fin</div>'))).toBe(
      'Bonjour,\n\nligne un\nligne deux\n\nfin',
    );
  });

  it('leaves out scripts, styles, images and markup-hidden text', () => {
    expect(
      bodyText(
        body(
          '<style>p{}</style><span hidden>x</span><span style="display: none">y</span><img alt="z">texte<script>1</script>',
        ),
      ),
    ).toBe('texte');
  });

  it('cuts at the "-- " signature delimiter only when asked', () => {
    const el = body('Merci.<br>-- <br>Jean Dupont<br>06 00 00 00 00');
    expect(bodyText(el, { cutSignatureDelimiter: true })).toBe('Merci.');
    expect(bodyText(el)).toContain('Jean Dupont');
  });
});

describe('Gmail body trimming', () => {
  const thread = (bodyHtml: string) =>
    `<div role="main"><h2 class="hP" data-thread-perm-id="thread-f:9">Objet</h2><div role="list"><div role="listitem">
     <div class="adn" data-message-id="#msg-f:9"><h3><span class="gD" email="a@b.fr" name="A">A</span></h3>
     <div class="ii gt"><div class="a3s">${bodyHtml}</div></div></div></div></div></div>`;

  it('keeps a forwarded message (the complaint itself) but drops a reply quote', () => {
    page = parseSavedPage(
      thread(
        'Voir ci-dessous.<div class="gmail_quote"><div class="gmail_attr">---------- Forwarded message ---------<br>From: Client</div>Mon colis est cassé.</div>',
      ),
    );
    expect(readPage(page.document, PARIS).messages[0]?.text).toBe(
      'Voir ci-dessous.\n---------- Forwarded message ---------\nFrom: Client\nMon colis est cassé.',
    );
  });

  it('drops a quoted reply and the signature', () => {
    page = parseSavedPage(
      thread(
        'Toujours rien.<div class="gmail_signature" data-smartmail="gmail_signature">Jean</div><div class="gmail_quote"><div class="gmail_attr">Le lun. 7 avr. 2025, vous avez écrit :</div><blockquote class="gmail_quote">Avant</blockquote></div>',
      ),
    );
    expect(readPage(page.document, PARIS).messages[0]?.text).toBe('Toujours rien.');
  });
});
