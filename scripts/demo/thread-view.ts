// A conversation, built as Gmail builds it: h2.hP[data-thread-perm-id][data-legacy-thread-id] above
// div[role=list] > div.h7[role=listitem] > … > div.adn.ads (message-view.ts); below the last message, the
// reply bar div.amn with span.ams.bkH[role=link] "Répondre". Shapes copied from
// tests/fixtures/SubstrateLabs_brocc__gmail-inbox-thread.html and gmail-handmade-reply-open.html.
import { avatar, h, icon } from './dom';
import type { ViewOptions } from './inbox-view';
import { messageElement } from './message-view';
import type { Mailbox, MailboxThread, Person } from './model';

/** The reply bar under the last message; the compose is put into the same div.ip when it opens. */
function replyBar(doc: Document, agent: Person): HTMLElement {
  const link = (label: string, className: string, action?: string) =>
    h(doc, 'span', { role: 'link', tabindex: '0', class: `ams ${className}`, 'data-dm-action': action }, label);
  return h(
    doc,
    'div',
    { class: 'gA gt acV' },
    h(
      doc,
      'div',
      { class: 'gB xu' },
      h(
        doc,
        'div',
        { class: 'ip iq' },
        h(
          doc,
          'div',
          { class: 'dm-replybar' },
          h(
            doc,
            'table',
            { class: 'cf wS', role: 'presentation' },
            h(
              doc,
              'tbody',
              {},
              h(
                doc,
                'tr',
                {},
                h(doc, 'td', { class: 'amq' }, avatar(doc, agent)),
                h(
                  doc,
                  'td',
                  { class: 'amr' },
                  h(
                    doc,
                    'div',
                    { class: 'nr wR' },
                    h(doc, 'div', { class: 'amn' }, link('Répondre', 'bkH', 'reply'), link('Transférer', 'bkG')),
                  ),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

/** The conversation view: back control, subject with its ids, every message expanded, the reply bar. */
export function renderThread(doc: Document, mailbox: Mailbox, thread: MailboxThread, opts: ViewOptions): HTMLElement {
  const items = thread.messages.map((message, index) => {
    const last = index === thread.messages.length - 1;
    return h(
      doc,
      'div',
      { class: 'h7', role: 'listitem', 'aria-expanded': 'true', tabindex: '-1' },
      h(
        doc,
        'div',
        { class: 'Bk' },
        h(
          doc,
          'div',
          { class: 'G3 G2' },
          h(
            doc,
            'div',
            {},
            h(doc, 'div', {}, messageElement(doc, message, mailbox.agent, opts), last && replyBar(doc, mailbox.agent)),
          ),
        ),
      ),
    );
  });
  return h(
    doc,
    'div',
    { class: 'dm-view dm-thread' },
    h(
      doc,
      'div',
      { class: 'dm-toolbar' },
      h(
        doc,
        'div',
        {
          class: 'dm-icon lS T-I-ax7 ar7',
          role: 'button',
          tabindex: '0',
          'aria-label': 'Retour à Boîte de réception',
          'data-tooltip': 'Retour à Boîte de réception',
          'data-dm-action': 'back',
        },
        icon(doc, 'back'),
      ),
      h(
        doc,
        'div',
        { class: 'dm-icon', role: 'button', tabindex: '0', 'aria-label': 'Archiver' },
        icon(doc, 'archive'),
      ),
      h(doc, 'div', { class: 'dm-icon', role: 'button', tabindex: '0', 'aria-label': 'Supprimer' }, icon(doc, 'trash')),
    ),
    h(
      doc,
      'div',
      { class: 'nH V8djrc byY' },
      h(
        doc,
        'div',
        { class: 'ha' },
        h(
          doc,
          'h2',
          {
            jsname: 'r4nke',
            class: 'hP',
            tabindex: '-1',
            'data-thread-perm-id': thread.threadId,
            'data-legacy-thread-id': thread.legacyId,
          },
          thread.subject,
        ),
        h(doc, 'span', { class: 'dm-label' }, 'Boîte de réception'),
      ),
    ),
    h(doc, 'div', { class: 'nH' }, h(doc, 'div', { class: 'aHU hx' }, h(doc, 'div', { role: 'list' }, ...items))),
  );
}
