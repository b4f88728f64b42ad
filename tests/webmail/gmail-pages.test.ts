// The real saved Gmail pages (the shared set, ../shared/fixtures/gmail/) give the values listed in its
// SOURCES.md. Each page is parsed once; without the shared set these tests are skipped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gmailAdapter } from '../../lib/webmail/gmail';
import { adapterFor, readPage } from '../../lib/webmail/index';
import type { SavedPage } from '../../scripts/cli/saved-page';
import { loadFixture, PARIS, sharedFixturesPresent } from './fixtures';

const describeShared = describe.skipIf(!sharedFixturesPresent);

function withPage(name: string): () => Document {
  let page: SavedPage | undefined;
  beforeAll(() => {
    page = loadFixture(name);
  });
  afterAll(async () => {
    await page?.close();
  });
  return () => {
    if (!page) throw new Error(`${name} not loaded`);
    return page.document;
  };
}

describeShared('brocc open thread (April 2025)', () => {
  const doc = withPage('SubstrateLabs_brocc__gmail-inbox-thread.html');
  const THREAD = 'thread-f:1828907528778129395';
  const SUBJECT = 'The PagerDuty Subscription for substrate is within 30 days of its auto renewal date';

  it('is recognised as Gmail by its DOM shape', () => {
    expect(adapterFor(doc())?.id).toBe('gmail');
  });

  it('reads the two messages in page order with ids, sender, recipient, subject and date', () => {
    const messages = readPage(doc(), PARIS).messages;
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatchObject({
      messageId: 'msg-f:1828907528778129395',
      threadId: THREAD,
      from: { name: 'PagerDuty, Inc.', email: 'renewals@pagerduty.com' },
      to: [{ name: 'me', email: 'ben@substrate.run' }],
      subject: SUBJECT,
      date: '2025-04-09T01:02:00.000Z', // "Apr 9, 2025, 3:02 AM" in Paris (CEST)
    });
    expect(messages[0]?.text).toMatch(
      /^Dear Ben Guo,\s+This is a friendly reminder that your subscription for PagerDuty/,
    );
    expect(messages[1]).toMatchObject({
      messageId: 'msg-a:r-3813093717009887474', // no data-legacy-message-id on this one
      threadId: THREAD,
      from: { name: 'Ben Guo', email: 'ben@substrate.run' },
      to: [{ name: 'renewals', email: 'renewals@pagerduty.com' }],
      subject: SUBJECT,
      date: '2025-04-09T06:01:00.000Z',
    });
  });

  it('trims the quoted message from the reply', () => {
    expect(readPage(doc(), PARIS).messages[1]?.text).toBe('Please cancel PagerDuty for my team, we no longer need it.');
  });

  it('does not take the Gemini chip (empty data-message-id) for a message', () => {
    expect(doc().querySelectorAll('[data-message-id=""]').length).toBeGreaterThan(0);
    expect(gmailAdapter.readMessages(doc(), PARIS).every((m) => m.element.matches('div.adn'))).toBe(true);
  });

  it('reads dates in the zone it is given', () => {
    expect(readPage(doc(), { timeZone: 'America/Los_Angeles' }).messages[0]?.date).toBe('2025-04-09T10:02:00.000Z');
  });

  it('still lists the inbox rows beside the open thread, with the open thread under the same id', () => {
    const { threads } = readPage(doc(), PARIS);
    expect(threads).toHaveLength(15); // 15 tr.zA in the saved file (SOURCES.md of the shared set says 14)
    expect(threads[0]).toMatchObject({ threadId: THREAD, subject: SUBJECT, date: '2025-04-09T01:02:00.000Z' });
    expect(threads[0]?.from.map((p) => p.email)).toEqual(['renewals@pagerduty.com', 'ben@substrate.run']);
    expect(threads[1]?.threadId).toBe('thread-a:r-1645965526620114847');
  });

  it('finds no reply editor: the only contenteditable is the Gemini prompt', () => {
    expect(doc().querySelectorAll('[contenteditable="true"]')).toHaveLength(1);
    expect(gmailAdapter.findReplyEditor(doc())).toBeNull();
    const message = gmailAdapter.readMessages(doc(), PARIS)[1]?.element;
    expect(gmailAdapter.findReplyEditor(doc(), message)).toBeNull();
  });

  it("anchors injected buttons in each message's header, not in its body", () => {
    for (const { element } of gmailAdapter.readMessages(doc(), PARIS)) {
      const anchor = gmailAdapter.messageHeaderAnchor(element);
      expect(anchor?.querySelector('span.g3[title]')).not.toBeNull();
      expect(anchor?.closest('div.a3s')).toBeNull();
    }
  });

  it("opens a reply by pressing the message's own Reply button", () => {
    const message = gmailAdapter.readMessages(doc(), PARIS)[1]?.element;
    if (!message) throw new Error('no message');
    const pressed: string[] = [];
    const button = message.querySelector('[role="button"][aria-label="Reply"]');
    for (const type of ['mousedown', 'mouseup', 'click']) button?.addEventListener(type, () => pressed.push(type));
    expect(gmailAdapter.openReply(doc(), message)).toBe(true);
    expect(pressed).toEqual(['mousedown', 'mouseup', 'click']);
  });

  it('falls back to the thread Reply link (span.ams.bkH) when the header button is gone', () => {
    const message = gmailAdapter.readMessages(doc(), PARIS)[1]?.element;
    if (!message) throw new Error('no message');
    for (const button of Array.from(message.querySelectorAll('[aria-label="Reply"]'))) button.remove();
    let clicked = false;
    doc()
      .querySelector('span.ams.bkH')
      ?.addEventListener('click', () => {
        clicked = true;
      });
    expect(gmailAdapter.openReply(doc(), message)).toBe(true);
    expect(clicked).toBe(true);
  });
});

describeShared('brocc inbox list (April 2025)', () => {
  const doc = withPage('SubstrateLabs_brocc__gmail-inbox.html');

  it('reads 14 rows, the first with its thread id, subject, sender and date', () => {
    const { adapter, messages, threads } = readPage(doc(), PARIS);
    expect(adapter).toBe('gmail');
    expect(messages).toEqual([]);
    expect(threads).toHaveLength(14);
    expect(threads[0]).toEqual({
      threadId: 'thread-f:1828848632916392937',
      subject: 'KP Recap 4/8',
      from: [{ name: 'Kyle Pitzen', email: 'kyle@substrate.run' }],
      date: '2025-04-08T09:26:00.000Z', // "Tue, Apr 8, 2025, 11:26 AM" in Paris
    });
  });
});

describeShared('taoqf inbox list (January 2019)', () => {
  const doc = withPage('taoqf_node-html-parser_gmail.html');

  it('reads the 150 rows (the Social and Promotions tabs are in the DOM, hidden) in page order', () => {
    const { threads } = readPage(doc(), PARIS);
    expect(threads).toHaveLength(150);
    expect(threads[0]).toEqual({
      threadId: 'thread-f:1622980814106542775',
      subject: 'Verify your email address',
      from: [{ name: 'donotreply', email: 'donotreply@upwork.com' }],
      date: '2019-01-18T00:10:00.000Z', // "Fri, Jan 18, 2019, 1:10 AM" in Paris (CET)
    });
  });

  it('reads every row date and subject', () => {
    const { threads } = readPage(doc(), PARIS);
    expect(threads.filter((t) => t.date === null || t.subject === '')).toEqual([]);
  });
});

describeShared('InboxSDK classic inbox (December 2014, no ids in the DOM)', () => {
  const doc = withPage('InboxSDK_InboxSDK_injected-thread-identifier.html');

  it('reads 16 rows; without a Gmail id, the thread id is the page-local row id', () => {
    const { threads } = readPage(doc(), PARIS);
    expect(threads).toHaveLength(16);
    expect(threads[0]).toEqual({
      threadId: 'row::35',
      subject: 'aaa',
      from: [{ name: 'me', email: 'streak.web.test.1@gmail.com' }],
      date: '2014-12-18T11:35:00.000Z', // "Thu, Dec 18, 2014 at 12:35 PM" in Paris (CET)
    });
    expect(threads.find((t) => t.threadId === 'row::3r')?.from).toEqual([
      { name: 'Team Twilio', email: 'news@twilio.com' },
    ]);
  });
});

describeShared('Gmail add-on sidebar fragment (June 2017)', () => {
  const doc = withPage('InboxSDK_InboxSDK_gmail-2017-06-22-gmail-addon-sidebar.html');

  it('is not a webmail page to any adapter', () => {
    expect(adapterFor(doc())).toBeNull();
    expect(readPage(doc(), PARIS)).toEqual({ adapter: null, messages: [], threads: [] });
    expect(gmailAdapter.readMessages(doc(), PARIS)).toEqual([]);
  });
});
