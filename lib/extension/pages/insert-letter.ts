// Inserting a rendered letter from the side panel: into the reply of the webmail tab that shows the
// complaint's thread; failing that, onto the clipboard (HTML and plain text). Either way the register
// records the template, its version, the SHA-256 of the text, and the letter exactly as it went out (text,
// HTML, and the values typed in the fill-in form): the case file shows that, never a re-rendering.
import type { z } from 'zod';
import { t } from '../../i18n';
import type { RenderedLetter } from '../../letters/render';
import { type Complaint, LetterRecordSchema } from '../../register/schema';
import { send, sendToTab } from '../protocol';
import { tabShowingThread } from '../webmail-tabs';

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

/** What the composer adds to the rendered letter: the values typed, and the extension a letter announces. */
export interface LetterExtras {
  inputs: Readonly<Record<string, string>>;
  extensionAt?: string;
}

type LetterRecord = z.infer<typeof LetterRecordSchema>;

/** The register's record of `letter` as sent on `channel`, checked against the register's schema. */
export function sentRecord(
  letter: RenderedLetter,
  extras: LetterExtras,
  channel: LetterRecord['channel'],
  at: Date,
): z.ZodSafeParseResult<LetterRecord> {
  return LetterRecordSchema.safeParse({
    templateId: letter.templateId,
    templateVersion: letter.version,
    lang: letter.lang,
    sha256: letter.sha256,
    at: at.toISOString(),
    channel,
    sent: { text: letter.text, html: letter.html, inputs: { ...extras.inputs } },
    ...(extras.extensionAt ? { extensionAt: extras.extensionAt } : {}),
  });
}

export async function insertLetterFor(
  complaint: Complaint,
  letter: RenderedLetter,
  extras: LetterExtras = { inputs: {} },
): Promise<{ ok: boolean; message: string }> {
  // Checked before anything goes out: a letter the register could not keep (a typed value over the size
  // limit) is not sent either, so the register never lacks a letter the customer received.
  const checked = sentRecord(letter, extras, 'reply', new Date());
  if (!checked.success) return { ok: false, message: t('ui.letter.unrecordable') };
  const target = await tabShowingThread({ threadId: complaint.source.threadId, messageId: complaint.source.messageId });
  let channel: 'reply' | 'clipboard' = 'clipboard';
  if (target !== undefined) {
    const result = await sendToTab(target, {
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
  const record = { ...checked.data, channel, at: new Date().toISOString() };
  await send({ type: 'complaint/letter', id: complaint.id, letter: record });
  return { ok: true, message: t(channel === 'reply' ? 'ui.letter.inserted' : 'ui.letter.clipboard') };
}
