// The inline reply, built as Gmail builds it (see the header of tests/fixtures/gmail-handmade-reply-open.html):
// div.M9 > table.iN > … > div.aoP holding form.bAs with the hidden compose inputs (subjectbox, composeid…) and
// div.Ap > div.Ar.Au > the body div.Am.aiL.Al.editable[contenteditable][role=textbox][g_editable],
// aria-label "Corps du message", which starts with an empty line, then "-- " and div.gmail_signature, then
// div.gmail_quote with the message answered. Plus the Send button and the draft's trash can.
import { quoteAttribution } from './dates';
import { h, icon, paragraphs } from './dom';
import type { MailboxMessage, MailboxThread, Person } from './model';

export interface ComposeInput {
  thread: MailboxThread;
  replyTo: MailboxMessage;
  agent: Person;
  signature: readonly string[];
  composeId: string;
  timeZone?: string;
}

function lines(doc: Document, texts: readonly string[]): Node[] {
  return texts.flatMap((text, index) =>
    index === 0 ? [doc.createTextNode(text)] : [doc.createElement('br'), doc.createTextNode(text)],
  );
}

function editorBody(doc: Document, input: ComposeInput): HTMLElement {
  const { replyTo } = input;
  const subject = input.thread.subject;
  return h(
    doc,
    'div',
    {
      class: 'Am aiL Al editable LW-avf tS-tW',
      hidefocus: 'true',
      'aria-label': 'Corps du message',
      g_editable: 'true',
      role: 'textbox',
      'aria-multiline': 'true',
      contenteditable: 'true',
      tabindex: '1',
      spellcheck: 'false',
      'data-dm-subject': subject,
    },
    h(doc, 'div', {}, h(doc, 'br')),
    h(
      doc,
      'div',
      {},
      h(doc, 'br', { clear: 'all' }),
      h(doc, 'div', {}, h(doc, 'br')),
      '-- ',
      h(doc, 'br'),
      h(
        doc,
        'div',
        { dir: 'ltr', class: 'gmail_signature', 'data-smartmail': 'gmail_signature' },
        h(doc, 'div', { dir: 'ltr' }, ...lines(doc, input.signature)),
      ),
    ),
    h(doc, 'br'),
    h(
      doc,
      'div',
      { class: 'gmail_quote gmail_quote_container' },
      h(
        doc,
        'div',
        { dir: 'ltr', class: 'gmail_attr' },
        quoteAttribution(new Date(replyTo.date), replyTo.from, input.timeZone),
        h(doc, 'br'),
      ),
      h(
        doc,
        'blockquote',
        { class: 'gmail_quote' },
        h(doc, 'div', { dir: 'ltr' }, ...paragraphs(doc, replyTo.paragraphs)),
      ),
    ),
  );
}

/** The compose block that goes first in the last message's div.ip (which then gets class adB). */
export function renderCompose(doc: Document, input: ComposeInput): HTMLElement {
  const subject = `Re: ${input.thread.subject}`;
  const hidden = (name: string, value: string) => h(doc, 'input', { type: 'hidden', name, value });
  const to = input.replyTo.from.email === input.agent.email ? input.replyTo.to[0] : input.replyTo.from;
  return h(
    doc,
    'div',
    { class: 'M9' },
    h(
      doc,
      'table',
      { class: 'iN' },
      h(
        doc,
        'tbody',
        {},
        h(
          doc,
          'tr',
          {},
          h(
            doc,
            'td',
            {},
            h(
              doc,
              'div',
              { class: 'dm-compose-to' },
              h(doc, 'span', { class: 'dm-muted' }, 'À '),
              `${to?.name ?? ''} <${to?.email ?? ''}>`,
            ),
            h(
              doc,
              'div',
              { class: 'aoP' },
              h(
                doc,
                'form',
                { class: 'bAs', method: 'POST', enctype: 'multipart/form-data' },
                hidden('subjectbox', subject),
                hidden('subject', subject),
                hidden('composeid', input.composeId),
                hidden('draft', 'undefined'),
                hidden('rt', input.replyTo.legacyId),
                hidden('from', input.agent.email),
              ),
              h(
                doc,
                'div',
                { class: 'Ap' },
                h(doc, 'div', { class: 'Ar Au', style: 'display: block;' }, editorBody(doc, input)),
              ),
            ),
            h(
              doc,
              'div',
              { class: 'btC' },
              h(
                doc,
                'div',
                {
                  class: 'T-I J-J5-Ji aoO v7 T-I-atl L3',
                  role: 'button',
                  tabindex: '1',
                  'data-tooltip': 'Envoyer (Ctrl+Entrée)',
                  'aria-label': 'Envoyer (Ctrl+Entrée)',
                  'data-dm-action': 'send',
                },
                'Envoyer',
              ),
              h(doc, 'div', { class: 'dm-spacer' }),
              h(
                doc,
                'div',
                {
                  class: 'dm-icon og T-I-J3',
                  role: 'button',
                  tabindex: '1',
                  'data-tooltip': 'Supprimer le brouillon',
                  'aria-label': 'Supprimer le brouillon',
                  'data-dm-action': 'discard',
                },
                icon(doc, 'trash'),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

const BLOCK = /^(DIV|P|BLOCKQUOTE|UL|OL|LI|H[1-6]|TABLE|TR|PRE)$/;

/**
 * What the agent wrote, as paragraphs: the editor's text up to the signature ("-- " and div.gmail_signature)
 * or the quote, with <br> and blocks as line breaks, blank lines separating paragraphs.
 */
export function editorParagraphs(editor: Element): string[] {
  const stop = (el: Element) =>
    el.matches('.gmail_signature, .gmail_quote') || el.querySelector('.gmail_signature, .gmail_quote') !== null;
  let text = '';
  /** At least `count` line breaks at the end of the text so far (none at its start). */
  const breaks = (count: number) => {
    if (!text.trim()) return;
    const have = /\n*$/.exec(text)?.[0].length ?? 0;
    text += '\n'.repeat(Math.max(0, count - have));
  };
  const walk = (node: Node): boolean => {
    if (node.nodeType === 3) {
      text += (node.textContent ?? '').replace(/\s+/g, ' ');
      return true;
    }
    if (node.nodeType !== 1) return true;
    const el = node as Element;
    if (el.tagName === 'BR') {
      text += '\n';
      return true;
    }
    // The block holding the signature or quote ends the agent's text.
    if (stop(el) && el.parentElement === editor) return false;
    const count = el.tagName === 'P' ? 2 : BLOCK.test(el.tagName) ? 1 : 0;
    breaks(count);
    for (const child of Array.from(el.childNodes)) if (!walk(child)) return false;
    breaks(count);
    return true;
  };
  for (const child of Array.from(editor.childNodes)) if (!walk(child)) break;
  return text
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/^--$[\s\S]*/m, '')
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);
}
