// Inserting a rendered letter from the side panel: into the reply of the webmail tab that shows the
// complaint's thread; failing that, onto the clipboard (HTML and plain text). Either way the register
// records the template, its version and the SHA-256 of the text.
import browser from 'webextension-polyfill';
import { readWebmailTabs, tabForThread } from '../background/webmail-tabs';
import { t } from '../i18n';
import type { RenderedLetter } from '../letters/render';
import { send, sendToTab } from '../messages';
import type { InsertResult } from '../messages-webmail';
import type { Complaint } from '../register/schema';

async function copyToClipboard(letter: RenderedLetter): Promise<void> {
  if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([letter.html], { type: 'text/html' }),
        'text/plain': new Blob([letter.text], { type: 'text/plain' }),
      }),
    ]);
    return;
  }
  await navigator.clipboard.writeText(letter.text);
}

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export async function insertLetterFor(
  complaint: Complaint,
  letter: RenderedLetter,
): Promise<{ ok: boolean; message: string }> {
  const target = tabForThread(
    await readWebmailTabs(),
    { threadId: complaint.source.threadId, messageId: complaint.source.messageId },
    await activeTabId(),
  );
  let channel: 'reply' | 'clipboard' = 'clipboard';
  if (target !== undefined) {
    const result = await sendToTab<InsertResult>(target, {
      type: 'letter/insert',
      messageId: complaint.source.messageId,
      letter: { text: letter.text, html: letter.html },
    }).catch(() => null);
    if (result?.inserted) channel = 'reply';
  }
  if (channel === 'clipboard') {
    try {
      await copyToClipboard(letter);
    } catch (error) {
      return { ok: false, message: t('ui.letter.failed', { error: String(error) }) };
    }
  }
  await send({
    type: 'complaint/letter',
    id: complaint.id,
    letter: {
      templateId: letter.templateId,
      templateVersion: letter.version,
      lang: letter.lang,
      sha256: letter.sha256,
      at: new Date().toISOString(),
      channel,
    },
  });
  return { ok: true, message: t(channel === 'reply' ? 'ui.letter.inserted' : 'ui.letter.clipboard') };
}
