// The inbox list, built as Gmail builds it: one tr.zA per conversation in table.F[role=grid], with the hooks
// the extension's Gmail adapter reads (lib/webmail/gmail-selectors.ts): senders span[email][name] in div.yW,
// the subject span[data-thread-id][data-legacy-thread-id] in the div.xS[role=link] > div.xT block, the date
// td.xW span[title] in Gmail's English form. Row shape copied from the saved page
// tests/fixtures/SubstrateLabs_brocc__gmail-inbox.html (tags, classes, attributes; none of its content).
import { gmailTitle, listLabel } from './dates';
import { h, icon } from './dom';
import { byLastActivity, type Mailbox, type MailboxThread, type Person } from './model';

export interface ViewOptions {
  now: Date;
  /** The viewer's zone; undefined in the browser (its own). */
  timeZone?: string;
}

const SNIPPET_MAX = 160;

export function snippetOf(thread: MailboxThread): string {
  const last = thread.messages.at(-1);
  const text = (last?.paragraphs ?? []).join(' ').replace(/\s+/g, ' ').trim();
  return text.length <= SNIPPET_MAX ? text : `${text.slice(0, SNIPPET_MAX - 1).trimEnd()}…`;
}

/** The distinct senders, "moi" for the agent, as Gmail lists them ("Karim, moi"). */
function senders(thread: MailboxThread, agent: Person): Person[] {
  const seen = new Map<string, Person>();
  for (const m of thread.messages) {
    if (seen.has(m.from.email)) continue;
    seen.set(m.from.email, m.from.email === agent.email ? { name: 'moi', email: m.from.email } : m.from);
  }
  return [...seen.values()];
}

function sendersCell(doc: Document, thread: MailboxThread, agent: Person, summary: string): HTMLElement {
  const people = senders(thread, agent);
  const names = h(doc, 'div', { class: 'yW' });
  people.forEach((person, index) => {
    if (index > 0) names.append(', ');
    const shown = people.length > 1 ? (person.name.split(' ')[0] ?? person.name) : person.name;
    names.append(
      h(
        doc,
        'span',
        { class: 'bA4' },
        h(
          doc,
          'span',
          {
            translate: 'no',
            class: thread.unread ? 'zF' : 'yP',
            email: person.email,
            name: person.name,
            'data-hovercard-id': person.email,
          },
          shown,
        ),
      ),
    );
  });
  if (thread.messages.length > 1) names.append(h(doc, 'span', { class: 'bx0' }, String(thread.messages.length)));
  return h(
    doc,
    'td',
    { class: 'yX xY', role: 'gridcell', tabindex: '-1' },
    h(doc, 'div', { class: 'afn' }, summary),
    names,
  );
}

export function inboxRow(doc: Document, thread: MailboxThread, agent: Person, index: number, opts: ViewOptions) {
  const last = thread.messages.at(-1);
  const date = new Date(last?.date ?? 0);
  const title = gmailTitle(date, opts.timeZone);
  const label = listLabel(date, opts.now, opts.timeZone);
  const snippet = snippetOf(thread);
  const from = senders(thread, agent)
    .map((p) => p.name)
    .join(', ');
  const summary = `${thread.unread ? 'non lu, ' : ''}${from}, ${thread.subject}, ${label}, ${snippet}`;
  return h(
    doc,
    'tr',
    {
      class: thread.unread ? 'zA zE' : 'zA yO',
      id: `:r${index}`,
      role: 'row',
      tabindex: '0',
      draggable: 'false',
      'data-dm-action': 'open',
      'data-dm-thread': thread.legacyId,
    },
    h(doc, 'td', { class: 'PF xY PE' }),
    h(
      doc,
      'td',
      { class: 'oZ-x3 xY aid' },
      h(doc, 'div', { class: 'oZ-jc T-Jo J-J5-Ji', role: 'checkbox', 'aria-checked': 'false', tabindex: '-1' }),
    ),
    h(
      doc,
      'td',
      { class: 'apU xY' },
      h(doc, 'span', { class: 'aXw T-KT', role: 'button', 'aria-label': 'Non suivi' }, icon(doc, 'star')),
    ),
    sendersCell(doc, thread, agent, summary),
    h(
      doc,
      'td',
      { class: 'xY a4W', role: 'gridcell', tabindex: '-1' },
      h(
        doc,
        'div',
        { class: 'xS', role: 'link' },
        h(
          doc,
          'div',
          { class: 'xT' },
          h(
            doc,
            'div',
            { class: 'y6' },
            h(
              doc,
              'span',
              { class: 'bog' },
              h(
                doc,
                'span',
                {
                  'data-thread-id': `#${thread.threadId}`,
                  'data-legacy-thread-id': thread.legacyId,
                  'data-legacy-last-message-id': last?.legacyId,
                },
                thread.subject,
              ),
            ),
          ),
          h(doc, 'span', { class: 'y2' }, h(doc, 'span', { class: 'Zt' }, '\u00a0-\u00a0'), snippet),
        ),
      ),
    ),
    h(
      doc,
      'td',
      { class: 'xW xY', role: 'gridcell', tabindex: '-1' },
      h(doc, 'span', { title, 'aria-label': title }, h(doc, 'span', {}, label)),
    ),
  );
}

/** The list view: toolbar, "Principale" tab, and the conversations, most recent first. */
export function renderInbox(doc: Document, mailbox: Mailbox, opts: ViewOptions): HTMLElement {
  const threads = byLastActivity(mailbox.threads);
  const count = `1–${threads.length} sur ${threads.length}`;
  return h(
    doc,
    'div',
    { class: 'dm-view dm-list' },
    h(
      doc,
      'div',
      { class: 'dm-toolbar' },
      h(doc, 'div', { class: 'dm-check', role: 'checkbox', 'aria-checked': 'false', 'aria-label': 'Sélectionner' }),
      h(
        doc,
        'div',
        { class: 'dm-icon', role: 'button', tabindex: '0', 'aria-label': 'Actualiser', 'data-dm-action': 'refresh' },
        icon(doc, 'refresh'),
      ),
      h(doc, 'div', { class: 'dm-icon', role: 'button', tabindex: '0', 'aria-label': 'Plus' }, icon(doc, 'more')),
      h(doc, 'div', { class: 'dm-spacer' }),
      h(doc, 'span', { class: 'dm-count' }, count),
    ),
    h(doc, 'div', { class: 'dm-tabs', role: 'tablist' }, h(doc, 'div', { class: 'dm-tab', role: 'tab' }, 'Principale')),
    h(
      doc,
      'div',
      { class: 'Cp' },
      h(
        doc,
        'table',
        { cellpadding: '0', class: 'F cf zt', role: 'grid', 'aria-readonly': 'true' },
        h(doc, 'tbody', {}, ...threads.map((thread, index) => inboxRow(doc, thread, mailbox.agent, index, opts))),
      ),
    ),
  );
}
