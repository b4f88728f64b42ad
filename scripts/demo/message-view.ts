// One expanded message as Gmail builds it: div.adn.ads[data-message-id="#msg-f:…"][data-legacy-message-id] with
// its header table (sender h3 span.gD[email][name], date td.gH.bAk div.gK span.g3[title] where the extension
// puts its button, the header's own Reply button, recipients span.hb span.g2[email]) and its body
// div.ii.gt > div.a3s.aiL. Shapes copied from tests/fixtures/SubstrateLabs_brocc__gmail-inbox-thread.html.
import { gmailTitle, headerLabel } from './dates';
import { avatar, h, icon, paragraphs } from './dom';
import type { ViewOptions } from './inbox-view';
import type { MailboxMessage, Person } from './model';

function recipients(doc: Document, message: MailboxMessage, agent: Person): HTMLElement {
  const span = h(doc, 'span', { translate: 'no', class: 'hb' }, 'à ');
  message.to.forEach((person, index) => {
    if (index > 0) span.append(', ');
    const name = person.email === agent.email ? 'moi' : person.name;
    span.append(h(doc, 'span', { email: person.email, name, 'data-hovercard-id': person.email, class: 'g2' }, name));
  });
  return span;
}

function header(doc: Document, message: MailboxMessage, agent: Person, opts: ViewOptions): HTMLElement {
  const date = new Date(message.date);
  const title = gmailTitle(date, opts.timeZone);
  const sender = h(
    doc,
    'h3',
    { class: 'iw gFxsud' },
    h(
      doc,
      'span',
      { translate: 'no', class: 'qu', role: 'gridcell', tabindex: '-1' },
      h(
        doc,
        'span',
        { email: message.from.email, name: message.from.name, 'data-hovercard-id': message.from.email, class: 'gD' },
        h(doc, 'span', {}, message.from.name),
      ),
      ' ',
      h(
        doc,
        'span',
        { class: 'go' },
        h(doc, 'span', { 'aria-hidden': 'true' }, '<'),
        message.from.email,
        h(doc, 'span', { 'aria-hidden': 'true' }, '>'),
      ),
    ),
  );
  const button = (label: string, tooltip: string, name: 'reply' | 'more', action?: string) =>
    h(
      doc,
      'div',
      {
        class: 'T-I J-J5-Ji T-I-Js-IF aaq T-I-ax7 L3',
        role: 'button',
        tabindex: '0',
        'data-tooltip': tooltip,
        'aria-label': label,
        'data-dm-action': action,
      },
      icon(doc, name),
    );
  return h(
    doc,
    'div',
    { class: 'gE iv gt' },
    h(
      doc,
      'table',
      { cellpadding: '0', class: 'cf gJ' },
      h(
        doc,
        'tbody',
        {},
        h(
          doc,
          'tr',
          { class: 'acZ' },
          h(
            doc,
            'td',
            { class: 'gF gK' },
            h(
              doc,
              'table',
              { cellpadding: '0', class: 'cf ix' },
              h(doc, 'tbody', {}, h(doc, 'tr', {}, h(doc, 'td', { class: 'c2' }, sender))),
            ),
          ),
          h(
            doc,
            'td',
            { class: 'gH bAk' },
            h(
              doc,
              'div',
              { class: 'gK' },
              h(doc, 'span'),
              h(
                doc,
                'span',
                { class: 'g3', title, alt: title, role: 'gridcell', tabindex: '-1' },
                headerLabel(date, opts.now, opts.timeZone),
              ),
              h(
                doc,
                'div',
                {
                  class: 'zd bi4',
                  role: 'checkbox',
                  'aria-checked': 'false',
                  'aria-label': 'Non suivi',
                  tabindex: '0',
                },
                icon(doc, 'star'),
              ),
            ),
          ),
          h(doc, 'td', { class: 'gH' }),
          h(
            doc,
            'td',
            { class: 'gH acX bAm', rowspan: '2' },
            button('Répondre', 'Répondre', 'reply', 'reply'),
            button('Autres options pour le message', 'Plus', 'more'),
          ),
        ),
        h(
          doc,
          'tr',
          { class: 'acZ xD' },
          h(
            doc,
            'td',
            { colspan: '3' },
            h(
              doc,
              'table',
              { cellpadding: '0', class: 'cf adz' },
              h(
                doc,
                'tbody',
                {},
                h(
                  doc,
                  'tr',
                  {},
                  h(doc, 'td', { class: 'ady' }, h(doc, 'div', { class: 'iw ajw' }, recipients(doc, message, agent))),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

export function messageElement(doc: Document, message: MailboxMessage, agent: Person, opts: ViewOptions) {
  return h(
    doc,
    'div',
    { class: 'adn ads', 'data-message-id': `#${message.messageId}`, 'data-legacy-message-id': message.legacyId },
    h(doc, 'div', { class: 'aju' }, h(doc, 'div', { class: 'aCi' }, avatar(doc, message.from))),
    h(
      doc,
      'div',
      { class: 'gs' },
      header(doc, message, agent, opts),
      h(
        doc,
        'div',
        {},
        h(doc, 'div', { class: 'aHl' }),
        h(
          doc,
          'div',
          { class: 'ii gt' },
          h(doc, 'div', { class: 'a3s aiL' }, h(doc, 'div', { dir: 'ltr' }, ...paragraphs(doc, message.paragraphs))),
        ),
      ),
    ),
  );
}
